"""Cases for tests/vectors/send.json: Send API and Messenger Profile serialisation and validation.
Every limit has limit-1 / limit / limit+1 cases; expected violations are written out."""

from common import make_case

NOTES = {
    "boundary": "a limit tested at limit-1, limit and limit+1",
    "unicode": "lengths count Unicode scalar values (emoji, combining marks), or UTF-8 bytes where the unit says so",
    "retired": "a feature Meta stopped accepting, judged by the profile date",
    "dated": "the answer depends on the profile's as_of date",
    "instagram": "judged by Instagram's rules",
    "profile": "a Messenger Profile body",
    "sender_action": "a typing indicator, read mark or reaction request",
    "roundtrip": "JSON read into the model and written back: exactly Meta's form, no nulls, no unknown keys",
    "json_shape": "a JSON type error or unknown key in a host's body",
}

PSID = "6500000000000001"
LATEST_DATE = "2026-11-21"


def req(message=None, **top):
    body = {"recipient": {"id": PSID}, "messaging_type": "RESPONSE"}
    if message is not None:
        body["message"] = message
    body.update(top)
    return {k: v for k, v in body.items() if v is not None}


def v(code, field, **extra):
    out = {"code": code, "field": field}
    out.update(extra)
    return out


def limit(field, maximum, actual, unit="chars"):
    return v("limit_exceeded", field, max=maximum, actual=actual, unit=unit)


def too_few(field, minimum, actual):
    return v("limit_exceeded", field, min=minimum, actual=actual, unit="items")


def retired(field, on, replacement=None):
    out = v("retired", field, retired_on=on)
    if replacement:
        out["replacement"] = replacement
    return out


def case(id_, body, violations, *, as_of=None, platform=None, flags=(), comment=None):
    inp = {"body": body}
    if as_of:
        inp["as_of"] = as_of
    if platform:
        inp["platform"] = platform
    return make_case("send/" + id_, inp, {"ok": violations}, flags=flags, comment=comment)


def boundary(name, maximum, make, field, *, unit="chars", platform=None, minimum=None):
    """limit-1 and limit pass, limit+1 fails (and minimum-1 fails where there is a minimum)."""
    flags = ["boundary"] + (["instagram"] if platform else [])
    # An exactly-one list at limit-1 is empty, and an empty list under a minimum is `required`.
    below = [v("required", field)] if minimum == 1 and maximum == 1 else []
    out = [
        case(f"limit/{name}/at-limit-minus-one", make(maximum - 1), below, platform=platform, flags=flags),
        case(f"limit/{name}/at-limit", make(maximum), [], platform=platform, flags=flags),
        case(f"limit/{name}/over-limit", make(maximum + 1), [limit(field, maximum, maximum + 1, unit)], platform=platform, flags=flags),
    ]
    if minimum is not None and minimum > 1:
        out.append(case(f"limit/{name}/under-minimum", make(minimum - 1), [too_few(field, minimum, minimum - 1)], flags=flags))
    return out


def qr(title="Red", payload="RED"):
    return {"content_type": "text", "title": title, "payload": payload}


def postback(title="Go", payload="GO"):
    return {"type": "postback", "title": title, "payload": payload}


def template(payload):
    return {"attachment": {"type": "template", "payload": payload}}


def generic(elements, **more):
    return template({"template_type": "generic", "elements": elements, **more})


def element(title="Card", **more):
    out = {"title": title, "subtitle": "sub"}
    out.update(more)
    return out


def grid(images, **more):
    return template({"template_type": "image_grid", "elements": [{"images": images, **more}]})


def image(url="https://cdn.example.com/a.jpg", **more):
    return {"url": url, **more}


P = "message.attachment.payload"


def boundary_cases():
    out = []
    out += boundary("text", 2000, lambda n: req({"text": "x" * n}), "message.text")
    out += boundary("text-emoji", 2000, lambda n: req({"text": "😀" * n}), "message.text")
    out += boundary("metadata", 1000, lambda n: req({"text": "hi", "metadata": "m" * n}), "message.metadata")
    out += boundary("quick-replies", 13, lambda n: req({"text": "pick", "quick_replies": [qr(f"c{i}", f"P{i}") for i in range(n)]}),
                    "message.quick_replies", unit="items")
    out += boundary("quick-reply-title", 20, lambda n: req({"text": "pick", "quick_replies": [qr("t" * n)]}), "message.quick_replies[0].title")
    out += boundary("quick-reply-payload", 1000, lambda n: req({"text": "pick", "quick_replies": [qr("ok", "p" * n)]}),
                    "message.quick_replies[0].payload")
    out += boundary("button-title", 20, lambda n: req(template({"template_type": "button", "text": "t", "buttons": [postback("b" * n)]})),
                    f"{P}.buttons[0].title")
    out += boundary("postback-payload", 1000, lambda n: req(template({"template_type": "button", "text": "t", "buttons": [postback("b", "p" * n)]})),
                    f"{P}.buttons[0].payload")
    out += boundary("button-template-text", 640, lambda n: req(template({"template_type": "button", "text": "t" * n, "buttons": [postback()]})),
                    f"{P}.text")
    out += boundary("button-template-buttons", 3, lambda n: req(template({"template_type": "button", "text": "t", "buttons": [postback(f"b{i}", f"P{i}") for i in range(n)]})),
                    f"{P}.buttons", unit="items")
    out += boundary("generic-elements", 10, lambda n: req(generic([element(f"c{i}") for i in range(n)])), f"{P}.elements", unit="items")
    out += boundary("generic-title", 80, lambda n: req(generic([element("t" * n)])), f"{P}.elements[0].title")
    out += boundary("generic-subtitle", 80, lambda n: req(generic([element(subtitle="s" * n)])), f"{P}.elements[0].subtitle")
    out += boundary("generic-buttons", 3, lambda n: req(generic([element(buttons=[postback(f"b{i}", f"P{i}") for i in range(n)])])),
                    f"{P}.elements[0].buttons", unit="items")
    out += boundary("media-buttons", 3, lambda n: req(template({"template_type": "media", "elements": [
        {"media_type": "image", "attachment_id": "1857777774821032", "buttons": [postback(f"b{i}", f"P{i}") for i in range(n)]}]})),
        f"{P}.elements[0].buttons", unit="items")
    out += boundary("receipt-elements", 100, lambda n: req(template(receipt(elements=[{"title": f"item {i}", "price": 1} for i in range(n)]))),
                    f"{P}.elements", unit="items")
    out += boundary("product-elements", 10, lambda n: req(template({"template_type": "product", "elements": [{"id": str(1000 + i)} for i in range(n)]})),
                    f"{P}.elements", unit="items")
    out += boundary("image-grid-images", 6, lambda n: req(grid([image(f"https://cdn.example.com/{i}.jpg") for i in range(n)])),
                    f"{P}.elements[0].images", unit="items", minimum=2)
    out += boundary("image-grid-title", 45, lambda n: req(grid([image(), image()], title="t" * n)), f"{P}.elements[0].title")
    out += boundary("image-grid-subtitle", 80, lambda n: req(grid([image(), image()], subtitle="s" * n)), f"{P}.elements[0].subtitle")
    out += boundary("image-grid-buttons", 3, lambda n: req(grid([image(), image()], buttons=[postback(f"b{i}", f"P{i}") for i in range(n)])),
                    f"{P}.elements[0].buttons", unit="items")
    out += boundary("instagram-text-bytes", 1000, lambda n: req({"text": "x" * n}), "message.text", unit="bytes", platform="instagram")
    out += boundary("menu-items", 20, lambda n: menu([postback(f"item {i}", f"P{i}") for i in range(n)]),
                    "persistent_menu[0].call_to_actions", unit="items")
    out += boundary("menu-item-title", 30, lambda n: menu([postback("m" * n, "P")]), "persistent_menu[0].call_to_actions[0].title")
    out += boundary("greeting-text", 160, lambda n: {"greeting": [{"locale": "default", "text": "g" * n}]}, "greeting[0].text")
    out += boundary("get-started-payload", 1000, lambda n: {"get_started": {"payload": "p" * n}}, "get_started.payload")
    out += boundary("ice-breakers-flat", 4, lambda n: {"ice_breakers": [{"question": f"q{i}?", "payload": f"Q{i}"} for i in range(n)]},
                    "ice_breakers", unit="items")
    out += boundary("ice-breakers-localised", 4, lambda n: {"ice_breakers": [{"locale": "default", "call_to_actions": [
        {"question": f"q{i}?", "payload": f"Q{i}"} for i in range(n)]}]}, "ice_breakers[0].call_to_actions", unit="items")
    out += boundary("whitelisted-domains", 50, lambda n: {"whitelisted_domains": [f"https://shop{i}.example.com" for i in range(n)]},
                    "whitelisted_domains", unit="items")
    grid_element = {"images": [image(), image()]}
    out += boundary("image-grid-elements", 1, lambda n: req(template({"template_type": "image_grid", "elements": [grid_element] * n})),
                    f"{P}.elements", unit="items", minimum=1)
    out += boundary("media-elements", 1, lambda n: req(template({"template_type": "media", "elements": [
        {"media_type": "image", "attachment_id": "1857777774821032"}] * n})), f"{P}.elements", unit="items", minimum=1)
    question = {"id": "q1", "type": "csat", "title": "How was it?"}
    out += boundary("feedback-screens", 1, lambda n: req(template(feedback(feedback_screens=[{"questions": [question]}] * n))),
                    f"{P}.feedback_screens", unit="items", minimum=1)
    out += boundary("feedback-questions", 1, lambda n: req(template(feedback(feedback_screens=[{"questions": [question] * n}]))),
                    f"{P}.feedback_screens[0].questions", unit="items", minimum=1)
    for n, expect in [(0, [v("invalid_value", f"{P}.expires_in_days")]), (1, []), (7, []), (8, [v("invalid_value", f"{P}.expires_in_days")])]:
        out.append(case(f"limit/feedback-expires-in-days/{n}", req(template(feedback(expires_in_days=n))), expect, flags=["boundary"]))
    return out


def receipt(**more):
    body = {"template_type": "receipt", "recipient_name": "Stephane Crozatier", "order_number": "12345678902", "currency": "USD",
            "payment_method": "Visa 2345", "summary": {"total_cost": 56.14}}
    body.update(more)
    return body


def feedback(**more):
    body = {"template_type": "customer_feedback", "title": "Rate your experience", "button_title": "Rate",
            "feedback_screens": [{"questions": [{"id": "q1", "type": "csat", "title": "How was it?", "score_label": "neg_pos",
                                                 "score_option": "five_stars"}]}]}
    body.update(more)
    return body


def menu(items, *, locale="default", with_get_started=True, **more):
    body = {"persistent_menu": [{"locale": locale, "composer_input_disabled": False, "call_to_actions": items, **more}]}
    if with_get_started:
        body["get_started"] = {"payload": "GET_STARTED"}
    return body


def unicode_cases():
    combining = "e\u0301"  # two scalar values, one grapheme
    return [
        case("unicode/combining-marks-count-per-scalar-at-limit", req({"text": combining * 1000}), [], flags=["unicode", "boundary"],
             comment="1000 graphemes of e + U+0301 are 2000 scalar values"),
        case("unicode/combining-marks-count-per-scalar-over", req({"text": combining * 1000 + "e"}), [limit("message.text", 2000, 2001)],
             flags=["unicode", "boundary"]),
        case("unicode/instagram-two-byte-letters", req({"text": "é" * 500}), [], platform="instagram", flags=["unicode", "instagram"],
             comment="500 x é is 1000 UTF-8 bytes"),
        case("unicode/instagram-two-byte-letters-over", req({"text": "é" * 501}), [limit("message.text", 1000, 1002, "bytes")],
             platform="instagram", flags=["unicode", "instagram"]),
        case("unicode/emoji-title-counts-scalars", req({"text": "pick", "quick_replies": [qr("👍🏽" * 10)]}), [], flags=["unicode"],
             comment="a skin-tone emoji is two scalar values: 20 in all"),
    ]


def request_cases():
    return [
        case("valid/text", req({"text": "hello"}), []),
        case("valid/must-show-three-violations", req({"text": "x" * 2001, "quick_replies": [qr("ok", f"P{i}") for i in range(3)]
                                                       + [qr("t" * 25)] + [qr("ok", f"Q{i}") for i in range(10)]}),
             [limit("message.text", 2000, 2001), limit("message.quick_replies", 13, 14, "items"), limit("message.quick_replies[3].title", 20, 25)],
             flags=["boundary"], comment="every violation is returned, not the first"),
        case("recipient/missing", {"recipient": {}, "messaging_type": "RESPONSE", "message": {"text": "hi"}}, [v("required", "recipient")]),
        case("recipient/two-identifiers", {"recipient": {"id": PSID, "user_ref": "U"}, "messaging_type": "RESPONSE", "message": {"text": "hi"}},
             [v("conflict", "recipient")]),
        case("recipient/comment-private-reply", {"recipient": {"comment_id": "123_456"}, "messaging_type": "RESPONSE", "message": {"text": "hi"}}, []),
        case("request/message-and-sender-action", req({"text": "hi"}, sender_action="typing_on"), [v("conflict", "sender_action")]),
        case("request/neither-message-nor-action", {"recipient": {"id": PSID}}, [v("required", "message")]),
        case("request/missing-messaging-type", {"recipient": {"id": PSID}, "message": {"text": "hi"}}, [v("required", "messaging_type")]),
        case("request/message-tag-without-tag", req({"text": "hi"}, messaging_type="MESSAGE_TAG"), [v("required", "tag")]),
        case("request/tag-without-message-tag", req({"text": "hi"}, tag="HUMAN_AGENT"), [v("conflict", "tag")]),
        case("request/human-agent-tag", req({"text": "hi"}, messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT"), []),
        case("request/unknown-tag", req({"text": "hi"}, messaging_type="MESSAGE_TAG", tag="WHATEVER_UPDATE"), [v("invalid_value", "tag")]),
        case("request/unknown-messaging-type", req({"text": "hi"}, messaging_type="BROADCAST"), [v("invalid_value", "messaging_type")]),
        case("request/reply-to-empty-mid", req({"text": "hi"}, reply_to={"mid": " "}), [v("required", "reply_to.mid")]),
        case("request/persona-not-numeric", req({"text": "hi"}, persona_id="agent-7"), [v("invalid_value", "persona_id")]),
        case("request/silent-push-with-persona", req({"text": "hi"}, notification_type="SILENT_PUSH", persona_id="1744211222496436"), []),
        case("message/text-and-attachment", req({"text": "hi", "attachment": {"type": "image", "payload": {"url": "https://cdn.example.com/a.jpg"}}}),
             [v("conflict", "message")]),
        case("message/empty", req({}), [v("required", "message.text")]),
        case("message/blank-text", req({"text": "  "}), [v("required", "message.text")]),
        case("message/image-by-url", req({"attachment": {"type": "image", "payload": {"url": "https://cdn.example.com/a.jpg", "is_reusable": True}}}), []),
        case("message/video-by-attachment-id", req({"attachment": {"type": "video", "payload": {"attachment_id": "1857777774821032"}}}), []),
        case("message/media-url-and-id", req({"attachment": {"type": "file", "payload": {"url": "https://x.example/a.pdf", "attachment_id": "1"}}}),
             [v("conflict", "message.attachment.payload.attachment_id")]),
        case("message/media-without-source", req({"attachment": {"type": "audio", "payload": {}}}), [v("required", "message.attachment.payload.url")]),
        case("message/reusable-saved-attachment", req({"attachment": {"type": "image", "payload": {"attachment_id": "1", "is_reusable": True}}}),
             [v("not_allowed", "message.attachment.payload.is_reusable")]),
        case("message/media-url-not-http", req({"attachment": {"type": "image", "payload": {"url": "javascript:alert(1)"}}}),
             [v("invalid_value", "message.attachment.payload.url")]),
        case("quick-reply/user-email-and-phone", req({"text": "contact?", "quick_replies": [{"content_type": "user_email"}, {"content_type": "user_phone_number"}]}), []),
        case("quick-reply/missing-title", req({"text": "pick", "quick_replies": [{"content_type": "text", "payload": "P"}]}),
             [v("required", "message.quick_replies[0].title")], flags=["json_shape"]),
        case("quick-reply/bad-icon-url", req({"text": "pick", "quick_replies": [qr() | {"image_url": "ftp://x/red.png"}]}),
             [v("invalid_value", "message.quick_replies[0].image_url")]),
        case("quick-reply/location-retired", req({"text": "where?", "quick_replies": [{"content_type": "location"}]}),
             [retired("message.quick_replies[0].content_type", "2019-07-29", "a text quick reply, or ask for an address in text")], flags=["retired"]),
        case("quick-reply/location-before-retirement", req({"text": "where?", "quick_replies": [{"content_type": "location"}]}), [],
             as_of="2019-07-28", flags=["retired", "dated"]),
        case("quick-reply/unknown-content-type", req({"text": "pick", "quick_replies": [{"content_type": "date_picker"}]}),
             [v("invalid_value", "message.quick_replies[0].content_type")]),
        case("sticker/available", req({"sticker_id": 767226160478561}), [], flags=["dated"]),
        case("sticker/before-sticker-api", req({"sticker_id": 767226160478561}), [v("not_allowed", "message.sticker_id")], as_of="2026-05-31", flags=["dated"]),
        case("sticker/not-numeric", req({"sticker_id": "thumbs-up"}), [v("invalid_value", "message.sticker_id")]),
        case("json/unknown-keys", req({"text": "hi", "tracking": "x"}, priority="high"),
             [v("not_allowed", "message.tracking"), v("not_allowed", "priority")], flags=["json_shape"]),
        case("json/null-fields-are-absent", req({"text": "hi", "quick_replies": None, "metadata": None}), [], flags=["json_shape"]),
        case("json/text-is-a-number", req({"text": 5}), [v("invalid_value", "message.text")], flags=["json_shape"]),
        case("json/not-an-object", [1, 2], [v("invalid_value", "")], flags=["json_shape"]),
        case("json/bare-message-paths", {"text": "x" * 2001}, [limit("text", 2000, 2001)], flags=["json_shape"],
             comment="a bare message object is validated with paths relative to it"),
    ]


def tag_cases():
    def tagged(tag):
        return req({"text": "update"}, messaging_type="MESSAGE_TAG", tag=tag)
    utility = "a utility message (messaging_type UTILITY)"
    return [
        case("tag/post-purchase-update-retired", tagged("POST_PURCHASE_UPDATE"), [retired("tag", "2026-04-27", utility)], as_of=LATEST_DATE,
             flags=["retired", "dated"], comment="error 100 from 2026-04-27"),
        case("tag/post-purchase-update-before", tagged("POST_PURCHASE_UPDATE"), [], as_of="2026-01-15", flags=["retired", "dated"]),
        case("tag/confirmed-event-update-last-day", tagged("CONFIRMED_EVENT_UPDATE"), [], as_of="2026-04-26", flags=["retired", "dated"]),
        case("tag/confirmed-event-update-first-refused-day", tagged("CONFIRMED_EVENT_UPDATE"), [retired("tag", "2026-04-27", utility)],
             as_of="2026-04-27", flags=["retired", "dated"]),
        case("tag/account-update-latest-profile", tagged("ACCOUNT_UPDATE"), [retired("tag", "2026-04-27", utility)], flags=["retired"],
             comment="chatwoot #14674: a hard-coded ACCOUNT_UPDATE rejected every send"),
        case("tag/shipping-update-before-2020-policy", tagged("SHIPPING_UPDATE"), [], as_of="2020-03-03", flags=["retired", "dated"]),
        case("tag/shipping-update-after-2020-policy", tagged("SHIPPING_UPDATE"), [retired("tag", "2020-03-04", "POST_PURCHASE_UPDATE")],
             as_of="2020-03-04", flags=["retired", "dated"]),
        case("tag/community-alert-no-replacement", tagged("COMMUNITY_ALERT"), [retired("tag", "2020-03-04")], flags=["retired"]),
        case("tag/non-promotional-subscription-type", req({"text": "news"}, messaging_type="NON_PROMOTIONAL_SUBSCRIPTION"),
             [retired("messaging_type", "2020-03-04")], flags=["retired"]),
        case("tag/instagram-human-agent", tagged("HUMAN_AGENT"), [], platform="instagram", flags=["instagram"]),
        case("tag/instagram-customer-feedback", tagged("CUSTOMER_FEEDBACK"), [v("not_allowed", "tag")], platform="instagram", flags=["instagram"]),
    ]


def template_cases():
    url_button = {"type": "web_url", "url": "https://shop.example.com/p/1", "title": "View"}
    return [
        case("template/generic-complete", req(generic([element("Welcome!", image_url="https://cdn.example.com/w.png",
                                                               default_action={"type": "web_url", "url": "https://shop.example.com", "webview_height_ratio": "tall"},
                                                               buttons=[url_button, postback("Start", "START"), {"type": "phone_number", "title": "Call", "payload": "+15105551234"}])],
                                                      image_aspect_ratio="square", sharable=True)), []),
        case("template/generic-title-only", req(generic([{"title": "Lonely"}])), [v("required", f"{P}.elements[0].subtitle")]),
        case("template/generic-no-elements", req(generic([])), [v("required", f"{P}.elements")]),
        case("template/generic-bad-aspect-ratio", req(generic([element()], image_aspect_ratio="wide")), [v("invalid_value", f"{P}.image_aspect_ratio")]),
        case("template/default-action-with-title", req(generic([element(default_action={"type": "web_url", "url": "https://x.example", "title": "No"})])),
             [v("not_allowed", f"{P}.elements[0].default_action.title")]),
        case("template/default-action-not-web-url", req(generic([element(default_action={"type": "postback", "url": "https://x.example"})])),
             [v("invalid_value", f"{P}.elements[0].default_action.type")]),
        case("template/button-without-buttons", req(template({"template_type": "button", "text": "Hi", "buttons": []})), [v("required", f"{P}.buttons")]),
        case("template/media-facebook-video", req(template({"template_type": "media", "elements": [
            {"media_type": "video", "url": "https://www.facebook.com/106000000000001/videos/123456789"}]})), []),
        case("template/media-external-url", req(template({"template_type": "media", "elements": [{"media_type": "image", "url": "https://cdn.example.com/a.jpg"}]})),
             [v("invalid_value", f"{P}.elements[0].url")]),
        case("template/media-audio", req(template({"template_type": "media", "elements": [{"media_type": "audio", "attachment_id": "1"}]})),
             [v("invalid_value", f"{P}.elements[0].media_type")]),
        case("template/media-two-elements", req(template({"template_type": "media", "elements": [
            {"media_type": "image", "attachment_id": "1"}, {"media_type": "image", "attachment_id": "2"}]})), [limit(f"{P}.elements", 1, 2, "items")]),
        case("template/receipt-complete", req(template(receipt(
            merchant_name="Example Shop", order_url="https://shop.example.com/o/1", timestamp="1428444852",
            address={"street_1": "1 Hacker Way", "street_2": "", "city": "Menlo Park", "postal_code": "94025", "state": "CA", "country": "US"},
            summary={"subtotal": 75.00, "shipping_cost": 4.95, "total_tax": 6.19, "total_cost": 56.14},
            adjustments=[{"name": "New Customer Discount", "amount": 20}],
            elements=[{"title": "Classic White T-Shirt", "subtitle": "100% Soft and Luxurious Cotton", "quantity": 2, "price": 50, "currency": "USD",
                       "image_url": "https://cdn.example.com/tshirt.png"}]))), []),
        case("template/receipt-missing-currency", req(template({k: x for k, x in receipt().items() if k != "currency"})),
             [v("required", f"{P}.currency")], flags=["json_shape"]),
        case("template/receipt-lowercase-currency", req(template(receipt(currency="usd"))), [v("invalid_value", f"{P}.currency")]),
        case("template/receipt-address-missing-city", req(template(receipt(address={"street_1": "1 Way", "city": "", "postal_code": "1", "state": "CA", "country": "US"}))),
             [v("required", f"{P}.address.city")]),
        case("template/receipt-negative-and-infinite-amounts", req(template(receipt(
            summary={"total_cost": -1, "total_tax": 1e308}, adjustments=[{"name": "x", "amount": -5}],
            elements=[{"title": "Free sample", "price": 0}, {"title": "Refund", "price": -20}]))),
            [v("invalid_value", f"{P}.elements[1].price"), v("invalid_value", f"{P}.summary.total_cost"),
             v("invalid_value", f"{P}.summary.total_tax"), v("invalid_value", f"{P}.adjustments[0].amount")],
            comment="an amount is finite, 0 (a free item) or more, at most limits::RECEIPT_AMOUNT_MAX"),
        case("template/product-before-v8", req(template({"template_type": "product", "elements": [{"id": "1"}]})), [v("not_allowed", f"{P}.template_type")],
             as_of="2020-08-03", flags=["dated"]),
        case("template/coupon", req(template({"template_type": "coupon", "title": "10% off", "coupon_code": "SAVE10", "coupon_url": "https://shop.example.com"})), []),
        case("template/customer-feedback", req(template(feedback(expires_in_days=3, business_privacy={"url": "https://shop.example.com/privacy"}))), []),
        case("template/customer-feedback-bad-question-type", req(template(feedback(feedback_screens=[{"questions": [{"id": "q", "type": "stars"}]}]))),
             [v("invalid_value", f"{P}.feedback_screens[0].questions[0].type")]),
        case("template/image-grid-before-launch", req(grid([image(), image()])), [v("not_allowed", f"{P}.template_type")], as_of="2026-06-29", flags=["dated"]),
        case("template/image-grid-two-heroes", req(grid([image(is_hero_image=True), image(is_hero_image=True)])), [v("conflict", f"{P}.elements[0].images")]),
        case("template/image-grid-call-button", req(grid([image(), image()], buttons=[{"type": "phone_number", "title": "Call", "payload": "+15105551234"}])),
             [v("not_allowed", f"{P}.elements[0].buttons[0].type")]),
        case("template/list-retired", req(template({"template_type": "list", "top_element_style": "compact", "elements": [element(), element()]})),
             [retired(f"{P}.template_type", "2019-07-29", "the generic template (a carousel)")], flags=["retired"]),
        case("template/list-before-v4", req(template({"template_type": "list", "elements": [element(), element()]})), [], as_of="2019-07-28",
             flags=["retired", "dated"], comment="before its retirement a list template is not judged further"),
        case("template/open-graph-retired", req(template({"template_type": "open_graph", "elements": [{"url": "https://open.spotify.com/track/1"}]})),
             [retired(f"{P}.template_type", "2019-07-29", "the generic template with a link")], flags=["retired"]),
        case("template/airline-itinerary-retired", req(template({"template_type": "airline_itinerary", "intro_message": "Your trip"})),
             [retired(f"{P}.template_type", "2019-07-29", "the generic template")], flags=["retired"]),
        case("template/unknown-type", req(template({"template_type": "carousel_deluxe"})), [v("invalid_value", f"{P}.template_type")]),
        case("template/instagram-generic", req(generic([element()])), [], platform="instagram", flags=["instagram"]),
        case("template/instagram-receipt", req(template(receipt())), [v("not_allowed", f"{P}.template_type")], platform="instagram", flags=["instagram"]),
    ]


def button_cases():
    def with_button(button):
        return req(template({"template_type": "button", "text": "Choose", "buttons": [button]}))
    b = f"{P}.buttons[0]"
    return [
        case("button/web-url-complete", with_button({"type": "web_url", "url": "https://shop.example.com", "title": "Shop", "webview_height_ratio": "full",
                                                     "messenger_extensions": True, "fallback_url": "https://shop.example.com/fallback", "webview_share_button": "hide"}), []),
        case("button/web-url-no-scheme", with_button({"type": "web_url", "url": "shop.example.com", "title": "Shop"}), [v("invalid_value", f"{b}.url")]),
        case("button/web-url-no-title", with_button({"type": "web_url", "url": "https://shop.example.com"}), [v("required", f"{b}.title")]),
        case("button/web-url-bad-ratio", with_button({"type": "web_url", "url": "https://x.example", "title": "X", "webview_height_ratio": "huge"}),
             [v("invalid_value", f"{b}.webview_height_ratio")]),
        case("button/fallback-without-extensions", with_button({"type": "web_url", "url": "https://x.example", "title": "X", "fallback_url": "https://y.example"}),
             [v("conflict", f"{b}.fallback_url")]),
        case("button/phone-e164", with_button({"type": "phone_number", "title": "Call us", "payload": "+4930123456"}), []),
        case("button/phone-without-plus", with_button({"type": "phone_number", "title": "Call us", "payload": "5105551234"}), [v("invalid_value", f"{b}.payload")],
             comment="Meta needs + E.164"),
        case("button/phone-leading-zero", with_button({"type": "phone_number", "title": "Call us", "payload": "+0301234567"}), [v("invalid_value", f"{b}.payload")]),
        case("button/phone-with-spaces", with_button({"type": "phone_number", "title": "Call us", "payload": "+1 510 555 1234"}), [v("invalid_value", f"{b}.payload")]),
        case("button/account-link-http", with_button({"type": "account_link", "url": "http://login.example.com"}), [v("invalid_value", f"{b}.url")]),
        case("button/account-unlink", with_button({"type": "account_unlink"}), []),
        case("button/game-play", with_button({"type": "game_play", "title": "Play", "payload": "{}", "game_metadata": {"player_id": "1"}}), []),
        case("button/postback-title-not-string", with_button({"type": "postback", "title": 5, "payload": "P"}), [v("invalid_value", f"{b}.title")],
             flags=["json_shape"], comment="a known type with a malformed field is reported at that field"),
        case("button/postback-missing-payload", with_button({"type": "postback", "title": "Go"}), [v("required", f"{b}.payload")], flags=["json_shape"]),
        case("button/element-share-retired", with_button({"type": "element_share"}), [retired(f"{b}.type", "2019-08-15", "`sharable: true` on the template")],
             flags=["retired"], comment="rehabstudio/fbmessenger #66"),
        case("button/payment-retired", with_button({"type": "payment", "title": "Buy", "payload": "SKU1", "payment_summary": {"currency": "USD"}}),
             [retired(f"{b}.type", "2019-07-29", "a web_url button to a checkout page")], flags=["retired"]),
        case("button/unknown-type", with_button({"type": "teleport", "title": "Go"}), [v("invalid_value", f"{b}.type")]),
        case("button/missing-type", with_button({"title": "Go", "payload": "P"}), [v("required", f"{b}.type")]),
    ]


def sender_action_cases():
    def action(name, **more):
        return {"recipient": {"id": PSID}, "sender_action": name, **more}
    return [
        case("sender-action/typing-on", action("typing_on"), [], flags=["sender_action"]),
        case("sender-action/typing-on-with-persona", action("typing_on", persona_id="1744211222496436"), [], flags=["sender_action"]),
        case("sender-action/mark-seen-with-messaging-type", action("mark_seen", messaging_type="RESPONSE"), [v("not_allowed", "messaging_type")],
             flags=["sender_action"]),
        case("sender-action/mark-seen-with-persona", action("mark_seen", persona_id="1"), [v("not_allowed", "persona_id")], flags=["sender_action"]),
        case("sender-action/react", action("react", payload={"message_id": "m_AAA", "reaction": "😊"}), [], flags=["sender_action"]),
        case("sender-action/react-without-payload", action("react"), [v("required", "payload")], flags=["sender_action"]),
        case("sender-action/react-without-emoji", action("react", payload={"message_id": "m_AAA"}), [v("required", "payload.reaction")], flags=["sender_action"]),
        case("sender-action/unreact-with-emoji", action("unreact", payload={"message_id": "m_AAA", "reaction": "😊"}), [v("not_allowed", "payload.reaction")],
             flags=["sender_action"]),
        case("sender-action/typing-with-payload", action("typing_off", payload={"message_id": "m"}), [v("not_allowed", "payload")], flags=["sender_action"]),
        case("sender-action/unknown", action("dance"), [v("invalid_value", "sender_action")], flags=["sender_action"]),
    ]


def profile_cases():
    return [
        case("profile/complete", {"get_started": {"payload": "GET_STARTED"},
                                  "greeting": [{"locale": "default", "text": "Hello {{user_first_name}}!"}, {"locale": "en_US", "text": "Hi!"}],
                                  "ice_breakers": [{"locale": "default", "call_to_actions": [{"question": "Where are you?", "payload": "WHERE"}]}],
                                  "persistent_menu": [{"locale": "default", "composer_input_disabled": False, "disabled_surfaces": ["customer_chat_plugin"],
                                                       "call_to_actions": [postback("Talk to an agent", "CARE_HELP"),
                                                                           {"type": "web_url", "title": "Shop now", "url": "https://shop.example.com", "webview_height_ratio": "full"}]}],
                                  "whitelisted_domains": ["https://www.example.com"]}, [], flags=["profile"]),
        case("profile/menu-without-get-started", menu([postback()], with_get_started=False), [v("required", "get_started")], flags=["profile"]),
        case("profile/menu-without-default-locale", menu([postback()], locale="en_US"), [v("required", "persistent_menu")], flags=["profile"]),
        case("profile/menu-duplicate-locale", {"get_started": {"payload": "GS"}, "persistent_menu": [
            {"locale": "default", "call_to_actions": [postback()]}, {"locale": "default", "call_to_actions": [postback()]}]},
             [v("conflict", "persistent_menu[1].locale")], flags=["profile"]),
        case("profile/menu-nested-retired", menu([{"type": "nested", "title": "More", "call_to_actions": [postback()]}]),
             [retired("persistent_menu[0].call_to_actions[0].type", "2022-08-04", "up to 20 flat items")], flags=["profile", "retired"]),
        case("profile/menu-phone-item", menu([{"type": "phone_number", "title": "Call", "payload": "+15105551234"}]),
             [v("not_allowed", "persistent_menu[0].call_to_actions[0].type")], flags=["profile"]),
        case("profile/instagram-menu-composer", menu([postback()]), [v("not_allowed", "persistent_menu[0].composer_input_disabled")],
             platform="instagram", flags=["profile", "instagram"]),
        case("profile/greeting-without-default", {"greeting": [{"locale": "en_US", "text": "Hi"}]}, [v("required", "greeting")], flags=["profile"]),
        case("profile/ice-breakers-mixed-formats", {"ice_breakers": [{"question": "a?", "payload": "A"},
                                                                     {"locale": "default", "call_to_actions": [{"question": "b?", "payload": "B"}]}]},
             [v("conflict", "ice_breakers")], flags=["profile"]),
        case("profile/ice-breaker-missing-payload", {"ice_breakers": [{"question": "a?"}]}, [v("required", "ice_breakers[0].payload")], flags=["profile"]),
        case("profile/domain-http", {"whitelisted_domains": ["http://www.example.com"]}, [v("invalid_value", "whitelisted_domains[0]")], flags=["profile"]),
        case("profile/domain-ip", {"whitelisted_domains": ["https://192.168.1.10"]}, [v("invalid_value", "whitelisted_domains[0]")], flags=["profile"]),
        case("profile/domain-localhost", {"whitelisted_domains": ["https://localhost"]}, [v("invalid_value", "whitelisted_domains[0]")], flags=["profile"]),
    ]


def roundtrip_cases():
    def rt(id_, body, written=None, comment=None):
        expect = {"ok": body if written is None else written}
        return make_case("send/roundtrip/" + id_, {"call": "roundtrip", "body": body}, expect, flags=["roundtrip"], comment=comment)
    full_receipt = receipt(merchant_name="Example Shop", timestamp="1428444852",
                           address={"street_1": "1 Hacker Way", "street_2": "", "city": "Menlo Park", "postal_code": "94025", "state": "CA", "country": "US"},
                           summary={"subtotal": 75.0, "shipping_cost": 4.95, "total_tax": 6.19, "total_cost": 56.14},
                           adjustments=[{"name": "New Customer Discount", "amount": 20.0}],
                           elements=[{"title": "Classic White T-Shirt", "quantity": 2, "price": 50.0, "currency": "USD"}])
    return [
        rt("text-with-quick-replies", req({"text": "Pick a color", "quick_replies": [qr(), {"content_type": "user_email"}], "metadata": "ticket:42"})),
        rt("nulls-dropped", req({"text": "hi", "quick_replies": None}, tag=None, persona_id=None), req({"text": "hi"}), comment="Meta's JSON has no nulls"),
        rt("unknown-keys-dropped", req({"text": "hi", "tracking": 1}), req({"text": "hi"})),
        rt("image-reusable", req({"attachment": {"type": "image", "payload": {"url": "https://cdn.example.com/a.jpg", "is_reusable": True}}})),
        rt("generic", req(generic([element("Welcome!", image_url="https://cdn.example.com/w.png",
                                           default_action={"type": "web_url", "url": "https://shop.example.com", "webview_height_ratio": "tall"},
                                           buttons=[{"type": "web_url", "url": "https://shop.example.com", "title": "View"}, postback()])],
                                  image_aspect_ratio="square"))),
        rt("button-template", req(template({"template_type": "button", "text": "What next?", "buttons": [
            {"type": "phone_number", "title": "Call", "payload": "+15105551234"}, {"type": "account_link", "url": "https://login.example.com"},
            {"type": "account_unlink"}]}))),
        rt("media", req(template({"template_type": "media", "sharable": True, "elements": [{"media_type": "image", "attachment_id": "1857777774821032", "buttons": [postback()]}]}))),
        rt("receipt", req(template(full_receipt))),
        rt("product", req(template({"template_type": "product", "elements": [{"id": "111"}, {"id": "222"}]}))),
        rt("coupon", req(template({"template_type": "coupon", "title": "10% off", "subtitle": "Terms may apply.", "coupon_code": "SAVE10",
                                   "coupon_url": "https://shop.example.com", "coupon_url_button_title": "Shop now", "payload": "COUPON_REVEALED"}))),
        rt("customer-feedback", req(template(feedback(subtitle="Let us know", expires_in_days=3, business_privacy={"url": "https://shop.example.com/privacy"})))),
        rt("image-grid", req(grid([image(is_hero_image=True), image("https://cdn.example.com/b.jpg", action={"type": "postback", "payload": "B"})],
                                  title="New arrivals", buttons=[postback()]))),
        rt("retired-kept-verbatim", req(template({"template_type": "list", "top_element_style": "compact", "elements": [element(), element()]})),
           comment="a retired construct is kept as it is, so validation can name it"),
        rt("sender-action-react", {"recipient": {"id": PSID}, "sender_action": "react", "payload": {"message_id": "m_AAA", "reaction": "😊"}}),
        rt("tagged-with-persona-and-reply", req({"text": "On it"}, messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT", persona_id="1744211222496436",
                                                notification_type="NO_PUSH", reply_to={"mid": "m_AAA"})),
        rt("profile", {"get_started": {"payload": "GET_STARTED"}, "greeting": [{"locale": "default", "text": "Hello {{user_first_name}}!"}],
                       "ice_breakers": [{"question": "Where are you?", "payload": "WHERE"}],
                       "persistent_menu": [{"locale": "default", "composer_input_disabled": True, "call_to_actions": [postback("Help", "HELP")]}],
                       "whitelisted_domains": ["https://www.example.com"]}),
    ]


def hostile_cases():
    """What a host may not slip past validation: NUL, a key given twice."""
    return [
        case("hostile/nul-in-text", req({"text": "a\u0000b"}), [v("invalid_value", "message.text")],
             comment="PostgreSQL, C strings and logs cut or refuse NUL: what Meta delivers would not be what was stored"),
        case("hostile/nul-in-url-host", req(template({"template_type": "button", "text": "t", "buttons": [
            {"type": "web_url", "url": "https://shop.example.com\u0000.evil.example/", "title": "Open"}]})),
             [v("invalid_value", f"{P}.buttons[0].url")], comment="a C resolver would stop at the NUL"),
        make_case("send/hostile/duplicate-key-in-json-text",
                  {"body": '{"recipient":{"id":"6500000000000001"},"messaging_type":"RESPONSE",'
                           '"message":{"text":"' + "x" * 2001 + '","text":"ok"}}'},
                  {"error": {"code": "invalid_json", "field": "request"}}, flags=["json_shape"],
                  comment="JSON text with a key twice is refused, as webhook parsing refuses it: last-one-wins would "
                          "pass an over-long text that another reader takes first"),
    ]


def cases():
    return (hostile_cases() + boundary_cases() + unicode_cases() + request_cases() + tag_cases() + template_cases() + button_cases()
            + sender_action_cases() + profile_cases() + roundtrip_cases())
