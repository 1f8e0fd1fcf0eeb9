"""Cases for the platform changes of 2025–26 (messenger-platform.md §16): several app
secrets, the `Facebook-API-Version` header, both sticker forms, Instagram's unsend, and
Instagram's and the notification messages' dated rules. Signatures come from Python's hmac."""

import hashlib
import hmac

from common import compact, make_case
from send_cases import case as send_case, req, retired, template, v
from webhook_cases import IG, IGSID, PAGE, USER, entry, envelope, ev, item, parsed

NOTES = {
    "several_secrets": "verified against a list of app secrets; the position of the one that matched is returned",
    "api_version": "the Facebook-API-Version header of the webhook request, returned beside the notification",
    "sticker_forms": "the legacy image-with-sticker_id form and the sticker form of 2026-06-01 read alike",
    "region": "the answer depends on where the Page is (notification messages since 2026-02-10)",
}

FB_SECRET = "facebook-app-secret-0001"
IG_SECRET = "instagram-app-secret-0002"


def sha256(secret, body):
    return "sha256=" + hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()


def signature_cases():
    body = compact(envelope(entry(IG, messaging=[]), obj="instagram"))
    signed_ig = sha256(IG_SECRET, body)

    def any_of(id_, secrets, header, expect, comment=None):
        inp = {"call": "verify_any", "app_secrets": secrets, "body": body, "header": header}
        return make_case("signature/several/" + id_, inp, expect, flags=["several_secrets"], comment=comment)

    return [
        any_of("second-of-two", [FB_SECRET, IG_SECRET], signed_ig, {"ok": {"algorithm": "sha256", "secret_index": 1}},
               comment="one endpoint for Facebook-Login and Instagram-Login webhooks"),
        any_of("first-of-two", [IG_SECRET, FB_SECRET], signed_ig, {"ok": {"algorithm": "sha256", "secret_index": 0}}),
        any_of("same-secret-twice-first-wins", [IG_SECRET, IG_SECRET], signed_ig, {"ok": {"algorithm": "sha256", "secret_index": 0}}),
        any_of("one-secret", [IG_SECRET], signed_ig, {"ok": {"algorithm": "sha256", "secret_index": 0}}),
        any_of("none-matches", [FB_SECRET, "rotated-out-secret"], signed_ig, {"error": {"code": "signature_mismatch"}}),
        any_of("empty-list", [], signed_ig, {"error": {"code": "app_secret_empty"}}),
        any_of("an-empty-secret-in-the-list", [IG_SECRET, ""], signed_ig, {"error": {"code": "app_secret_empty"}},
               comment="an unset variable in the list fails closed, even when another secret would match"),
        any_of("malformed-header", [IG_SECRET], "sha256=abc", {"error": {"code": "signature_wrong_length"}}),
    ]


def receive_cases():
    message = {"mid": "m_RCV1", "text": "hi"}
    body = compact(envelope(entry(messaging=[item("message", message)])))
    notification = parsed("page", [ev("message", message)])["ok"]
    signed = sha256(FB_SECRET, body)

    def receive(id_, headers, expect, secrets=(IG_SECRET, FB_SECRET), comment=None):
        inp = {"call": "receive", "app_secrets": list(secrets), "body": body, "headers": headers}
        return make_case("webhook/receive/" + id_, inp, expect, flags=["api_version", "several_secrets"], comment=comment)

    return [
        receive("with-api-version", [["Content-Type", "application/json"], ["X-Hub-Signature-256", signed],
                                     ["Facebook-API-Version", "v27.0"]],
                {"ok": {"algorithm": "sha256", "secret_index": 1, "api_version": "v27.0", "notification": notification}}),
        receive("header-names-any-case", [["facebook-api-version", " v26.0 "], ["x-hub-signature-256", signed]],
                {"ok": {"algorithm": "sha256", "secret_index": 1, "api_version": "v26.0", "notification": notification}}),
        receive("without-api-version", [["X-Hub-Signature-256", signed]],
                {"ok": {"algorithm": "sha256", "secret_index": 1, "notification": notification}},
                comment="absent when the header is"),
        receive("not-signed-by-any", [["X-Hub-Signature-256", signed], ["Facebook-API-Version", "v27.0"]],
                {"error": {"code": "signature_mismatch"}}, secrets=[IG_SECRET]),
        receive("no-signature-header", [["Facebook-API-Version", "v27.0"]], {"error": {"code": "signature_missing"}}),
    ]


def sticker_and_unsend_cases():
    url = "https://scontent.xx.fbcdn.net/v/t39.1997-6/s.png"
    legacy = {"mid": "m_STK3", "attachments": [{"type": "image", "payload": {"url": url, "sticker_id": 767226160478561}}]}
    new = {"mid": "m_STK3", "attachments": [{"type": "sticker", "payload": {"url": url, "sticker_id": 767226160478561}}]}
    read = {"mid": "m_STK3", "sticker_id": "767226160478561",
            "attachments": [{"type": "sticker", "payload": {"url": url, "sticker_id": "767226160478561"}}]}
    echo = {"mid": "m_STK4", "is_echo": True, "app_id": 1234567890123, "sticker_id": 369239263222822,
            "attachments": [{"type": "image", "payload": {"url": url, "sticker_id": 369239263222822}}]}
    echo_read = {"mid": "m_STK4", "app_id": "1234567890123", "sticker_id": "369239263222822",
                 "attachments": [{"type": "sticker", "payload": {"url": url, "sticker_id": "369239263222822"}}]}

    def ig_body(*items):
        return compact(envelope(entry(IG, messaging=list(items)), obj="instagram"))

    def iev(kind, payload, **kw):
        return ev(kind, payload, pid=IG, platform="instagram", sender=kw.pop("sender", IGSID),
                  recipient=kw.pop("recipient", IG), **kw)

    return [
        make_case("webhook/sticker/both-forms-one-shape-one-key",
                  {"body": compact(envelope(entry(messaging=[item("message", legacy), item("message", new)])))},
                  parsed("page", [ev("message", read), ev("message", read)]), flags=["sticker_forms"],
                  comment="the same message delivered in each form: equal events, equal dedupe keys"),
        make_case("webhook/sticker/new-form-alone",
                  {"body": compact(envelope(entry(messaging=[item("message", new)])))},
                  parsed("page", [ev("message", read)]), flags=["sticker_forms"],
                  comment="the only form Meta sends since 2026-08-30; the message's sticker_id is filled from it"),
        make_case("webhook/sticker/echo-legacy-form",
                  {"body": compact(envelope(entry(messaging=[item("message", echo, sender=PAGE, recipient=USER)])))},
                  parsed("page", [ev("echo", echo_read, sender=PAGE, recipient=USER)]), flags=["sticker_forms"]),
        make_case("webhook/sticker/two-different-stickers-stay",
                  {"body": compact(envelope(entry(messaging=[item("message", {"mid": "m_STK5", "attachments": [
                      {"type": "sticker", "payload": {"url": url, "sticker_id": "1"}},
                      {"type": "image", "payload": {"url": url + "?2", "sticker_id": "2"}}]})])))},
                  parsed("page", [ev("message", {"mid": "m_STK5", "sticker_id": "1", "attachments": [
                      {"type": "sticker", "payload": {"url": url, "sticker_id": "1"}},
                      {"type": "sticker", "payload": {"url": url + "?2", "sticker_id": "2"}}]})]), flags=["sticker_forms"]),
        make_case("webhook/instagram/unsend-is-message-deleted",
                  {"body": ig_body(item("message", {"mid": "aWdfZAG9", "is_deleted": True}, sender=IGSID, recipient=IG))},
                  parsed("instagram", [iev("message_deleted", {"mid": "aWdfZAG9", "is_deleted": True})]),
                  comment="its dedupe key differs from the deleted message's own (message_deleted:<mid>)"),
        make_case("webhook/instagram/legacy-share-still-parses",
                  {"body": ig_body(item("message", {"mid": "aWdfZAG8", "attachments": [
                      {"type": "share", "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=9"}},
                      {"type": "ig_post", "payload": {"url": "https://www.instagram.com/p/C1", "ig_post_media_id": "1800"}}]},
                      sender=IGSID, recipient=IG))},
                  parsed("instagram", [iev("message", {"mid": "aWdfZAG8", "attachments": [
                      {"type": "share", "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=9"}},
                      {"type": "ig_post", "payload": {"url": "https://www.instagram.com/p/C1", "ig_post_media_id": "1800"}}]})]),
                  comment="share is gone from Instagram since 2026-04-27 (the profile knows); old deliveries still parse"),
    ]


def webhook_cases():
    return receive_cases() + sticker_and_unsend_cases()


def send_cases():
    ig = "instagram"
    email = req({"text": "Your email?", "quick_replies": [{"content_type": "user_email"}]})
    phone = req({"text": "Your phone?", "quick_replies": [{"content_type": "user_phone_number"}]})
    qr_field = "message.quick_replies[0].content_type"
    replacement = "a text quick reply that asks for it"
    pdf = req({"attachment": {"type": "file", "payload": {"url": "https://cdn.example.com/menu.pdf"}}})
    saved = req({"attachment": {"type": "image", "payload": {"attachment_id": "1857777774821032"}}})
    images = [{"type": "image", "payload": {"url": f"https://cdn.example.com/{n}.jpg"}} for n in (1, 2, 3)]
    several = req({"attachments": images})
    token = {"recipient": {"notification_messages_token": "6500000000000099"}, "messaging_type": "UPDATE",
             "message": {"text": "This week's deals"}}
    optin = req(template({"template_type": "notification_messages", "title": "Deals every week", "payload": "DEALS"}))
    on = "message.attachment.payload.template_type"
    return [
        send_case("instagram/user-email-until-2026-10-04", email, [], as_of="2026-10-04", platform=ig, flags=["instagram", "dated"]),
        send_case("instagram/user-email-retired-2026-10-05", email, [retired(qr_field, "2026-10-05", replacement)],
                  as_of="2026-10-05", platform=ig, flags=["instagram", "dated", "retired"]),
        send_case("instagram/user-phone-number-retired", phone, [retired(qr_field, "2026-10-05", replacement)],
                  platform=ig, flags=["instagram", "retired"]),
        send_case("instagram/user-email-on-messenger-stays", email, [], flags=["dated"]),
        send_case("instagram/pdf-before-2025-12-19", pdf, [v("not_allowed", "message.attachment.type")],
                  as_of="2025-12-18", platform=ig, flags=["instagram", "dated"]),
        send_case("instagram/pdf-from-2025-12-19", pdf, [], as_of="2025-12-19", platform=ig, flags=["instagram", "dated"]),
        send_case("instagram/image-by-attachment-id-before-2026-03-13", saved,
                  [v("not_allowed", "message.attachment.payload.attachment_id")], as_of="2026-03-12", platform=ig,
                  flags=["instagram", "dated"]),
        send_case("instagram/image-by-attachment-id-from-2026-03-13", saved, [], as_of="2026-03-13", platform=ig,
                  flags=["instagram", "dated"]),
        send_case("instagram/image-by-attachment-id-on-messenger-always", saved, [], as_of="2026-03-12", flags=["dated"]),
        send_case("instagram/several-images-in-beta", several, [v("not_allowed", "message.attachments")],
                  as_of="2026-05-05", platform=ig, flags=["instagram", "dated"]),
        send_case("instagram/several-images-from-2026-05-06", several, [], as_of="2026-05-06", platform=ig,
                  flags=["instagram", "dated"]),
        send_case("instagram/several-attachments-only-images", req({"attachments": [images[0], {
            "type": "video", "payload": {"url": "https://cdn.example.com/v.mp4"}}]}),
                  [v("not_allowed", "message.attachments[1].type")], platform=ig, flags=["instagram"]),
        send_case("instagram/several-attachments-and-text-conflict", req({"text": "look", "attachments": images}),
                  [v("conflict", "message")], platform=ig, flags=["instagram"]),
        send_case("instagram/several-attachments-not-on-messenger", several, [v("not_allowed", "message.attachments")]),
        region_case("region/token-send-without-region", token, [v("region_dependent", "recipient.notification_messages_token")]),
        region_case("region/token-send-in-germany", token, [], region="DE"),
        region_case("region/token-send-in-the-uk", token, [], region="UK", comment="UK is read as GB"),
        region_case("region/token-send-in-the-us", token, [v("not_allowed", "recipient.notification_messages_token")],
                    region="US"),
        region_case("region/token-send-before-2026-02-10", token, [], as_of="2026-02-09"),
        region_case("region/optin-template-without-region", optin, [v("region_dependent", on)]),
        region_case("region/optin-template-in-japan", optin, [], region="JP"),
        region_case("region/not-a-country", token, None, region="Deutschland"),
    ]


def region_case(id_, body, violations, *, region=None, as_of=None, comment=None):
    inp = {"body": body}
    if as_of:
        inp["as_of"] = as_of
    if region:
        inp["region"] = region
    expect = {"ok": violations} if violations is not None else {"error": {"code": "invalid_input", "field": "options.region"}}
    return make_case("send/" + id_, inp, expect, flags=["region"] + (["dated"] if as_of else []), comment=comment)
