"""Cases for tests/vectors/emit.json: Meta webhooks and send outcomes as the callbacks of
Smooch v1.1, Sunshine Conversations v2, Sinch and Linktor (vendor-formats.md §2.7, §3.5,
§4.3, §7 items 30-43, 61-69, 78-79, 90). The first cases follow the vendors' published
examples (Sinch's inbound text and delivery report, Linktor's three events). IDs are
derived here by a second implementation of the documented rule, so the vectors pin it:
sha256("msgrkit.emit.v1" + vendor + each part length-prefixed), shaped per vendor."""

import base64
import hashlib
import hmac
import json

from common import compact, make_case
from webhook_cases import PAGE, USER, USER2, APP, IG, IGSID, entry, envelope, item

T = 1605514662814  # 2020-11-16T08:17:42.814Z, the time of Sinch's example
ISO = "2020-11-16T08:17:42.814Z"
SECS = 1605514662.814
CFG = {"app_id": "01EB37HMH1M6SV18ABNS3G135H", "project_id": "c36f3d3d-1523-4edd-ae42-11995557ff61"}
SMOOCH = {"app_id": "5963c0d619a30a2e00de36b8", "integration_id": "5e1f438bf99fb467810c0ab9"}
SUNSHINE = {**SMOOCH, "webhook_id": "5f1d90e6ba4d3a000c3c3fcd"}
LINKTOR = {"channel_id": "ch_facebook_1"}

NOTES = {
    "published": "the vendor's own published example, with Meta's matching webhook as input",
    "ids": "derived IDs: the same webhook gives the same IDs (redeliveries keep the host's idempotency)",
    "accounted": "every event becomes callbacks or warnings: nothing is dropped silently",
    "outcome": "a send outcome (Graph's answer) as the vendor's delivery callback",
    "signed": "the callback's signature headers, as the vendor computes them",
    "verify": "checking a vendor callback's signature",
}

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def derive(vendor, *parts):
    h = hashlib.sha256(b"msgrkit.emit.v1" + vendor.encode())
    for part in parts:
        data = part.encode()
        h.update(len(data).to_bytes(8, "big") + data)
    d = h.digest()
    if vendor == "Sinch":
        value = int.from_bytes(d[:16], "big")
        return "".join(CROCKFORD[(value >> (i * 5)) & 31] for i in range(25, -1, -1))
    if vendor in ("Smooch", "Sunshine"):
        return d[:12].hex()
    b = bytearray(d[:16])
    b[6] = (b[6] & 0x0F) | 0x80
    b[8] = (b[8] & 0x3F) | 0x80
    x = b.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def user_id(v, page=PAGE, who=USER):
    return derive(v, "user", page, who)


def conv_id(v, page=PAGE, who=USER):
    return derive(v, "conversation", page, who)


def msg_id(v, mid, n=0, page=PAGE):
    return derive(v, "message", page, mid, str(n))


def event_id(v, dedupe, name, n=0):
    return derive(v, "event", dedupe, name, str(n))


def body_of(*items, obj="page", pid=PAGE):
    return compact(envelope(entry(pid, messaging=list(items), time=T), obj=obj))


def msg(payload, **kw):
    return item("message", payload, timestamp=T, **kw)


def callbacks(*bodies, headers=None):
    out = []
    for b in bodies:
        text = json.dumps(b, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
        out.append({"headers": headers(text) if headers else {"content-type": "application/json"},
                    "body": b, "body_text": text})
    return out


def emitted(bodies=(), warnings=(), errors=(), headers=None):
    return {"ok": {"callbacks": callbacks(*bodies, headers=headers), "warnings": list(warnings), "errors": list(errors)}}


def warning(code, event, dedupe, field):
    return {"code": code, "event": event, "dedupe_key": dedupe, "field": field}


def emit(id_, vendor, body, config, expect, *, flags=(), comment=None):
    return make_case("emit/" + id_, {"call": "emit", "vendor": vendor, "body": body, "config": config}, expect,
                     flags=flags, comment=comment)


def outcome(id_, vendor, result, config, expect, *, flags=("outcome",), comment=None):
    return make_case("emit/" + id_, {"call": "outcome", "vendor": vendor, "outcome": result, "config": config}, expect,
                     flags=flags, comment=comment)


# ---- Sinch ----------------------------------------------------------------------------

def sinch_identity(who=USER, channel="MESSENGER"):
    return {"channel": channel, "identity": who, "app_id": CFG["app_id"]}


def sinch(key, value, project=True):
    out = {"app_id": CFG["app_id"], "accepted_time": ISO, "event_time": ISO, key: value}
    if project:
        out["project_id"] = CFG["project_id"]
    return out


def sinch_inbound(mid, content, n=0, who=USER, channel="MESSENGER", page=PAGE):
    return sinch("message", {
        "id": msg_id("Sinch", mid, n, page), "direction": "TO_APP", "contact_message": content,
        "channel_identity": sinch_identity(who, channel), "conversation_id": conv_id("Sinch", page, who),
        "contact_id": user_id("Sinch", page, who), "metadata": "", "accept_time": ISO})


def sinch_report(message_id, status, reason=None):
    report = {"message_id": message_id, "conversation_id": conv_id("Sinch"), "status": status,
              "channel_identity": sinch_identity(), "contact_id": user_id("Sinch"), "metadata": ""}
    if reason:
        report["reason"] = reason
    return sinch("message_delivery_report", report)


def sinch_signed(secret, nonce, ts):
    def headers(text):
        signed = f"{text}.{nonce}.{ts}".encode()
        sig = base64.b64encode(hmac.new(secret.encode(), signed, hashlib.sha256).digest()).decode()
        return {"content-type": "application/json", "x-sinch-webhook-signature": sig,
                "x-sinch-webhook-signature-algorithm": "HmacSHA256",
                "x-sinch-webhook-signature-nonce": nonce, "x-sinch-webhook-signature-timestamp": str(ts)}
    return headers


def sinch_cases():
    hello = body_of(msg({"mid": "m_hello", "text": "Hello World"}))
    image = {"type": "image", "payload": {"url": "https://scontent.xx.fbcdn.net/v/t1/photo.jpg?oh=1"}}
    echo_item = msg({"mid": "m_echo", "text": "Thanks!", "is_echo": True, "app_id": int(APP)}, sender=PAGE, recipient=USER)
    echo_wire = {"object": "page", "entry": [{"id": PAGE, "time": T, "messaging": [
        {"sender": {"id": PAGE}, "recipient": {"id": USER}, "timestamp": T,
         "message": {"app_id": APP, "mid": "m_echo", "text": "Thanks!", "is_echo": True}}]}]}
    start_sent = dict(CFG, get_started_payload="GET_STARTED")
    sent = dict(CFG, sent=[{"mid": "m_out1", "timestamp": T - 5000, "recipient": USER, "message_id": "01HOSTMSG1"},
                           {"mid": "m_out2", "timestamp": T - 1000, "recipient": USER},
                           {"mid": "m_other", "timestamp": T - 1000, "recipient": USER2}],
                messages={"m_out2": "01HOSTMSG2"})
    return [
        emit("sinch/text", "sinch", hello, CFG,
             emitted([sinch_inbound("m_hello", {"text_message": {"text": "Hello World"}})]),
             flags=["published", "ids"], comment="Sinch's Inbound Message example, with Meta's text webhook as input"),
        emit("sinch/no-project-id", "sinch", hello, {"app_id": CFG["app_id"]},
             {"error": {"code": "required", "field": "config.project_id"}},
             comment="real Sinch callbacks always carry project_id, and both Sinch SDKs refuse one without it"),
        emit("sinch/quick-reply", "sinch",
             body_of(msg({"mid": "m_qr", "text": "Great!", "quick_reply": {"payload": "RATING_GREAT"}})),
             dict(CFG, payloads={"RATING_GREAT": "01HOSTCHOICE"}),
             emitted([sinch_inbound("m_qr", {"choice_response_message": {"message_id": "01HOSTCHOICE", "postback_data": "RATING_GREAT"}})],
                     [warning("dropped", 0, "message:m_qr", "message.text")]),
             comment="quick replies and postbacks are both choice responses; message_id from the host's payload map; "
                     "the tap's text has no place in a choice response"),
        emit("sinch/postback", "sinch",
             body_of(item("postback", {"mid": "m_pb", "payload": "VIEW_ORDERS", "title": "View Orders"}, timestamp=T)), CFG,
             emitted([sinch_inbound("m_pb", {"choice_response_message": {"message_id": "", "postback_data": "VIEW_ORDERS"}})],
                     [warning("dropped", 0, "postback:m_pb", "postback.title")])),
        emit("sinch/get-started", "sinch",
             body_of(item("postback", {"mid": "m_gs", "payload": "GET_STARTED"}, timestamp=T)), start_sent,
             emitted([sinch("conversation_start_notification", {"conversation": {
                 "id": conv_id("Sinch"), "app_id": CFG["app_id"], "contact_id": user_id("Sinch"), "last_received": ISO,
                 "active_channel": "MESSENGER", "active": True, "metadata": ""}}),
                 sinch_inbound("m_gs", {"choice_response_message": {"message_id": "", "postback_data": "GET_STARTED"}})]),
             comment="the Get Started payload is configured: the conversation starts"),
        emit("sinch/get-started-with-a-referral", "sinch",
             body_of(item("postback", {"mid": "m_gsr", "payload": "GET_STARTED",
                                       "referral": {"ref": "spring_sale", "source": "SHORTLINK", "type": "OPEN_THREAD"}}, timestamp=T)),
             CFG,
             emitted([sinch("conversation_start_notification", {"conversation": {
                 "id": conv_id("Sinch"), "app_id": CFG["app_id"], "contact_id": user_id("Sinch"), "last_received": ISO,
                 "active_channel": "MESSENGER", "active": True, "metadata": ""}}),
                 sinch_inbound("m_gsr", {"choice_response_message": {"message_id": "", "postback_data": "GET_STARTED"}})],
                 [warning("dropped", 0, "postback:m_gsr", "postback.referral")]),
             comment="a referral starts the conversation; Sinch has no field for its ref, so that is a warning"),
        emit("sinch/image", "sinch", body_of(msg({"mid": "m_img", "attachments": [image]})), CFG,
             emitted([sinch_inbound("m_img", {"media_message": {"url": image["payload"]["url"]}})])),
        emit("sinch/location", "sinch",
             body_of(msg({"mid": "m_loc", "attachments": [{"type": "location", "payload": {"coordinates": {"lat": 59.3293, "long": 18.0686}}}]})),
             CFG, emitted([sinch_inbound("m_loc", {"location_message": {"title": "", "label": "", "coordinates": {"latitude": 59.3293, "longitude": 18.0686}}})]),
             comment="Sinch: Messenger sends empty title and label"),
        emit("sinch/location-with-title-and-url", "sinch",
             body_of(msg({"mid": "m_loc2", "attachments": [{"type": "location", "title": "Stockholm", "url": "https://maps.example/s",
                                                           "payload": {"coordinates": {"lat": 59.3293, "long": 18.0686}}}]})),
             CFG, emitted([sinch_inbound("m_loc2", {"location_message": {"title": "Stockholm", "label": "",
                                                                         "coordinates": {"latitude": 59.3293, "longitude": 18.0686}}})],
                          [warning("dropped", 0, "message:m_loc2", "message.attachments[0].payload.url")]),
             comment="the title is the location's; Sinch has no field for its link, so that is a warning"),
        emit("sinch/reply-to", "sinch",
             body_of(msg({"mid": "m_re", "text": "that one", "reply_to": {"mid": "m_out2"}})), sent,
             emitted([sinch_inbound("m_re", {"text_message": {"text": "that one"}, "reply_to": {"message_id": "01HOSTMSG2"}})])),
        emit("sinch/echo-is-unsupported", "sinch", body_of(echo_item), CFG,
             emitted([sinch("unsupported_callback", {
                 "channel": "MESSENGER", "payload": json.dumps(echo_wire, separators=(",", ":"), sort_keys=True),
                 "contact_id": user_id("Sinch"), "conversation_id": conv_id("Sinch"), "channel_identity": sinch_identity(),
                 "id": msg_id("Sinch", "m_echo")})]),
             comment="as Sinch does for is_echo: the raw Meta JSON of that one event, in a string"),
        emit("sinch/read-covers-sent-messages", "sinch",
             body_of(item("read", {"watermark": T - 1000}, timestamp=T)), sent,
             emitted([sinch_report("01HOSTMSG1", "READ"), sinch_report("01HOSTMSG2", "READ")]),
             comment="a watermark covers the host's messages to this person at or before it, never another person's"),
        emit("sinch/delivery-by-mid", "sinch",
             body_of(item("delivery", {"mids": ["m_out9"], "watermark": T - 9000}, timestamp=T)), CFG,
             emitted([sinch_report(msg_id("Sinch", "m_out9"), "DELIVERED")])),
        emit("sinch/delivery-covering-nothing", "sinch",
             body_of(item("delivery", {"watermark": T - 1000}, timestamp=T)), CFG,
             emitted([], [warning("no_equivalent", 0, f"delivery:{USER}:{T - 1000}", "delivery")]), flags=["accounted"]),
        emit("sinch/instagram", "sinch",
             compact(envelope(entry(IG, messaging=[item("message", {"mid": "ig_1", "text": "hi"}, sender=IGSID, recipient=IG, timestamp=T)], time=T), obj="instagram")),
             CFG, emitted([sinch_inbound("ig_1", {"text_message": {"text": "hi"}}, who=IGSID, channel="INSTAGRAM", page=IG)])),
        emit("sinch/signed", "sinch", hello, dict(CFG, secret="sinch-secret", nonce="01FJA8B4A7BM43YGWSG9GBV067", timestamp=1605514663),
             emitted([sinch_inbound("m_hello", {"text_message": {"text": "Hello World"}})],
                     headers=sinch_signed("sinch-secret", "01FJA8B4A7BM43YGWSG9GBV067", 1605514663)),
             flags=["signed"], comment="base64(HMAC-SHA256(secret, body . nonce . timestamp)), padded"),
        emit("sinch/signing-needs-a-nonce", "sinch", hello, dict(CFG, secret="s", timestamp=1),
             {"error": {"code": "required", "field": "config.nonce"}}, flags=["signed"]),
        emit("sinch/app-id-required", "sinch", hello, {}, {"error": {"code": "required", "field": "config.app_id"}}),
        emit("sinch/unknown-config-key", "sinch", hello, dict(CFG, app=1),
             {"error": {"code": "invalid_input", "field": "config.app"}}),
        outcome("sinch/outcome-queued", "sinch",
                {"status": 200, "body": {"recipient_id": USER, "message_id": "m_sent"}, "message_id": "01HOSTSEND",
                 "recipient": USER, "page_id": PAGE, "timestamp": T}, CFG,
                emitted([sinch_report("01HOSTSEND", "QUEUED_ON_CHANNEL")])),
        outcome("sinch/outcome-outside-window", "sinch",
                {"status": 400, "body": {"error": {"message": "(#10) This message is sent outside of allowed window.",
                                                   "type": "OAuthException", "code": 10, "error_subcode": 2018278,
                                                   "fbtrace_id": "A1"}},
                 "message_id": "01HOSTSEND", "recipient": USER, "page_id": PAGE, "timestamp": T}, CFG,
                emitted([sinch_report("01HOSTSEND", "FAILED", {
                    "code": "OUTSIDE_ALLOWED_SENDING_WINDOW", "sub_code": "UNSPECIFIED_SUB_CODE",
                    "description": "The underlying channel reported: (#10) This message is sent outside of allowed window."})])),
        outcome("sinch/outcome-rate-limited", "sinch",
                {"status": 400, "body": {"error": {"message": "Calls to this api have exceeded the rate limit.", "code": 613}},
                 "message_id": "01HOSTSEND", "recipient": USER, "page_id": PAGE, "timestamp": T}, CFG,
                emitted([sinch_report("01HOSTSEND", "FAILED", {
                    "code": "RATE_LIMITED", "sub_code": "UNSPECIFIED_SUB_CODE",
                    "description": "The underlying channel reported: Calls to this api have exceeded the rate limit."})])),
    ]


# ---- Linktor --------------------------------------------------------------------------

def linktor(event, data, dedupe, n=0):
    return {"id": event_id("Linktor", dedupe, event, n), "event": event, "timestamp": ISO, "data": data}


def linktor_signed(secret, ts):
    def headers(text):
        sig = hmac.new(secret.encode(), f"{ts}.{text}".encode(), hashlib.sha256).hexdigest()
        event = json.loads(text)
        return {"content-type": "application/json", "x-linktor-signature": f"sha256={sig}",
                "x-linktor-timestamp": str(ts), "x-linktor-event": event["event"], "x-linktor-delivery-id": event["id"]}
    return headers


def linktor_sdk(event, data, dedupe, n=0):
    return {"id": event_id("Linktor", dedupe, event, n), "type": event, "timestamp": ISO, "tenantId": "tenant_1",
            "data": data}


def linktor_sdk_signed(secret, ts):
    def headers(text):
        sig = hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()
        event = json.loads(text)
        return {"content-type": "application/json", "x-linktor-signature": sig,
                "x-linktor-timestamp": str(ts), "x-linktor-event": event["type"], "x-linktor-delivery-id": event["id"]}
    return headers


def linktor_cases():
    return [
        emit("linktor/postback", "linktor",
             body_of(item("postback", {"mid": "m_pb", "payload": "VIEW_ORDERS", "title": "View Orders"}, timestamp=T)), LINKTOR,
             emitted([linktor("facebook.postback", {"channelId": "ch_facebook_1", "from": USER, "payload": "VIEW_ORDERS",
                                                    "title": "View Orders", "timestamp": ISO}, "postback:m_pb")]),
             flags=["published"]),
        emit("linktor/postback-with-a-referral", "linktor",
             body_of(item("postback", {"mid": "m_pr", "payload": "GET_STARTED",
                                       "referral": {"ref": "spring_sale", "source": "SHORTLINK", "type": "OPEN_THREAD"}}, timestamp=T)),
             LINKTOR,
             emitted([linktor("facebook.postback", {"channelId": "ch_facebook_1", "from": USER, "payload": "GET_STARTED",
                                                    "title": None, "timestamp": ISO}, "postback:m_pr")],
                     [warning("dropped", 0, "postback:m_pr", "postback.referral")]),
             comment="Linktor's postback event has no field for the referral's ref: a warning"),
        emit("linktor/quick-reply", "linktor",
             body_of(msg({"mid": "m_qr", "text": "Great!", "quick_reply": {"payload": "RATING_GREAT"}})), LINKTOR,
             emitted([linktor("facebook.quick_reply", {"channelId": "ch_facebook_1", "from": USER, "payload": "RATING_GREAT",
                                                       "text": "Great!", "timestamp": ISO}, "message:m_qr")]),
             flags=["published"], comment="a quick reply is facebook.quick_reply only, not also message.received"),
        emit("linktor/text", "linktor", body_of(msg({"mid": "m_t", "text": "Hi there"})),
             dict(LINKTOR, profiles={USER: {"first_name": "Ana", "last_name": "Lima"}}),
             emitted([linktor("message.received", {
                 "id": msg_id("Linktor", "m_t"), "channelId": "ch_facebook_1", "channelType": "facebook",
                 "conversationId": conv_id("Linktor"), "contactId": user_id("Linktor"), "direction": "inbound", "from": USER,
                 "content": {"type": "text", "text": "Hi there"}, "timestamp": ISO,
                 "metadata": {"mid": "m_t", "firstName": "Ana", "lastName": "Lima"}}, "message:m_t")]),
             flags=["published"], comment="metadata's names come from the profile the host passes"),
        emit("linktor/echo-is-skipped", "linktor",
             body_of(msg({"mid": "m_e", "text": "ok", "is_echo": True}, sender=PAGE, recipient=USER)), LINKTOR,
             emitted([], [warning("no_equivalent", 0, "echo:m_e", "message")]), flags=["accounted"]),
        emit("linktor/signed", "linktor", body_of(item("postback", {"mid": "m_pb", "payload": "P", "title": "T"}, timestamp=T)),
             dict(LINKTOR, secret="whsec_1", timestamp=1605514663),
             emitted([linktor("facebook.postback", {"channelId": "ch_facebook_1", "from": USER, "payload": "P",
                                                    "title": "T", "timestamp": ISO}, "postback:m_pb")],
                     headers=linktor_signed("whsec_1", 1605514663)),
             flags=["signed"], comment="Linktor's webhooks page: sha256=hex(HMAC(secret, timestamp . body))"),
        emit("linktor/sdk-form", "linktor",
             body_of(item("postback", {"mid": "m_pb", "payload": "P", "title": "T"}, timestamp=T)),
             dict(LINKTOR, form="sdk", tenant_id="tenant_1", secret="whsec_1", timestamp=1605514663),
             emitted([linktor_sdk("facebook.postback", {"channelId": "ch_facebook_1", "from": USER, "payload": "P",
                                                        "title": "T", "timestamp": ISO}, "postback:m_pb")],
                     headers=linktor_sdk_signed("whsec_1", 1605514663)),
             flags=["signed"],
             comment="Linktor's official SDKs: `type` and `tenantId` in the event, `x-linktor-signature` the bare "
                     "hex HMAC-SHA256 of the body (its webhooks page: `event`, `sha256=` over timestamp.body)"),
        emit("linktor/sdk-form-needs-a-tenant", "linktor", body_of(msg({"mid": "m_t", "text": "x"})),
             dict(LINKTOR, form="sdk"), {"error": {"code": "required", "field": "config.tenant_id"}}),
        emit("linktor/tenant-only-in-the-sdk-form", "linktor", body_of(msg({"mid": "m_t", "text": "x"})),
             dict(LINKTOR, tenant_id="tenant_1"), {"error": {"code": "invalid_input", "field": "config.tenant_id"}},
             comment="nothing in a config goes unused silently"),
        emit("linktor/unknown-form", "linktor", body_of(msg({"mid": "m_t", "text": "x"})),
             dict(LINKTOR, form="v2"), {"error": {"code": "invalid_input", "field": "config.form"}}),
        emit("sinch/form-is-linktor-s", "sinch", body_of(msg({"mid": "m_t", "text": "x"})),
             dict(CFG, form="sdk"), {"error": {"code": "invalid_input", "field": "config.form"}},
             comment="only Linktor publishes two forms"),
        emit("linktor/signing-needs-a-timestamp", "linktor", body_of(msg({"mid": "m_t", "text": "x"})),
             dict(LINKTOR, secret="whsec_1"), {"error": {"code": "required", "field": "config.timestamp"}}, flags=["signed"]),
        emit("linktor/channel-required", "linktor", body_of(msg({"mid": "m_t", "text": "x"})), {},
             {"error": {"code": "required", "field": "config.channel_id"}}),
    ]


# ---- Smooch ---------------------------------------------------------------------------

def app_user(v="Smooch"):
    return {"_id": user_id(v), "conversationStarted": True, "properties": {}, "clients": [{
        "platform": "messenger", "integrationId": SMOOCH["integration_id"], "externalId": USER,
        "active": True, "primary": True}]}


def smooch(trigger, rest, source=False):
    out = {"trigger": trigger, "version": "v1.1", "app": {"_id": SMOOCH["app_id"]}, "appUser": app_user(),
           "conversation": {"_id": conv_id("Smooch")}, **rest}
    if source:
        out["source"] = {"type": "messenger"}
        out["timestamp"] = SECS
    return out


def smooch_cases():
    failure = {"message": "Error validating access token: The session has been invalidated because the user changed their password.",
               "type": "OAuthException", "code": 190, "error_subcode": 460, "fbtrace_id": "Bx1"}
    return [
        emit("smooch/text", "smooch", body_of(msg({"mid": "m_t", "text": "Hi"})), SMOOCH,
             emitted([smooch("message:appUser", {"messages": [{
                 "_id": msg_id("Smooch", "m_t"), "type": "text", "text": "Hi", "role": "appUser", "authorId": user_id("Smooch"),
                 "received": SECS, "source": {"type": "messenger", "integrationId": SMOOCH["integration_id"],
                                              "originalMessageId": "m_t"}}]})]), flags=["ids"]),
        emit("smooch/image-and-location", "smooch",
             body_of(msg({"mid": "m_il", "attachments": [
                 {"type": "image", "payload": {"url": "https://scontent.xx.fbcdn.net/v/taco.png"}},
                 {"type": "location", "payload": {"coordinates": {"lat": 45.5261583, "long": -73.595346}}}]})), SMOOCH,
             emitted([smooch("message:appUser", {"messages": [
                 {"_id": msg_id("Smooch", "m_il", 0), "type": "image", "mediaUrl": "https://scontent.xx.fbcdn.net/v/taco.png",
                  "mediaType": "image/png", "role": "appUser", "authorId": user_id("Smooch"), "received": SECS,
                  "source": {"type": "messenger", "integrationId": SMOOCH["integration_id"], "originalMessageId": "m_il"}},
                 {"_id": msg_id("Smooch", "m_il", 1), "type": "location",
                  "text": "Location shared:\nhttps://maps.google.com/maps?q=45.5261583,-73.595346",
                  "coordinates": {"lat": 45.5261583, "long": -73.595346}, "role": "appUser", "authorId": user_id("Smooch"),
                  "received": SECS,
                  "source": {"type": "messenger", "integrationId": SMOOCH["integration_id"], "originalMessageId": "m_il"}}]})]),
             flags=["published"], comment="as Smooch's webhook docs show an image (no text) and a location (its maps text)"),
        emit("smooch/location-with-title-and-url", "smooch", body_of(msg({"mid": "m_loc", "attachments": [{"type": "location", "title": "Stockholm", "url": "https://maps.example/s",
                                                       "payload": {"coordinates": {"lat": 59.3293, "long": 18.0686}}}]})), SMOOCH,
             emitted([smooch("message:appUser", {"messages": [
                 {"_id": msg_id("Smooch", "m_loc"), "type": "location",
                  "text": "Location shared:\nhttps://maps.google.com/maps?q=59.3293,18.0686",
                  "coordinates": {"lat": 59.3293, "long": 18.0686}, "role": "appUser", "authorId": user_id("Smooch"),
                  "received": SECS,
                  "source": {"type": "messenger", "integrationId": SMOOCH["integration_id"], "originalMessageId": "m_loc"}}]})],
                     [warning("dropped", 0, "message:m_loc", "message.attachments[0].payload.title"),
                      warning("dropped", 0, "message:m_loc", "message.attachments[0].payload.url")]),
             comment="Smooch v1.1's location is coordinates and its maps text: the title and link are warnings"),
        emit("smooch/api-key", "smooch", body_of(msg({"mid": "m_t", "text": "Hi"})), dict(SMOOCH, secret="smooch-secret"),
             emitted([smooch("message:appUser", {"messages": [{
                 "_id": msg_id("Smooch", "m_t"), "type": "text", "text": "Hi", "role": "appUser", "authorId": user_id("Smooch"),
                 "received": SECS, "source": {"type": "messenger", "integrationId": SMOOCH["integration_id"],
                                              "originalMessageId": "m_t"}}]})],
                     headers=lambda _: {"content-type": "application/json", "x-api-key": "smooch-secret"}),
             flags=["signed"], comment="Smooch sends the webhook secret in X-API-Key"),
        emit("smooch/empty-secret", "smooch", body_of(msg({"mid": "m_t", "text": "Hi"})), dict(SMOOCH, secret=""),
             {"error": {"code": "app_secret_empty", "field": "config.secret"}}, flags=["signed"]),
        emit("smooch/referral", "smooch",
             body_of(item("referral", {"ref": "spring_sale", "source": "SHORTLINK", "type": "OPEN_THREAD"}, timestamp=T)), SMOOCH,
             emitted([smooch("conversation:referral", {"referral": {"code": "spring_sale", "details": {
                 "source": "SHORTLINK", "type": "OPEN_THREAD"}}}, source=True)])),
        emit("smooch/postback-with-the-message-that-held-it", "smooch",
             body_of(item("postback", {"mid": "m_pb", "payload": "BUY_RED", "title": "Buy"}, timestamp=T)),
             dict(SMOOCH, payloads={"BUY_RED": "5f1d90e6ba4d3a000c3c3fce"}),
             emitted([smooch("postback", {"postbacks": [{
                 "action": {"_id": event_id("Smooch", "postback:m_pb", "action"), "type": "postback", "text": "Buy",
                            "payload": "BUY_RED"},
                 "message": {"_id": "5f1d90e6ba4d3a000c3c3fce", "role": "appMaker"}}]})]),
             comment="Smooch's postback names the message that held the button (the host's payloads map); "
                     "the Smooch guide shows it absent only for persistent-menu postbacks"),
        emit("smooch/postback-from-the-menu", "smooch",
             body_of(item("postback", {"mid": "m_menu", "payload": "MENU", "title": "Menu"}, timestamp=T)), SMOOCH,
             emitted([smooch("postback", {"postbacks": [{
                 "action": {"_id": event_id("Smooch", "postback:m_menu", "action"), "type": "postback", "text": "Menu",
                            "payload": "MENU"}}]})]),
             comment="no message held a persistent-menu button: `message` is absent, as in Smooch's own"),
        emit("smooch/reaction", "smooch",
             body_of(item("reaction", {"mid": "m_t", "action": "react", "reaction": "love", "emoji": "\u2764"}, timestamp=T)), SMOOCH,
             emitted([], [warning("no_equivalent", 0, f"reaction:{USER}:{T}:react:m_t", "reaction")]), flags=["accounted"]),
        outcome("smooch/outcome-password-changed", "smooch",
                {"status": 400, "body": {"error": failure}, "message_id": "5d3af0ffd7a76a4c4b2ff1c5", "recipient": USER,
                 "page_id": PAGE, "timestamp": T}, SMOOCH,
                emitted([smooch("message:delivery:failure", {
                    "destination": {"type": "messenger"}, "isFinalEvent": True, "message": {"_id": "5d3af0ffd7a76a4c4b2ff1c5"},
                    "timestamp": SECS, "error": {"code": "unauthorized", "message": failure["message"], "underlyingError": failure}})]),
                comment="the Smooch guide: a password change makes the token invalid, reported as `unauthorized`"),
        outcome("smooch/outcome-delivered-to-channel", "smooch",
                {"status": 200, "body": {"recipient_id": USER, "message_id": "m_sent"}, "message_id": "5d3af0ffd7a76a4c4b2ff1c5",
                 "recipient": USER, "page_id": PAGE, "timestamp": T}, SMOOCH,
                emitted([smooch("message:delivery:channel", {
                    "destination": {"type": "messenger"}, "isFinalEvent": False, "message": {"_id": "5d3af0ffd7a76a4c4b2ff1c5"},
                    "timestamp": SECS, "externalMessages": [{"id": "m_sent"}]})])),
        outcome("smooch/outcome-not-a-graph-answer", "smooch",
                {"status": 200, "body": {"recipient_id": 5}, "message_id": "x", "recipient": USER}, SMOOCH,
                {"error": {"code": "invalid_input", "field": "outcome.body"}}),
    ]


# ---- Sunshine -------------------------------------------------------------------------

def sun_event(kind, payload, dedupe, n=0):
    return {"id": event_id("Sunshine", dedupe, kind, n), "createdAt": ISO, "type": kind, "payload": payload}


def sun_base():
    return {"conversation": {"id": conv_id("Sunshine"), "type": "personal"}, "user": {"id": user_id("Sunshine")},
            "source": {"type": "messenger", "integrationId": SUNSHINE["integration_id"]}}


def sun_message(mid, content, n=0, business=False):
    author = {"type": "business"} if business else {"type": "user", "userId": user_id("Sunshine"), "user": {"id": user_id("Sunshine")}}
    return sun_event("conversation:message", {"conversation": {"id": conv_id("Sunshine"), "type": "personal"}, "message": {
        "id": msg_id("Sunshine", mid, n), "received": ISO, "author": author, "content": content,
        "source": {"type": "messenger", "integrationId": SUNSHINE["integration_id"], "originalMessageId": mid,
                   "originalMessageTimestamp": ISO}}}, ("echo:" if business else "message:") + mid, n)


def sun_read():
    """Sunshine's read: the conversation and the user's `conversation:read` activity."""
    return {"conversation": {"id": conv_id("Sunshine"), "type": "personal"}, "activity": {
        "type": "conversation:read", "source": {"type": "messenger", "integrationId": SUNSHINE["integration_id"]},
        "author": {"type": "user", "userId": user_id("Sunshine"), "user": {"id": user_id("Sunshine")}}}}


def sunshine_envelope(*events):
    return {"app": {"id": SUNSHINE["app_id"]}, "webhook": {"id": SUNSHINE["webhook_id"], "version": "v2"}, "events": list(events)}


def sunshine_cases():
    img = "https://scontent.xx.fbcdn.net/v/t1/cat.png"
    batch = body_of(
        msg({"mid": "m_1", "text": "Hello"}),
        msg({"mid": "m_2", "attachments": [{"type": "image", "payload": {"url": img}}]}),
        msg({"mid": "m_3", "text": "Red", "quick_reply": {"payload": "PICK_RED"}}),
        item("postback", {"mid": "m_4", "payload": "BUY", "title": "Buy now"}, timestamp=T),
        item("read", {"watermark": T}, timestamp=T),
        item("delivery", {"mids": ["m_out"], "watermark": T}, timestamp=T),
        item("reaction", {"mid": "m_1", "action": "react", "reaction": "like", "emoji": "\U0001f44d"}, timestamp=T),
        msg({"mid": "m_8", "text": "We are on it", "is_echo": True}, sender=PAGE, recipient=USER),
    )
    delivery = dict(sun_base())
    del delivery["source"]
    delivery.update({"message": {"id": msg_id("Sunshine", "m_out")},
                     "destination": {"type": "messenger", "integrationId": SUNSHINE["integration_id"]},
                     "isFinalEvent": True, "externalMessages": [{"id": "m_out"}]})
    delivery = {"user": delivery["user"], "conversation": delivery["conversation"], **{k: v for k, v in delivery.items() if k not in ("user", "conversation")}}
    return [
        emit("sunshine/batch-of-eight", "sunshine", batch, SUNSHINE,
             emitted([sunshine_envelope(
                 sun_message("m_1", {"type": "text", "text": "Hello"}),
                 sun_message("m_2", {"type": "image", "mediaUrl": img, "mediaType": "image/png"}),
                 sun_message("m_3", {"type": "text", "text": "Red", "payload": "PICK_RED"}),
                 sun_event("conversation:postback", {**sun_base(), "postback": {"payload": "BUY"}}, "postback:m_4"),
                 sun_event("conversation:read", sun_read(), f"read:{USER}:{T}"),
                 sun_event("conversation:message:delivery:user", delivery, f"delivery:{USER}:{T}"),
                 sun_message("m_8", {"type": "text", "text": "We are on it"}, business=True))],
                 [warning("dropped", 3, "postback:m_4", "postback.title"),
                  warning("no_equivalent", 6, f"reaction:{USER}:{T}:react:m_1", "reaction")]),
             flags=["accounted"], comment="one envelope per delivery; 7 events in it and the reaction a warning: all 8 accounted for"),
        emit("sunshine/location-with-title-and-url", "sunshine", body_of(msg({"mid": "m_loc", "attachments": [{"type": "location", "title": "Stockholm", "url": "https://maps.example/s",
                                                       "payload": {"coordinates": {"lat": 59.3293, "long": 18.0686}}}]})), SUNSHINE,
             emitted([sunshine_envelope(sun_message("m_loc", {"type": "location", "coordinates": {"lat": 59.3293, "long": 18.0686},
                                                              "location": {"name": "Stockholm"}}))],
                     [warning("dropped", 0, "message:m_loc", "message.attachments[0].payload.url")]),
             comment="Sunshine's location content has location {name, address}: the title is its name; the link is a warning"),
        emit("sunshine/nothing-to-send", "sunshine",
             body_of(item("reaction", {"mid": "m_1", "action": "unreact"}, timestamp=T)), SUNSHINE,
             emitted([], [warning("no_equivalent", 0, f"reaction:{USER}:{T}:unreact:m_1", "reaction")]),
             flags=["accounted"], comment="no envelope at all when no event has a callback"),
        outcome("sunshine/outcome-recipient-unavailable", "sunshine",
                {"status": 400, "body": {"error": {"message": "(#551) This person isn't available right now.", "code": 551}},
                 "message_id": "5f1d90e6ba4d3a000c3c3fce", "recipient": USER, "page_id": PAGE, "timestamp": T}, SUNSHINE,
                emitted([sunshine_envelope(sun_event("conversation:message:delivery:failure", {
                    "user": {"id": user_id("Sunshine")}, "conversation": {"id": conv_id("Sunshine"), "type": "personal"},
                    "message": {"id": "5f1d90e6ba4d3a000c3c3fce"},
                    "destination": {"type": "messenger", "integrationId": SUNSHINE["integration_id"]}, "isFinalEvent": True,
                    "error": {"code": "user_unavailable", "message": "(#551) This person isn't available right now.",
                              "underlyingError": {"message": "(#551) This person isn't available right now.", "code": 551}}},
                    "outcome:5f1d90e6ba4d3a000c3c3fce:400"))])),
    ]


# ---- Verification ---------------------------------------------------------------------

def verify(id_, vendor, body, headers, secret, expect, comment=None):
    return make_case("emit/verify/" + id_, {"call": "verify", "vendor": vendor, "body": body, "headers": headers,
                                            "secret": secret}, expect, flags=["verify"], comment=comment)


def verify_cases():
    body = '{"app_id":"A","message":{"id":"1"}}'
    sig = sinch_signed("s3cret", "nonce-1", 1700000000)(body)
    pairs = [[k, v] for k, v in sig.items()]
    ts = 1700000000
    linktor_sig = hmac.new(b"s3cret", f"{ts}.{body}".encode(), hashlib.sha256).hexdigest()
    linktor_pairs = [["X-Linktor-Signature", f"sha256={linktor_sig}"], ["X-Linktor-Timestamp", str(ts)]]
    linktor_sdk_sig = hmac.new(b"s3cret", body.encode(), hashlib.sha256).hexdigest()
    return [
        verify("sinch-good", "sinch", body, pairs, "s3cret", {"ok": True}),
        verify("sinch-wrong-secret", "sinch", body, pairs, "other", {"error": {"code": "signature_mismatch"}}),
        verify("sinch-changed-body", "sinch", body.replace("1", "2"), pairs, "s3cret", {"error": {"code": "signature_mismatch"}}),
        verify("sinch-no-nonce", "sinch", body, [p for p in pairs if p[0] != "x-sinch-webhook-signature-nonce"], "s3cret",
               {"error": {"code": "signature_missing", "field": "x-sinch-webhook-signature-nonce"}}),
        verify("smooch-api-key", "smooch", body, [["X-API-Key", "s3cret"]], "s3cret", {"ok": True},
               comment="header names in any case"),
        verify("sunshine-wrong-key", "sunshine", body, [["x-api-key", "nope"]], "s3cret", {"error": {"code": "signature_mismatch"}}),
        verify("empty-secret", "sinch", body, pairs, "", {"error": {"code": "app_secret_empty"}}),
        verify("linktor-good", "linktor", body, linktor_pairs, "s3cret", {"ok": True}),
        verify("linktor-changed-body", "linktor", body.replace("A", "B"), linktor_pairs, "s3cret",
               {"error": {"code": "signature_mismatch"}}),
        verify("linktor-no-timestamp", "linktor", body, [p for p in linktor_pairs if p[0].lower() != "x-linktor-timestamp"], "s3cret",
               {"error": {"code": "signature_missing", "field": "x-linktor-timestamp"}}),
        verify("linktor-sdk-form", "linktor", body, [["x-linktor-signature", linktor_sdk_sig]], "s3cret", {"ok": True},
               comment="the SDKs' form: the bare hex HMAC of the body, no timestamp in it"),
        verify("linktor-sdk-form-changed-body", "linktor", body.replace("A", "B"),
               [["x-linktor-signature", linktor_sdk_sig]], "s3cret", {"error": {"code": "signature_mismatch"}}),
        verify("unknown-vendor", "telegram", body, pairs, "s3cret", {"error": {"code": "invalid_input", "field": "vendor"}}),
    ]


def cases():
    return sinch_cases() + linktor_cases() + smooch_cases() + sunshine_cases() + verify_cases()
