"""Cases for tests/vectors/webhook.json: parsing, the handshake and the event helpers.
Each expected event is written out in full: this file is the spec of the normalised form."""

from common import compact, escaped, event, make_case

PAGE = "106000000000001"
PAGE2 = "106000000000002"
IG = "17841400000000001"
USER = "6500000000000001"
USER2 = "6500000000000002"
IGSID = "5400000000000001"
APP = "1234567890123"
T = 1700000000123  # a timestamp in milliseconds
T_ENTRY = 1700000000999

NOTES = {
    "batch": "several entries and/or events in one delivery; all must come out, in order",
    "standby": "events delivered in entry[].standby (another app owns the thread)",
    "instagram": "object instagram: IGSIDs, mid-based reads, story replies, comments",
    "forward_compat": "a type or field this version does not model must come out verbatim",
    "lenient_scalars": "IDs as numbers, timestamps as strings or seconds",
    "isolation": "a broken event or entry must not affect its siblings",
    "envelope": "the body is not a webhook envelope; the whole parse fails with a code",
    "non_ascii": "non-ASCII text, raw UTF-8 or \\u-escaped",
    "legacy": "a shape Meta no longer sends but old payloads and replays contain",
    "handshake": "the GET verification handshake",
    "helper": "a helper over parsed events (own echo, watermark coverage)",
    "hostile": "input built to exhaust the parser: oversized or deeply nested bodies",
}


def user(uid=USER):
    return {"id": uid}


def page(pid=PAGE):
    return {"id": pid}


def item(key, payload, *, sender=USER, recipient=PAGE, timestamp=T, extra=None):
    out = {}
    if sender is not None:
        out["sender"] = {"id": sender}
    if recipient is not None:
        out["recipient"] = {"id": recipient}
    if timestamp is not None:
        out["timestamp"] = timestamp
    if key is not None:
        out[key] = payload
    out.update(extra or {})
    return out


def envelope(*entries, obj="page"):
    return {"object": obj, "entry": list(entries)}


def entry(pid=PAGE, *, messaging=None, standby=None, changes=None, time=T_ENTRY):
    out = {"id": pid, "time": time}
    if messaging is not None:
        out["messaging"] = messaging
    if standby is not None:
        out["standby"] = standby
    if changes is not None:
        out["changes"] = changes
    return out


def ev(kind, payload, *, sender=USER, recipient=PAGE, timestamp=T, pid=PAGE, standby=False, platform="messenger"):
    return event(kind, payload, page=pid,
                 sender=None if sender is None else ({"id": sender} if isinstance(sender, str) else sender),
                 recipient=None if recipient is None else {"id": recipient},
                 timestamp=timestamp, standby=standby, platform=platform)


def parsed(obj, events, errors=()):
    return {"ok": {"object": obj, "events": list(events), "errors": list(errors)}}


def single(id_, key, wire_payload, kind, payload, *, flags=(), comment=None, **kw):
    """One messaging event in one entry."""
    wire_kw = {k: v for k, v in kw.items() if k in ("sender", "recipient", "timestamp")}
    if "timestamp" in kw:
        # What comes out: seconds become milliseconds, a missing timestamp is the entry's time.
        ts = kw["timestamp"]
        kw["timestamp"] = T_ENTRY if ts is None else ts * 1000 if ts < 10**12 else ts
    case = {"id": id_}
    if comment:
        case["comment"] = comment
    if flags:
        case["flags"] = list(flags)
    case["input"] = {"body": compact(envelope(entry(messaging=[item(key, wire_payload, **wire_kw)])))}
    case["expect"] = parsed("page", [ev(kind, payload, **kw)])
    return case


def case(id_, body, expect, *, flags=(), comment=None):
    inp = {"body": body} if isinstance(body, str) else body
    return make_case(id_, inp, expect, flags=flags, comment=comment)


def error(code, field=None):
    err = {"code": code}
    if field is not None:
        err["field"] = field
    return {"error": err}


def message_cases():
    img = {"type": "image", "payload": {"url": "https://scontent.xx.fbcdn.net/v/a.jpg"}}
    vid = {"type": "video", "payload": {"url": "https://video.xx.fbcdn.net/v/b.mp4"}}
    aud = {"type": "audio", "payload": {"url": "https://cdn.fbsbx.com/v/c.mp4"}}
    fil = {"type": "file", "payload": {"url": "https://cdn.fbsbx.com/v/d.pdf"}}
    return [
        single("webhook/message/text", "message", {"mid": "m_AAA", "text": "hello, world!"},
               "message", {"mid": "m_AAA", "text": "hello, world!"}, comment="the smallest real message"),
        single("webhook/message/quick-reply", "message",
               {"mid": "m_QR", "text": "Red", "quick_reply": {"payload": "PICK_RED"}},
               "message", {"mid": "m_QR", "text": "Red", "quick_reply": {"payload": "PICK_RED"}}),
        single("webhook/message/reply-to", "message",
               {"mid": "m_R2", "text": "yes that one", "reply_to": {"mid": "m_AAA", "is_self_reply": False}},
               "message", {"mid": "m_R2", "text": "yes that one", "reply_to": {"mid": "m_AAA", "is_self_reply": False}}),
        single("webhook/message/media-attachments", "message", {"mid": "m_MEDIA", "attachments": [img, vid, aud, fil]},
               "message", {"mid": "m_MEDIA", "attachments": [img, vid, aud, fil]},
               comment="image, video, audio and file in one message, in order"),
        single("webhook/message/location-attachment", "message",
               {"mid": "m_LOC", "attachments": [{"type": "location", "title": "Pinned Location",
                                                  "url": "https://l.facebook.com/l.php?u=maps",
                                                  "payload": {"coordinates": {"lat": 52.52, "long": 13.405}}}]},
               "message", {"mid": "m_LOC", "attachments": [{"type": "location", "payload": {
                   "coordinates": {"lat": 52.52, "long": 13.405}, "title": "Pinned Location",
                   "url": "https://l.facebook.com/l.php?u=maps"}}]},
               flags=["legacy"], comment="from the retired location quick reply; title/url fold into payload"),
        single("webhook/message/fallback-legacy-shape", "message",
               {"mid": "m_FB1", "text": "look https://example.com", "attachments": [
                   {"type": "fallback", "title": "Example Domain", "url": "https://example.com", "payload": None}]},
               "message", {"mid": "m_FB1", "text": "look https://example.com", "attachments": [
                   {"type": "fallback", "payload": {"title": "Example Domain", "url": "https://example.com"}}]},
               flags=["legacy"]),
        single("webhook/message/fallback-legacy-upper-case-url", "message",
               {"mid": "m_FB3", "attachments": [{"type": "fallback", "payload": None, "title": "Title", "URL": "https://example.com/a"}]},
               "message", {"mid": "m_FB3", "attachments": [{"type": "fallback", "payload": {"title": "Title", "url": "https://example.com/a"}}]},
               flags=["legacy"], comment="Meta's own legacy fallback example spells the key URL"),
        single("webhook/message/attachment-unknown-key-kept", "message",
               {"mid": "m_ATT1", "attachments": [{"type": "image", "payload": {"url": "https://cdn.example.com/a.jpg"}, "brand_new": {"x": 1}}]},
               "message", {"mid": "m_ATT1", "attachments": [{"type": "image", "payload": {"url": "https://cdn.example.com/a.jpg"},
                                                            "brand_new": {"x": 1}}]},
               flags=["forward_compat"], comment="a key beside type and payload is kept as received"),
        single("webhook/message/fallback-without-payload", "message",
               {"mid": "m_FB2", "attachments": [{"type": "fallback"}]},
               "message", {"mid": "m_FB2", "attachments": [{"type": "fallback"}]}),
        single("webhook/message/sticker-legacy-image", "message",
               {"mid": "m_STK1", "attachments": [{"type": "image", "payload": {
                   "url": "https://scontent.xx.fbcdn.net/v/like.png", "sticker_id": 369239263222822}}]},
               "message", {"mid": "m_STK1", "sticker_id": "369239263222822", "attachments": [{"type": "sticker", "payload": {
                   "url": "https://scontent.xx.fbcdn.net/v/like.png", "sticker_id": "369239263222822"}}]},
               flags=["legacy", "lenient_scalars"],
               comment="the thumbs-up sticker: the legacy image form reads as the sticker form; numeric sticker_id becomes a string"),
        single("webhook/message/sticker-dual-2026", "message",
               {"mid": "m_STK2", "attachments": [
                   {"type": "image", "payload": {"url": "https://x.fbcdn.net/s.png", "sticker_id": 767226160478561}},
                   {"type": "sticker", "payload": {"sticker_id": "767226160478561", "url": "https://x.fbcdn.net/s.png"}}]},
               "message", {"mid": "m_STK2", "sticker_id": "767226160478561", "attachments": [
                   {"type": "sticker", "payload": {"url": "https://x.fbcdn.net/s.png", "sticker_id": "767226160478561"}}]},
               comment="2026-06-01 to 2026-08-30 Meta sent both forms: one sticker, as the new form alone reads"),
        single("webhook/message/share-reel-post-kinds", "message",
               {"mid": "m_SHARE", "attachments": [
                   {"type": "reel", "payload": {"url": "https://lookaside/r", "title": "A reel", "reel_video_id": 1200000000000001}},
                   {"type": "ig_reel", "payload": {"url": "https://lookaside/ir", "title": "IG", "reel_video_id": "1200000000000002"}},
                   {"type": "post", "payload": {"url": "https://facebook.com/p/1", "title": "A post", "id": "p1"}},
                   {"type": "ig_post", "payload": {"url": "https://instagram.com/p/2", "ig_post_media_id": "2"}}]},
               "message", {"mid": "m_SHARE", "attachments": [
                   {"type": "reel", "payload": {"url": "https://lookaside/r", "title": "A reel", "reel_video_id": "1200000000000001"}},
                   {"type": "ig_reel", "payload": {"url": "https://lookaside/ir", "title": "IG", "reel_video_id": "1200000000000002"}},
                   {"type": "post", "payload": {"url": "https://facebook.com/p/1", "title": "A post", "id": "p1"}},
                   {"type": "ig_post", "payload": {"url": "https://instagram.com/p/2", "ig_post_media_id": "2"}}]},
               flags=["forward_compat"], comment="payload fields msgrkit does not model (id, ig_post_media_id) are kept"),
        single("webhook/message/unknown-attachment-kind", "message",
               {"mid": "m_UNK", "attachments": [{"type": "appointment_booking", "payload": {"booking_id": 77, "slot": {"start": "10:00"}}}]},
               "message", {"mid": "m_UNK", "attachments": [{"type": "appointment_booking", "payload": {"booking_id": 77, "slot": {"start": "10:00"}}}]},
               flags=["forward_compat"]),
        single("webhook/message/ad-referral", "message",
               {"mid": "m_AD", "text": "Is this available?", "referral": {
                   "ref": "spring", "ad_id": 6045246247433, "source": "ADS", "type": "OPEN_THREAD",
                   "ads_context_data": {"ad_title": "Spring sale", "photo_url": "https://x/p.jpg", "post_id": "123_456"}}},
               "message", {"mid": "m_AD", "text": "Is this available?", "referral": {
                   "ref": "spring", "ad_id": "6045246247433", "source": "ADS", "type": "OPEN_THREAD",
                   "ads_context_data": {"ad_title": "Spring sale", "photo_url": "https://x/p.jpg", "post_id": "123_456"}}},
               flags=["lenient_scalars"]),
        single("webhook/message/unmodelled-fields-kept", "message",
               {"mid": "m_X", "text": "/start", "commands": [{"name": "start"}], "nlp": {"entities": {}}},
               "message", {"mid": "m_X", "text": "/start", "commands": [{"name": "start"}], "nlp": {"entities": {}}},
               flags=["forward_compat"]),
        single("webhook/message/raw-utf8-and-emoji", "message",
               {"mid": "m_UTF", "text": "Grüße 😀👍🏽 你好 — ½"},
               "message", {"mid": "m_UTF", "text": "Grüße 😀👍🏽 你好 — ½"}, flags=["non_ascii"]),
        case("webhook/message/u-escaped-text-decodes",
             escaped(envelope(entry(messaging=[item("message", {"mid": "m_ESC", "text": "pâtes 😀"})]))),
             parsed("page", [ev("message", {"mid": "m_ESC", "text": "pâtes 😀"})]),
             flags=["non_ascii"], comment="\\u00e2 and surrogate pairs decode to the same text as raw UTF-8"),
        single("webhook/message/no-mid-dedupes-by-content", "message", {"text": "mid-less"},
               "message", {"text": "mid-less"}, comment="dedupe key falls back to sender, timestamp and payload hash"),
        single("webhook/echo/text", "message",
               {"is_echo": True, "app_id": int(APP), "metadata": "ticket:42", "mid": "m_ECHO", "text": "Thanks!"},
               "echo", {"app_id": APP, "metadata": "ticket:42", "mid": "m_ECHO", "text": "Thanks!"},
               sender=PAGE, recipient=USER, flags=["lenient_scalars"]),
        single("webhook/echo/template", "message",
               {"is_echo": True, "app_id": APP, "mid": "m_ECHO_T", "attachments": [{"type": "template", "payload": {
                   "template_type": "button", "text": "Pick", "buttons": [{"type": "postback", "title": "A", "payload": "A"}]}}]},
               "echo", {"app_id": APP, "mid": "m_ECHO_T", "attachments": [{"type": "template", "payload": {
                   "template_type": "button", "text": "Pick", "buttons": [{"type": "postback", "title": "A", "payload": "A"}]}}]},
               sender=PAGE, recipient=USER),
        single("webhook/echo/from-page-inbox-without-app", "message",
               {"is_echo": True, "mid": "m_HUMAN", "text": "typed in Page Inbox"},
               "echo", {"mid": "m_HUMAN", "text": "typed in Page Inbox"}, sender=PAGE, recipient=USER),
    ]


def other_messaging_cases():
    return [
        single("webhook/delivery/mids-without-timestamp", "delivery", {"mids": ["m_1", "m_2"], "watermark": 1700000000100},
               "delivery", {"mids": ["m_1", "m_2"], "watermark": 1700000000100}, timestamp=None,
               comment="deliveries carry no timestamp: the entry's time is used"),
        single("webhook/delivery/watermark-only", "delivery", {"watermark": 1700000000100, "seq": 37},
               "delivery", {"mids": [], "watermark": 1700000000100, "seq": 37}, flags=["legacy"]),
        single("webhook/read/watermark", "read", {"watermark": 1700000000100},
               "read", {"watermark": 1700000000100}),
        single("webhook/postback/get-started-with-referral", "postback",
               {"mid": "m_PB", "title": "Get Started", "payload": "GET_STARTED",
                "referral": {"ref": "summer", "source": "SHORTLINK", "type": "OPEN_THREAD"}},
               "postback", {"mid": "m_PB", "title": "Get Started", "payload": "GET_STARTED",
                            "referral": {"ref": "summer", "source": "SHORTLINK", "type": "OPEN_THREAD"}}),
        single("webhook/postback/without-mid", "postback", {"title": "Menu", "payload": "MENU_HELP"},
               "postback", {"title": "Menu", "payload": "MENU_HELP"}, flags=["legacy"],
               comment="before Graph v11.0 postbacks had no mid"),
        case("webhook/optin/checkbox-user-ref",
             compact(envelope(entry(messaging=[{"recipient": page(), "timestamp": T,
                                                "optin": {"ref": "cart-1", "user_ref": "UREF_77"}}]))),
             parsed("page", [ev("optin", {"ref": "cart-1", "user_ref": "UREF_77"}, sender=None)]),
             comment="checkbox plugin opt-ins have no sender; the user_ref is in the payload"),
        case("webhook/optin/sender-as-user-ref",
             compact(envelope(entry(messaging=[{"sender": {"user_ref": "UREF_88"}, "recipient": page(), "timestamp": T,
                                                "optin": {"ref": "plugin"}}]))),
             parsed("page", [ev("optin", {"ref": "plugin"}, sender={"user_ref": "UREF_88"})])),
        single("webhook/optin/notification-messages", "optin",
               {"type": "notification_messages", "payload": "DAILY_DEALS", "notification_messages_token": "TOKEN_1",
                "notification_messages_frequency": "DAILY", "notification_messages_timezone": "UTC",
                "token_expiry_timestamp": 2145916800000, "user_token_status": "NOT_REFRESHED",
                "notification_messages_status": "RESUME_NOTIFICATIONS", "title": "Daily deals"},
               "optin", {"type": "notification_messages", "payload": "DAILY_DEALS", "notification_messages_token": "TOKEN_1",
                         "notification_messages_frequency": "DAILY", "notification_messages_timezone": "UTC",
                         "token_expiry_timestamp": 2145916800000, "user_token_status": "NOT_REFRESHED",
                         "notification_messages_status": "RESUME_NOTIFICATIONS", "title": "Daily deals"}),
        single("webhook/referral/shortlink", "referral", {"ref": "promo-7", "source": "SHORTLINK", "type": "OPEN_THREAD"},
               "referral", {"ref": "promo-7", "source": "SHORTLINK", "type": "OPEN_THREAD"}),
        single("webhook/referral/ads-context", "referral",
               {"ref": "ad-ref", "ad_id": "6045246247433", "source": "ADS", "type": "OPEN_THREAD",
                "ads_context_data": {"ad_title": "Sale", "video_url": "https://x/v.mp4", "product_id": "99", "flow_id": "f1"}},
               "referral", {"ref": "ad-ref", "ad_id": "6045246247433", "source": "ADS", "type": "OPEN_THREAD",
                            "ads_context_data": {"ad_title": "Sale", "video_url": "https://x/v.mp4", "product_id": "99", "flow_id": "f1"}}),
        single("webhook/referral/chat-plugin-seconds-timestamp", "referral",
               {"ref": "pricing", "source": "CUSTOMER_CHAT_PLUGIN", "type": "OPEN_THREAD", "referer_uri": "https://shop.example/pricing"},
               "referral", {"ref": "pricing", "source": "CUSTOMER_CHAT_PLUGIN", "type": "OPEN_THREAD", "referer_uri": "https://shop.example/pricing"},
               timestamp=1701599111, flags=["lenient_scalars"],
               comment="courier saw referral timestamps in seconds: below 10^12 means seconds"),
        single("webhook/reaction/react", "reaction", {"mid": "m_AAA", "action": "react", "reaction": "love", "emoji": "❤️"},
               "reaction", {"mid": "m_AAA", "action": "react", "reaction": "love", "emoji": "❤️"}),
        single("webhook/reaction/unreact", "reaction", {"mid": "m_AAA", "action": "unreact", "reaction": "love", "emoji": "❤️"},
               "reaction", {"mid": "m_AAA", "action": "unreact", "reaction": "love", "emoji": "❤️"}),
        single("webhook/message-edit", "message_edit", {"mid": "m_AAA", "text": "hello, world (edited)", "num_edit": 2},
               "message_edit", {"mid": "m_AAA", "text": "hello, world (edited)", "num_edit": 2}),
        single("webhook/account-linking/linked", "account_linking", {"status": "linked", "authorization_code": "PASS_THROUGH"},
               "account_linking", {"status": "linked", "authorization_code": "PASS_THROUGH"}),
        single("webhook/account-linking/unlinked", "account_linking", {"status": "unlinked"},
               "account_linking", {"status": "unlinked"}),
        single("webhook/handover/pass-thread-control-from-idle", "pass_thread_control",
               {"previous_owner_app_id": None, "new_owner_app_id": 263902037430900, "metadata": "escalated"},
               "pass_thread_control", {"new_owner_app_id": "263902037430900", "metadata": "escalated"},
               flags=["lenient_scalars"]),
        single("webhook/handover/take-thread-control", "take_thread_control",
               {"previous_owner_app_id": "263902037430900", "new_owner_app_id": APP, "metadata": "agent took over"},
               "take_thread_control", {"previous_owner_app_id": "263902037430900", "new_owner_app_id": APP, "metadata": "agent took over"}),
        single("webhook/handover/request-thread-control", "request_thread_control",
               {"requested_owner_app_id": 263902037430900, "metadata": "Page Inbox wants it"},
               "request_thread_control", {"requested_owner_app_id": "263902037430900", "metadata": "Page Inbox wants it"}),
        case("webhook/handover/app-roles",
             compact(envelope(entry(messaging=[{"recipient": page(), "timestamp": T,
                                                "app_roles": {APP: ["primary_receiver"], "263902037430900": ["secondary_receiver"]}}]))),
             parsed("page", [ev("app_roles", {APP: ["primary_receiver"], "263902037430900": ["secondary_receiver"]}, sender=None)])),
        case("webhook/policy-enforcement/block",
             compact(envelope(entry(messaging=[{"recipient": page(), "timestamp": T,
                                                "policy_enforcement": {"action": "block", "reason": "spam"}}]))),
             parsed("page", [ev("policy_enforcement", {"action": "block", "reason": "spam"}, sender=None)]),
             comment="policy events have no sender"),
        single("webhook/feedback/csat-with-follow-up", "messaging_feedback",
               {"feedback_screens": [{"screen_id": 0, "questions": {"q1": {"type": "csat", "payload": "4",
                                                                            "follow_up": {"type": "free_form", "payload": "quick!"}}}}]},
               "feedback", {"feedback_screens": [{"screen_id": 0, "questions": {"q1": {"type": "csat", "payload": "4",
                                                                                         "follow_up": {"type": "free_form", "payload": "quick!"}}}}]}),
        single("webhook/game-play", "game_play",
               {"game_id": "111", "player_id": "222", "context_type": "THREAD", "context_id": "333", "score": 100, "payload": "{\"level\":3}"},
               "game_play", {"game_id": "111", "player_id": "222", "context_type": "THREAD", "context_id": "333", "score": 100, "payload": "{\"level\":3}"}),
    ]


def batch_cases():
    msgs1 = [item("message", {"mid": f"m_B1_{i}", "text": f"page one #{i}"}, timestamp=T + i) for i in range(3)]
    msgs2 = [item("message", {"mid": f"m_B2_{i}", "text": f"page two #{i}"}, sender=USER2, recipient=PAGE2, timestamp=T + 10 + i)
             for i in range(3)]
    standby = [item("message", {"mid": "m_SB", "text": "while another app owns the thread"}, sender=USER2, recipient=PAGE2, timestamp=T + 20)]
    body = compact(envelope(entry(PAGE, messaging=msgs1), entry(PAGE2, messaging=msgs2, standby=standby)))
    events = [ev("message", {"mid": f"m_B1_{i}", "text": f"page one #{i}"}, timestamp=T + i) for i in range(3)]
    events += [ev("message", {"mid": f"m_B2_{i}", "text": f"page two #{i}"}, sender=USER2, recipient=PAGE2, pid=PAGE2, timestamp=T + 10 + i)
               for i in range(3)]
    events += [ev("message", {"mid": "m_SB", "text": "while another app owns the thread"}, sender=USER2, recipient=PAGE2,
                  pid=PAGE2, timestamp=T + 20, standby=True)]
    mixed_items = [
        item("message", {"mid": "m_M1", "text": "hi"}),
        item("delivery", {"mids": ["m_OUT"], "watermark": T}, timestamp=None),
        item("read", {"watermark": T}),
        item("reaction", {"mid": "m_OUT", "action": "react", "reaction": "like", "emoji": "👍"}),
        item("postback", {"mid": "m_PB2", "title": "Yes", "payload": "YES"}),
    ]
    return [
        case("webhook/batch/two-pages-six-messages-one-standby", body, parsed("page", events), flags=["batch", "standby"],
             comment="the bug every peer library had: only the first event was read"),
        case("webhook/batch/mixed-kinds-in-order", compact(envelope(entry(messaging=mixed_items))), parsed("page", [
            ev("message", {"mid": "m_M1", "text": "hi"}),
            ev("delivery", {"mids": ["m_OUT"], "watermark": T}, timestamp=T_ENTRY),
            ev("read", {"watermark": T}),
            ev("reaction", {"mid": "m_OUT", "action": "react", "reaction": "like", "emoji": "👍"}),
            ev("postback", {"mid": "m_PB2", "title": "Yes", "payload": "YES"}),
        ]), flags=["batch"]),
        case("webhook/standby/postback-without-payload",
             compact(envelope(entry(standby=[item("postback", {"title": "Get Started"})]))),
             parsed("page", [ev("postback", {"title": "Get Started"}, standby=True)]), flags=["standby"],
             comment="ker0x/messenger #72: standby postbacks may lack a payload"),
        case("webhook/standby/echo-in-standby",
             compact(envelope(entry(standby=[item("message", {"is_echo": True, "app_id": "263902037430900", "mid": "m_INBOX", "text": "agent"},
                                                  sender=PAGE, recipient=USER)]))),
             parsed("page", [ev("echo", {"app_id": "263902037430900", "mid": "m_INBOX", "text": "agent"}, sender=PAGE, recipient=USER, standby=True)]),
             flags=["standby"]),
        case("webhook/batch/empty-entry-list", compact(envelope()), parsed("page", [])),
        case("webhook/batch/entry-without-events", compact(envelope(entry())), parsed("page", [])),
    ]


def lenient_cases():
    return [
        single("webhook/scalars/string-millisecond-timestamp", "message", {"mid": "m_TS1", "text": "a"},
               "message", {"mid": "m_TS1", "text": "a"}, timestamp=T, flags=["lenient_scalars"]) | {
            "input": {"body": compact(envelope(entry(messaging=[item("message", {"mid": "m_TS1", "text": "a"}, timestamp=str(T))])))}},
        single("webhook/scalars/string-seconds-timestamp", "message", {"mid": "m_TS2", "text": "b"},
               "message", {"mid": "m_TS2", "text": "b"}, timestamp=1527459824000, flags=["lenient_scalars"]) | {
            "input": {"body": compact(envelope(entry(messaging=[item("message", {"mid": "m_TS2", "text": "b"}, timestamp="1527459824")])))}},
        case("webhook/scalars/numeric-ids",
             compact({"object": "page", "entry": [{"id": int(PAGE), "time": T_ENTRY, "messaging": [
                 {"sender": {"id": int(USER)}, "recipient": {"id": int(PAGE)}, "timestamp": T, "message": {"mid": "m_NUM", "text": "n"}}]}]}),
             parsed("page", [ev("message", {"mid": "m_NUM", "text": "n"})]), flags=["lenient_scalars"],
             comment="IDs stay strings even when sent as numbers"),
        case("webhook/changes/messaging-field-with-string-values",
             compact(envelope(entry(changes=[{"field": "messaging_postbacks", "value": {
                 "sender": {"id": USER}, "recipient": {"id": PAGE}, "timestamp": "1527459824",
                 "postback": {"title": "Start", "payload": "START", "mid": "m_CHG"}}}]))),
             parsed("page", [ev("postback", {"title": "Start", "payload": "START", "mid": "m_CHG"}, timestamp=1527459824000)]),
             flags=["lenient_scalars"], comment="the newer {field, value} delivery form, all values as strings"),
    ]


def instagram_cases():
    def ig(*items, standby=None):
        return compact(envelope(entry(IG, messaging=list(items), standby=standby), obj="instagram"))

    def iev(kind, payload, **kw):
        kw.setdefault("sender", IGSID)
        kw.setdefault("recipient", IG)
        return ev(kind, payload, pid=IG, platform="instagram", **kw)

    return [
        case("webhook/instagram/text", ig(item("message", {"mid": "aWdfZAG1", "text": "hi from IG"}, sender=IGSID, recipient=IG)),
             parsed("instagram", [iev("message", {"mid": "aWdfZAG1", "text": "hi from IG"})]), flags=["instagram"]),
        case("webhook/instagram/story-reply", ig(item("message", {"mid": "aWdfZAG2", "text": "nice!", "reply_to": {
            "story": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", "id": "17890000000000001"}}}, sender=IGSID, recipient=IG)),
             parsed("instagram", [iev("message", {"mid": "aWdfZAG2", "text": "nice!", "reply_to": {
                 "story": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", "id": "17890000000000001"}}})]),
             flags=["instagram"]),
        case("webhook/instagram/story-mention-and-share", ig(item("message", {"mid": "aWdfZAG3", "attachments": [
            {"type": "story_mention", "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2"}},
            {"type": "share", "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=3"}}]}, sender=IGSID, recipient=IG)),
             parsed("instagram", [iev("message", {"mid": "aWdfZAG3", "attachments": [
                 {"type": "story_mention", "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2"}},
                 {"type": "share", "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=3"}}]})]),
             flags=["instagram"]),
        case("webhook/instagram/deleted-and-unsupported",
             ig(item("message", {"mid": "aWdfZAG4", "is_deleted": True}, sender=IGSID, recipient=IG),
                item("message", {"mid": "aWdfZAG5", "is_unsupported": True}, sender=IGSID, recipient=IG)),
             parsed("instagram", [iev("message_deleted", {"mid": "aWdfZAG4", "is_deleted": True}),
                                  iev("message", {"mid": "aWdfZAG5", "is_unsupported": True})]), flags=["instagram", "batch"]),
        case("webhook/instagram/echo", ig(item("message", {"mid": "aWdfZAG6", "is_echo": True, "text": "reply"}, sender=IG, recipient=IGSID)),
             parsed("instagram", [iev("echo", {"mid": "aWdfZAG6", "text": "reply"}, sender=IG, recipient=IGSID)]), flags=["instagram"]),
        case("webhook/instagram/read-by-mid", ig(item("read", {"mid": "aWdfZAG6"}, sender=IGSID, recipient=IG)),
             parsed("instagram", [iev("read", {"mid": "aWdfZAG6"})]), flags=["instagram"],
             comment="restfb #1314: Instagram reads carry mid, not watermark"),
        case("webhook/instagram/unreact-without-emoji", ig(item("reaction", {"mid": "aWdfZAG6", "action": "unreact"}, sender=IGSID, recipient=IG)),
             parsed("instagram", [iev("reaction", {"mid": "aWdfZAG6", "action": "unreact"})]), flags=["instagram"]),
        case("webhook/instagram/postback", ig(item("postback", {"mid": "aWdfZAG7", "title": "Prices", "payload": "ICE_PRICES"}, sender=IGSID, recipient=IG)),
             parsed("instagram", [iev("postback", {"mid": "aWdfZAG7", "title": "Prices", "payload": "ICE_PRICES"})]), flags=["instagram"]),
        case("webhook/instagram/comment",
             compact(envelope(entry(IG, changes=[{"field": "comments", "value": {
                 "from": {"id": IGSID, "username": "someone"}, "media": {"id": "17800000000000009", "media_product_type": "FEED"},
                 "id": "17865799348089039", "parent_id": "17865799348089000", "text": "how much?"}}]), obj="instagram")),
             parsed("instagram", [iev("comment", {"comment_id": "17865799348089039", "post_id": "17800000000000009",
                                                  "parent_id": "17865799348089000", "message": "how much?",
                                                  "from": {"id": IGSID, "username": "someone"},
                                                  "media": {"id": "17800000000000009", "media_product_type": "FEED"}},
                                  timestamp=T_ENTRY)]),
             flags=["instagram"], comment="Instagram names the comment `id` and its text `text`; normalised to the feed names"),
    ]


def changes_and_unknown_cases():
    feed = {"field": "feed", "value": {"from": {"id": USER, "name": "Ann Example"}, "item": "comment", "verb": "add",
                                        "comment_id": "123_789", "post_id": "106000000000001_123", "parent_id": "106000000000001_123",
                                        "message": "Do you ship to Spain?", "created_time": 1682963527}}
    def change(verb, message):
        return {"field": "feed", "value": {"from": {"id": USER, "name": "Ann Example"}, "item": "comment", "verb": verb,
                                           "comment_id": "123_789", "post_id": "106000000000001_123",
                                           "message": message, "created_time": 1682963527}}
    edit_1, edit_2 = change("edited", "Do you ship to Spain? And Portugal?"), change("edited", "Do you ship to Portugal?")
    hide, unhide = change("hide", "Do you ship to Portugal?"), change("unhide", "Do you ship to Portugal?")
    status = {"field": "feed", "value": {"item": "status", "verb": "add", "post_id": "106000000000001_124", "message": "new post"}}
    unknown_item = item(None, None, extra={"message_request": "accept"})
    payment = item(None, None, extra={"payment": {"payload": "X", "amount": {"currency": "USD", "amount": "1.00"}}})
    wa_change = {"field": "messages", "value": {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"}}}
    return [
        case("webhook/comment/feed-comment", compact(envelope(entry(changes=[feed]))),
             parsed("page", [ev("comment", {"from": {"id": USER, "name": "Ann Example"}, "item": "comment", "verb": "add",
                                           "comment_id": "123_789", "post_id": "106000000000001_123",
                                           "parent_id": "106000000000001_123", "message": "Do you ship to Spain?",
                                           "created_time": 1682963527000}, timestamp=1682963527000)]),
             comment="the target of a private reply (recipient.comment_id)"),
        case("webhook/comment/edits-and-hides-are-distinct",
             compact(envelope(entry(changes=[edit_1]), entry(changes=[edit_2], time=T_ENTRY + 60_000),
                              entry(changes=[hide], time=T_ENTRY + 120_000), entry(changes=[unhide], time=T_ENTRY + 180_000),
                              entry(changes=[hide], time=T_ENTRY + 240_000))),
             parsed("page", [ev("comment", edit_1["value"] | {"created_time": 1682963527000}, timestamp=T_ENTRY),
                             ev("comment", edit_2["value"] | {"created_time": 1682963527000}, timestamp=T_ENTRY + 60_000),
                             ev("comment", hide["value"] | {"created_time": 1682963527000}, timestamp=T_ENTRY + 120_000),
                             ev("comment", unhide["value"] | {"created_time": 1682963527000}, timestamp=T_ENTRY + 180_000),
                             ev("comment", hide["value"] | {"created_time": 1682963527000}, timestamp=T_ENTRY + 240_000)]),
             comment="two edits, a hide and a hide again of one comment: each its own dedupe key (an edit, a hide, an "
                     "unhide happen when the entry says; the key holds that time and a hash of the change)"),
        case("webhook/unknown/feed-status-change", compact(envelope(entry(changes=[status]))),
             parsed("page", [ev("unknown", {"raw": status}, sender=None, recipient=None, timestamp=T_ENTRY)]), flags=["forward_compat"]),
        case("webhook/unknown/unknown-change-field", compact(envelope(entry(changes=[{"field": "ratings", "value": {"rating": 5}}]))),
             parsed("page", [ev("unknown", {"raw": {"field": "ratings", "value": {"rating": 5}}}, sender=None, recipient=None, timestamp=T_ENTRY)]),
             flags=["forward_compat"]),
        case("webhook/unknown/message-request", compact(envelope(entry(messaging=[unknown_item]))),
             parsed("page", [ev("unknown", {"raw": unknown_item})]), flags=["forward_compat"],
             comment="jgorset #137: message_request must not crash the parser"),
        case("webhook/unknown/retired-payment-event", compact(envelope(entry(messaging=[payment]))),
             parsed("page", [ev("unknown", {"raw": payment})]), flags=["forward_compat", "legacy"]),
        case("webhook/unknown/other-object-kept-raw", compact({"object": "whatsapp_business_account", "entry": [
            {"id": "WABA1", "changes": [wa_change]}]}),
             parsed("whatsapp_business_account", [ev("unknown", {"raw": wa_change}, sender=None, recipient=None, timestamp=None,
                                                     pid="WABA1", platform="other")]),
             flags=["forward_compat"], comment="a shared endpoint may receive other products' webhooks"),
    ]


def error_cases():
    good1 = item("message", {"mid": "m_OK1", "text": "before"})
    broken = item("message", {"mid": "m_BAD", "text": 12345})
    good2 = item("message", {"mid": "m_OK2", "text": "after"})
    bad_ts = item("message", {"mid": "m_BADTS", "text": "x"}, timestamp="yesterday")
    return [
        case("webhook/isolation/one-broken-event-among-good",
             compact(envelope(entry(messaging=[good1, broken, good2]))),
             parsed("page", [ev("message", {"mid": "m_OK1", "text": "before"}), ev("message", {"mid": "m_OK2", "text": "after"})],
                    [{"entry": 0, "list": "messaging", "index": 1, "field": "entry[0].messaging[1]", "code": "invalid_event", "raw": broken}]),
             flags=["isolation"], comment="errors[].message is free text and is not compared"),
        case("webhook/isolation/bad-timestamp", compact(envelope(entry(messaging=[bad_ts, good2]))),
             {"ok": {"object": "page", "events": [ev("message", bad_ts["message"], timestamp=T_ENTRY), ev("message", {"mid": "m_OK2", "text": "after"})],
                     "errors": [], "warnings": [{"entry": 0, "field": "entry[0].messaging[0].timestamp", "code": "invalid_value",
                                                 "raw": bad_ts["timestamp"]}]}},
             flags=["isolation"], comment="a timestamp that is not one is left out and reported; the item keeps its data"),
        case("webhook/isolation/non-object-item", compact(envelope(entry(messaging=["oops", good1]))),
             parsed("page", [ev("message", {"mid": "m_OK1", "text": "before"})],
                    [{"entry": 0, "list": "messaging", "index": 0, "field": "entry[0].messaging[0]", "code": "invalid_event", "raw": "oops"}]),
             flags=["isolation"]),
        case("webhook/isolation/broken-entry-between-good-entries",
             compact(envelope(entry(messaging=[good1]), {"id": PAGE2, "messaging": {"not": "a list"}}, entry(messaging=[good2]))),
             parsed("page", [ev("message", {"mid": "m_OK1", "text": "before"}), ev("message", {"mid": "m_OK2", "text": "after"})],
                    [{"entry": 1, "list": None, "index": None, "field": "entry[1]", "code": "invalid_event",
                      "raw": {"id": PAGE2, "messaging": {"not": "a list"}}}]),
             flags=["isolation", "batch"]),
        case("webhook/isolation/standby-and-changes-positions",
             compact(envelope(entry(standby=[good1, broken], changes=[{"field": "feed", "value": {"item": "comment", "created_time": "later"}}]))),
             parsed("page", [ev("message", {"mid": "m_OK1", "text": "before"}, standby=True)], [
                 {"entry": 0, "list": "standby", "index": 1, "field": "entry[0].standby[1]", "code": "invalid_event", "raw": broken},
                 {"entry": 0, "list": "changes", "index": 0, "field": "entry[0].changes[0]", "code": "invalid_event",
                  "raw": {"field": "feed", "value": {"item": "comment", "created_time": "later"}}}]),
             flags=["isolation", "standby"]),
        case("webhook/envelope/not-json", "{\"object\":\"page\",\"entry\":[", error("invalid_json"), flags=["envelope"]),
        case("webhook/envelope/empty-body", "", error("invalid_json"), flags=["envelope"]),
        case("webhook/envelope/not-utf8", {"body_hex": "7b226f626a656374223a22ff227d"}, error("invalid_utf8"), flags=["envelope"]),
        case("webhook/envelope/array-not-object", "[1,2,3]", error("invalid_envelope"), flags=["envelope"]),
        case("webhook/envelope/missing-entry", compact({"object": "page"}), error("invalid_envelope", "entry"), flags=["envelope"]),
        case("webhook/envelope/entry-not-array", compact({"object": "page", "entry": {"id": PAGE}}), error("invalid_envelope", "entry"),
             flags=["envelope"]),
        case("webhook/envelope/missing-object", compact({"entry": []}), error("invalid_envelope", "object"), flags=["envelope"]),
        case("webhook/envelope/object-not-string", compact({"object": 7, "entry": []}), error("invalid_envelope", "object"), flags=["envelope"]),
    ]


def handshake_cases():
    def hs(id_, query, token, status, body="", reason=None, comment=None, params=None):
        inp = {"call": "handshake", "verify_token": token}
        if params is not None:
            inp["params"] = params
        else:
            inp["query"] = query
        ok = {"status": status, "body": body}
        if reason:
            ok["reason"] = reason
        return case(id_, inp, {"ok": ok}, flags=["handshake"], comment=comment)

    q = "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
    return [
        hs("webhook/handshake/accepts", q + "s3cret-token", "s3cret-token", 200, "1158201444"),
        hs("webhook/handshake/accepts-url-with-path", "/webhooks/messenger?" + q + "s3cret-token", "s3cret-token", 200, "1158201444"),
        hs("webhook/handshake/decodes-percent-and-plus", "hub.mode=subscribe&hub.challenge=abc%2Bdef&hub.verify_token=my+t%C3%B6ken",
           "my töken", 200, "abc+def", comment="the challenge is echoed verbatim after decoding"),
        hs("webhook/handshake/params-list", None, "tok", 200, "42",
           params=[["hub.mode", "subscribe"], ["hub.verify_token", "tok"], ["hub.challenge", "42"]]),
        hs("webhook/handshake/token-mismatch", q + "guess", "s3cret-token", 403, reason="verify_token_mismatch",
           comment="jgorset #168: the refusal text must never go back as the challenge"),
        hs("webhook/handshake/token-prefix-is-mismatch", q + "s3cret", "s3cret-token", 403, reason="verify_token_mismatch"),
        hs("webhook/handshake/wrong-mode", "hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=t", "t", 403, reason="mode_not_subscribe"),
        hs("webhook/handshake/missing-mode", "hub.challenge=1&hub.verify_token=t", "t", 403, reason="mode_not_subscribe"),
        hs("webhook/handshake/missing-token", "hub.mode=subscribe&hub.challenge=1", "t", 403, reason="verify_token_missing"),
        hs("webhook/handshake/missing-challenge", "hub.mode=subscribe&hub.verify_token=t", "t", 403, reason="challenge_missing"),
        hs("webhook/handshake/duplicate-token", "hub.mode=subscribe&hub.verify_token=x&hub.verify_token=t&hub.challenge=1", "t", 403,
           reason="duplicate_parameter"),
        hs("webhook/handshake/bad-percent-escape", "hub.mode=subscribe&hub.verify_token=%ZZ&hub.challenge=1", "t", 403, reason="invalid_query"),
        hs("webhook/handshake/empty-configured-token", "hub.mode=subscribe&hub.verify_token=&hub.challenge=1", "", 403,
           reason="verify_token_empty", comment="fail closed when the host forgot to configure a token"),
    ]


def helper_cases():
    echo_mine = item("message", {"is_echo": True, "app_id": int(APP), "mid": "m_E1", "text": "bot"}, sender=PAGE, recipient=USER)
    echo_inbox = item("message", {"is_echo": True, "app_id": "263902037430900", "mid": "m_E2", "text": "agent"}, sender=PAGE, recipient=USER)
    inbound = item("message", {"mid": "m_IN", "text": "hi"})
    sent = [{"mid": "m_S1", "timestamp": T - 3000}, {"mid": "m_S2", "timestamp": T - 2000}, {"mid": "m_S3", "timestamp": T + 5000}]
    return [
        case("webhook/helper/own-echo",
             {"call": "is_own_echo", "app_id": APP, "body": compact(envelope(entry(messaging=[echo_mine, echo_inbox, inbound])))},
             {"ok": [True, False, False]}, flags=["helper"], comment="one answer per event, in order"),
        case("webhook/helper/delivery-covers-mids-and-watermark",
             {"call": "covered", "sent": sent,
              "body": compact(envelope(entry(messaging=[item("delivery", {"mids": ["m_S3"], "watermark": T - 2500}, timestamp=None)])))},
             {"ok": [["m_S1", "m_S3"]]}, flags=["helper"]),
        case("webhook/helper/read-watermark-is-inclusive",
             {"call": "covered", "sent": sent, "body": compact(envelope(entry(messaging=[item("read", {"watermark": T - 2000})])))},
             {"ok": [["m_S1", "m_S2"]]}, flags=["helper"]),
        case("webhook/helper/instagram-read-by-mid",
             {"call": "covered", "sent": sent, "body": compact(envelope(entry(IG, messaging=[
                 item("read", {"mid": "m_S2"}, sender=IGSID, recipient=IG), item("read", {"mid": "m_NOT_MINE"}, sender=IGSID, recipient=IG),
                 item("message", {"mid": "m_X", "text": "x"})]), obj="instagram"))},
             {"ok": [["m_S1", "m_S2"], [], []]}, flags=["helper", "instagram"]),
    ]


def hostile_cases():
    good = item("message", {"mid": "m_OK1", "text": "before"})
    body = compact(envelope(entry(messaging=[good])))
    size = len(body.encode("utf-8"))
    deep_item = item("message", {"mid": "m_DEEP", "x": "DEEP"})
    deep_body = compact(envelope(entry(messaging=[deep_item, good]))).replace('"DEEP"}', "[" * 10000 + "]" * 10000 + "}", 1)
    return [
        case("webhook/hostile/body-over-the-limit", {"body": body, "max_body_bytes": size - 1},
             error("body_too_large"), flags=["hostile"],
             comment="max_body_bytes is the caller's limit; the default is limits::WEBHOOK_BODY_MAX_DEFAULT"),
        case("webhook/hostile/body-at-the-limit", {"body": body, "max_body_bytes": size},
             parsed("page", [ev("message", {"mid": "m_OK1", "text": "before"})]), flags=["hostile"]),
        case("webhook/hostile/array-10000-deep", "[" * 10000 + "]" * 10000, error("nesting_too_deep"), flags=["hostile"]),
        case("webhook/hostile/object-10000-deep", '{"a":' * 10000 + "1" + "}" * 10000, error("nesting_too_deep"),
             flags=["hostile"]),
        case("webhook/hostile/unclosed-10000-deep", '{"object":"page","entry":' + "[" * 10000, error("nesting_too_deep"),
             flags=["hostile"]),
        case("webhook/hostile/event-10000-deep-among-good", deep_body,
             parsed("page", [ev("message", {"mid": "m_OK1", "text": "before"})],
                    [{"entry": 0, "list": "messaging", "index": 0, "field": "entry[0].messaging[0]", "code": "invalid_event",
                      "raw": None}]),
             flags=["hostile", "isolation"], comment="the deep event is reported (its raw JSON is too deep to keep); its sibling parses"),
        case("webhook/hostile/number-out-of-range-in-an-event",
             compact(envelope(entry(messaging=[item("message", {"mid": "m_NUM", "text": "x"}, timestamp="HUGE"), good])))
             .replace('"HUGE"', "1e999999", 1),
             parsed("page", [ev("message", {"mid": "m_OK1", "text": "before"})],
                    [{"entry": 0, "list": "messaging", "index": 0, "field": "entry[0].messaging[0]", "code": "invalid_event",
                      "raw": None}]),
             flags=["hostile", "isolation"], comment="a number no float can hold: that event is reported, its sibling parses"),
        case("webhook/hostile/number-out-of-range-in-the-envelope", '{"object":"page","entry":[1e999999]}',
             parsed("page", [], [{"entry": 0, "list": None, "index": None, "field": "entry[0]", "code": "invalid_event",
                                  "raw": None}]),
             flags=["hostile"]),
    ]


def cases():
    return (message_cases() + other_messaging_cases() + batch_cases() + lenient_cases() + instagram_cases()
            + changes_and_unknown_cases() + error_cases() + handshake_cases() + helper_cases() + hostile_cases())
