"""Cases for tests/vectors/compose.json: neutral message -> Send API messages + warnings.
Every rule of vendor-formats.md §7/§8 that compose implements has a case; outputs are written out."""

from common import make_case

NOTES = {
    "overflow": "text over a limit: split (default), truncate or reject",
    "choices": "actions sorted into buttons and quick replies",
    "smooch_compat": "compat smooch reproduces Smooch's own Messenger rules",
    "payments": "buy actions: reject (default), checkout link, or legacy payments",
    "retired": "a retired Messenger feature replaced by its successor",
    "media": "media kind, size and placement",
    "cards": "cards to a generic-template carousel",
    "instagram": "composed for Instagram's rules",
    "override": "a raw Messenger payload passed through after validation",
    "input_error": "the neutral message itself is malformed",
}

PHONE = "+15105551234"


def case(id_, message, expect, *, options=None, flags=(), comment=None):
    inp = {"message": message}
    if options is not None:
        inp["options"] = options
    return make_case("compose/" + id_, inp, expect, flags=flags, comment=comment)


def ok(messages, warnings=()):
    return {"ok": {"messages": list(messages), "warnings": list(warnings)}}


def err(code, field=None):
    out = {"code": code}
    if field is not None:
        out["field"] = field
    return {"error": out}


def w(code, field):
    return {"code": code, "field": field}


def text(t, **more):
    return {"text": t, **more}


def qr(title, payload=None):
    return {"content_type": "text", "title": title, "payload": title if payload is None else payload}


def pb(title, payload):
    return {"type": "postback", "title": title, "payload": payload}


def url_btn(title, url, **more):
    return {"type": "web_url", "url": url, "title": title, **more}


def call_btn(title, number):
    return {"type": "phone_number", "title": title, "payload": number}


def tpl(payload, **more):
    return {"attachment": {"type": "template", "payload": payload}, **more}


def button_tpl(t, buttons, **more):
    return tpl({"template_type": "button", "text": t, "buttons": buttons}, **more)


def generic(elements, sharable=None, image_aspect_ratio=None, **more):
    payload = {"template_type": "generic", "elements": elements}
    if sharable is not None:
        payload["sharable"] = sharable
    if image_aspect_ratio is not None:
        payload["image_aspect_ratio"] = image_aspect_ratio
    return tpl(payload, **more)


def media(kind, **payload):
    return {"attachment": {"type": kind, "payload": payload}}


def reply(title, payload=None, **more):
    out = {"type": "reply", "title": title}
    if payload is not None:
        out["payload"] = payload
    out.update(more)
    return out


def postback(title, payload):
    return {"type": "postback", "title": title, "payload": payload}


def link(url, title=None, **more):
    out = {"type": "link", "url": url}
    if title is not None:
        out["title"] = title
    out.update(more)
    return out


def cut(value, limit):
    """compose's truncation for ASCII text: keep limit-1 characters, trim, add an ellipsis."""
    return value[: limit - 1].rstrip() + "…"


def text_cases():
    words = "word " * 500  # 2500 characters
    return [
        case("text/simple", {"text": "Hello!"}, ok([text("Hello!")])),
        case("text/split-into-at-most-20", {"text": "x" * 40_001}, err("limit_exceeded", "text"), flags=["overflow"],
             comment="limits::COMPOSE_SPLIT_MAX: 20 messages of 2000 characters; more is refused, not a flood"),
        case("text/split-into-exactly-20", {"text": "x" * 40_000}, ok([text("x" * 2000)] * 20, [w("split", "text")]),
             flags=["overflow"]),
        case("text/nul-refused-where-it-came-in", {"text": "ok", "actions": [{"type": "reply", "title": "a\u0000b", "payload": "P"}]},
             err("invalid_input", "actions[0].title"),
             comment="validation refuses NUL in any text, so compose refuses it at the neutral field"),
        case("text/emoji-at-limit", {"text": "😀" * 2000}, ok([text("😀" * 2000)]), flags=["overflow"],
             comment="2000 emoji are 2000 scalar values: one message"),
        case("text/split-at-word-boundary", {"text": words}, ok([text(words[:2000]), text(words[2000:])], [w("split", "text")]),
             flags=["overflow"], comment="nothing is lost: the chunks join back to the input"),
        case("text/truncate", {"text": words}, ok([text(cut(words, 2000))], [w("truncated", "text")]), options={"overflow": "truncate"},
             flags=["overflow"]),
        case("text/reject", {"text": words}, err("limit_exceeded", "text"), options={"overflow": "reject"}, flags=["overflow"]),
        case("text/split-keeps-quick-replies-on-last", {"text": "x" * 2500, "actions": [reply("Yes"), reply("No")]},
             ok([text("x" * 2000), text("x" * 500, quick_replies=[qr("Yes"), qr("No")])], [w("split", "text")]), flags=["overflow", "choices"]),
        case("text/metadata-on-every-message", {"text": "x" * 2001, "metadata": "ticket:42"},
             ok([text("x" * 2000, metadata="ticket:42"), text("x", metadata="ticket:42")], [w("split", "text")]), flags=["overflow"]),
        case("text/empty-message", {}, err("required", "text"), flags=["input_error"]),
        case("text/unknown-field", {"text": "hi", "colour": "red"}, err("invalid_input", "colour"), flags=["input_error"]),
        case("text/wrong-type", {"text": 5}, err("invalid_input", "text"), flags=["input_error"]),
        case("text/missing-required-field", {"text": "Open", "actions": [{"type": "link", "title": "Shop"}]}, err("required", "actions[0].url"),
             flags=["input_error"], comment="a missing field is required at its own path, as in every reader"),
        case("text/unknown-option", {"text": "hi"}, err("invalid_input", "options.overflowing"), options={"overflowing": "yes"}, flags=["input_error"]),
    ]


def choice_cases():
    long_title = "abcdefghij klmnopqrstuvwxyz"
    return [
        case("replies/text-choices-become-quick-replies", {"text": "Pick one", "actions": [reply("Red", "RED"), reply("Blue")]},
             ok([text("Pick one", quick_replies=[qr("Red", "RED"), qr("Blue", "Blue")])]), flags=["choices"],
             comment="a reply without a payload sends its title"),
        case("replies/icon", {"text": "Pick", "actions": [reply("Red", "RED", icon_url="https://cdn.example.com/red.png")]},
             ok([text("Pick", quick_replies=[{**qr("Red", "RED"), "image_url": "https://cdn.example.com/red.png"}])]), flags=["choices"]),
        case("replies/long-title-truncated", {"text": "Pick", "actions": [reply(long_title, "P")]},
             ok([text("Pick", quick_replies=[qr(cut(long_title, 20), "P")])], [w("truncated", "actions[0].title")]), flags=["choices", "overflow"]),
        case("replies/long-title-payload-keeps-the-whole-title", {"text": "Pick", "actions": [reply(long_title)]},
             ok([text("Pick", quick_replies=[qr(cut(long_title, 20), long_title)])], [w("truncated", "actions[0].title")]),
             flags=["choices", "overflow"], comment="only the title is cut to 20; the payload derived from it keeps all of it"),
        case("replies/long-title-rejected", {"text": "Pick", "actions": [reply(long_title, "P")]}, err("limit_exceeded", "actions[0].title"),
             options={"overflow": "reject"}, flags=["choices", "overflow"]),
        case("replies/fourteen", {"text": "Pick", "actions": [reply(f"c{i}") for i in range(14)]},
             ok([text("Pick", quick_replies=[qr(f"c{i}") for i in range(13)])], [w("dropped", "actions[13]")]), flags=["choices"]),
        case("replies/smooch-eleven", {"text": "Pick", "actions": [reply(f"c{i}") for i in range(12)]},
             ok([text("Pick", quick_replies=[qr(f"c{i}") for i in range(11)])], [w("dropped", "actions[11]")]), options={"compat": "smooch"},
             flags=["choices", "smooch_compat"], comment="Smooch truncated at 11 (conflict C1)"),
        case("replies/without-text", {"actions": [reply("Yes")]}, err("required", "text"), flags=["choices", "input_error"]),
        case("replies/phone-and-email-requests", {"text": "How can we reach you?", "actions": [{"type": "phone_request"}, {"type": "email_request"}]},
             ok([text("How can we reach you?", quick_replies=[{"content_type": "user_phone_number"}, {"content_type": "user_email"}])]), flags=["choices"]),
        case("replies/location-request-as-text", {"text": "Where are you?", "actions": [{"type": "location_request", "title": "Type your address, please."}]},
             ok([text("Where are you?\n\nType your address, please.")], [w("retired_feature", "actions[0]")]), flags=["choices", "retired"]),
        case("replies/location-request-default-prompt", {"text": "Where are you?", "actions": [{"type": "location_request"}]},
             ok([text("Where are you?\n\nPlease send your location or type your address.")], [w("retired_feature", "actions[0]")]),
             flags=["choices", "retired"]),
        case("replies/location-request-as-quick-reply", {"text": "Where are you?", "actions": [{"type": "location_request"}]},
             ok([text("Where are you?", quick_replies=[qr("Send location", "LOCATION_REQUEST")])], [w("retired_feature", "actions[0]")]),
             options={"location_request": "reply"}, flags=["choices", "retired"]),
        case("buttons/text-and-three-buttons", {"text": "What next?", "actions": [postback("Track", "TRACK"), link("https://shop.example.com/o/1", "View order"),
                                                                                {"type": "call", "title": "Call us", "phone": PHONE}]},
             ok([button_tpl("What next?", [pb("Track", "TRACK"), url_btn("View order", "https://shop.example.com/o/1"), call_btn("Call us", PHONE)])]),
             flags=["choices"]),
        case("buttons/mixed-with-replies-native", {"text": "What next?", "actions": [postback("Track", "TRACK"), reply("Thanks"), reply("Agent", "AGENT")]},
             ok([button_tpl("What next?", [pb("Track", "TRACK")], quick_replies=[qr("Thanks"), qr("Agent", "AGENT")])]), flags=["choices"],
             comment="Meta allows quick replies on a template (conflict C10, native mode)"),
        case("buttons/mixed-with-replies-smooch", {"text": "What next?", "actions": [postback("Track", "TRACK"), reply("Thanks")]},
             err("conflict", "actions"), options={"compat": "smooch"}, flags=["choices", "smooch_compat"]),
        case("buttons/fourth-postback-becomes-quick-reply", {"text": "Pick", "actions": [postback(f"B{i}", f"P{i}") for i in range(4)]},
             ok([button_tpl("Pick", [pb(f"B{i}", f"P{i}") for i in range(3)], quick_replies=[qr("B3", "P3")])], [w("replaced", "actions[3]")]),
             flags=["choices"]),
        case("buttons/links-keep-their-place", {"text": "Pick", "actions": [postback(f"B{i}", f"P{i}") for i in range(3)] + [link("https://x.example", "More")]},
             ok([button_tpl("Pick", [pb("B0", "P0"), pb("B1", "P1"), url_btn("More", "https://x.example")], quick_replies=[qr("B2", "P2")])],
                [w("replaced", "actions[2]")]), flags=["choices"],
             comment="a postback can become a quick reply without loss, a link cannot: links keep a button"),
        case("buttons/fourth-link-dropped", {"text": "Pick", "actions": [link(f"https://x.example/{i}", f"L{i}") for i in range(4)]},
             ok([button_tpl("Pick", [url_btn(f"L{i}", f"https://x.example/{i}") for i in range(3)])], [w("dropped", "actions[3]")]), flags=["choices"]),
        case("buttons/smooch-keeps-first-three", {"text": "Pick", "actions": [postback(f"B{i}", f"P{i}") for i in range(3)] + [link("https://x.example", "More")]},
             ok([button_tpl("Pick", [pb(f"B{i}", f"P{i}") for i in range(3)])], [w("dropped", "actions[3]")]), options={"compat": "smooch"},
             flags=["choices", "smooch_compat"]),
        case("buttons/smooch-fourth-dropped", {"text": "Pick", "actions": [postback(f"B{i}", f"P{i}") for i in range(4)]},
             ok([button_tpl("Pick", [pb(f"B{i}", f"P{i}") for i in range(3)])], [w("dropped", "actions[3]")]), options={"compat": "smooch"},
             flags=["choices", "smooch_compat"]),
        case("buttons/long-text-split-before-template", {"text": "a" * 700, "actions": [postback("OK", "OK")]},
             ok([text("a" * 640), button_tpl("a" * 60, [pb("OK", "OK")])], [w("split", "text")]), flags=["choices", "overflow"],
             comment="the button template keeps the last 640 characters; the rest goes first"),
        case("buttons/long-text-truncated", {"text": "a" * 700, "actions": [postback("OK", "OK")]},
             ok([button_tpl(cut("a" * 700, 640), [pb("OK", "OK")])], [w("truncated", "text")]), options={"overflow": "truncate"}, flags=["choices", "overflow"]),
        case("buttons/without-text", {"actions": [postback("OK", "OK")]}, err("required", "text"), flags=["choices", "input_error"]),
        case("buttons/call-normalised", {"text": "Questions?", "actions": [{"type": "call", "title": "Call us", "phone": "+1 (510) 555-1234"}]},
             ok([button_tpl("Questions?", [call_btn("Call us", PHONE)])]), flags=["choices"],
             comment="normalised to + E.164 silently: only a number that cannot be normalised is reported"),
        case("buttons/call-double-zero", {"text": "Questions?", "actions": [{"type": "call", "title": "Call us", "phone": "0049 30 1234567"}]},
             ok([button_tpl("Questions?", [call_btn("Call us", "+49301234567")])]), flags=["choices"]),
        case("buttons/call-without-country-code", {"text": "Questions?", "actions": [{"type": "call", "title": "Call us", "phone": "510-555-1234"},
                                                                                   postback("Chat", "CHAT")]},
             ok([button_tpl("Questions?", [pb("Chat", "CHAT")])], [w("dropped", "actions[0]")]), flags=["choices"],
             comment="a number that cannot be made + E.164 is reported, never sent broken"),
        case("buttons/tel-link-becomes-call", {"text": "Questions?", "actions": [link("tel:+15105551234", "Call us")]},
             ok([button_tpl("Questions?", [call_btn("Call us", PHONE)])]), flags=["choices"]),
        case("buttons/link-webview-options", {"text": "Open", "actions": [link("https://shop.example.com", "Shop", webview="tall", extensions=True,
                                                                              fallback_url="https://shop.example.com/web", hide_share=True)]},
             ok([button_tpl("Open", [url_btn("Shop", "https://shop.example.com", messenger_extensions=True, fallback_url="https://shop.example.com/web",
                                             webview_height_ratio="tall", webview_share_button="hide")])]), flags=["choices"]),
        case("buttons/fallback-without-extensions", {"text": "Open", "actions": [link("https://shop.example.com", "Shop", fallback_url="https://x.example")]},
             ok([button_tpl("Open", [url_btn("Shop", "https://shop.example.com")])], [w("dropped", "actions[0].fallback_url")]), flags=["choices"]),
        case("buttons/link-without-title", {"text": "More", "actions": [link("https://shop.example.com")]},
             ok([button_tpl("More", [url_btn("Open", "https://shop.example.com")])]), flags=["choices"]),
        case("buttons/account-link-and-unlink", {"text": "Your account", "actions": [{"type": "account_link", "url": "https://login.example.com"},
                                                                                     {"type": "account_unlink"}]},
             ok([button_tpl("Your account", [{"type": "account_link", "url": "https://login.example.com"}, {"type": "account_unlink"}])]), flags=["choices"]),
        case("buttons/share-without-cards", {"text": "Tell friends", "actions": [{"type": "share"}]},
             ok([text("Tell friends")], [w("dropped", "actions")]), flags=["choices", "retired"]),
    ]


def payment_cases():
    buy = {"type": "buy", "title": "Buy now", "amount": 4999, "currency": "usd"}
    return [
        case("payments/reject", {"text": "Shoes", "actions": [buy]}, err("unsupported", "actions[0]"), flags=["payments"], comment="conflict C3"),
        case("payments/link-needs-template", {"text": "Shoes", "actions": [buy]}, err("required", "checkout_url_template"), options={"payments": "link"},
             flags=["payments"]),
        case("payments/link", {"text": "Shoes", "actions": [buy]},
             ok([button_tpl("Shoes", [url_btn("Buy now", "https://shop.example.com/pay?amount=49.99&cur=USD&cents=4999")])], [w("replaced", "actions[0]")]),
             options={"payments": "link", "checkout_url_template": "https://shop.example.com/pay?amount={amount}&cur={currency}&cents={amount_minor}"},
             flags=["payments"]),
        case("payments/legacy-after-retirement", {"text": "Shoes", "actions": [buy]}, err("unsupported", "actions[0]"), options={"payments": "legacy"},
             flags=["payments", "retired"]),
        case("payments/legacy-2018", {"text": "Shoes", "actions": [buy]},
             ok([button_tpl("Shoes", [{"type": "payment", "title": "Buy now", "payload": "BUY_4999_USD",
                                       "payment_summary": {"currency": "USD", "payment_type": "FIXED_AMOUNT", "merchant_name": "",
                                                           "requested_user_info": [], "price_list": [{"label": "Buy now", "amount": "49.99"}]}}])]),
             options={"payments": "legacy", "as_of": "2018-06-01"}, flags=["payments"], comment="Smooch's rules, for a date Meta still took payments"),
        case("payments/legacy-euro", {"text": "Shoes", "actions": [{**buy, "currency": "EUR"}]}, err("unsupported", "actions[0]"),
             options={"payments": "legacy", "as_of": "2018-06-01"}, flags=["payments"], comment="Messenger payments took USD only"),
    ]


def media_cases():
    img = "https://cdn.example.com/receipt.jpg"
    return [
        case("media/image", {"media": {"url": img}}, ok([media("image", url=img)]), flags=["media"], comment="kind from the extension"),
        case("media/kind-from-mime", {"media": {"url": "https://cdn.example.com/v", "mime": "video/mp4"}},
             ok([media("video", url="https://cdn.example.com/v")]), flags=["media"]),
        case("media/audio-from-extension", {"media": {"url": "https://cdn.example.com/note.mp3?sig=1"}},
             ok([media("audio", url="https://cdn.example.com/note.mp3?sig=1")]), flags=["media"]),
        case("media/pdf-is-a-file", {"media": {"url": "https://cdn.example.com/invoice.pdf"}}, ok([media("file", url="https://cdn.example.com/invoice.pdf")]),
             flags=["media"]),
        case("media/explicit-kind-wins", {"media": {"url": "https://cdn.example.com/clip.bin", "kind": "video", "mime": "application/octet-stream"}},
             ok([media("video", url="https://cdn.example.com/clip.bin")]), flags=["media"]),
        case("media/filename-decides", {"media": {"url": "https://cdn.example.com/d/123", "filename": "photo.png"}},
             ok([media("image", url="https://cdn.example.com/d/123")]), flags=["media"]),
        case("media/attachment-id", {"media": {"attachment_id": "1857777774821032", "kind": "video"}}, ok([media("video", attachment_id="1857777774821032")]),
             flags=["media"]),
        case("media/with-text", {"text": "Here is your receipt", "media": {"url": img}}, ok([text("Here is your receipt"), media("image", url=img)]),
             flags=["media"], comment="text first, then the attachment"),
        case("media/with-quick-replies", {"text": "Like it?", "media": {"url": img}, "actions": [reply("Yes"), reply("No")]},
             ok([text("Like it?"), {**media("image", url=img), "quick_replies": [qr("Yes"), qr("No")]}]), flags=["media", "choices"]),
        case("media/over-25mb-becomes-link", {"media": {"url": "https://cdn.example.com/big.zip", "filename": "backup.zip", "size_bytes": 30_000_000}},
             ok([text("backup.zip: https://cdn.example.com/big.zip")], [w("replaced", "media")]), flags=["media"],
             comment="IS-Messenger's rule, kept only for files over the limit (conflict C14)"),
        case("media/image-url-over-8mb", {"media": {"url": "https://cdn.example.com/huge.png", "size_bytes": 9_000_000}},
             ok([text("https://cdn.example.com/huge.png")], [w("replaced", "media")]), flags=["media"]),
        case("media/without-source", {"media": {"kind": "image"}}, err("required", "media.url"), flags=["media", "input_error"]),
        case("media/image-with-buttons-is-a-card", {"text": "Summer sale\nUp to 50% off", "media": {"url": img}, "actions": [link("https://shop.example.com", "Shop")]},
             ok([generic([{"title": "Summer sale", "subtitle": "Up to 50% off", "image_url": img, "buttons": [url_btn("Shop", "https://shop.example.com")]}])],
                [w("replaced", "media")]), flags=["media", "choices"], comment="vendor-formats §7 item 16"),
        case("media/video-with-buttons", {"text": "Watch this", "media": {"url": "https://cdn.example.com/a.mp4"}, "actions": [postback("More", "MORE")]},
             ok([button_tpl("Watch this", [pb("More", "MORE")]), media("video", url="https://cdn.example.com/a.mp4")]), flags=["media", "choices"]),
    ]


def card(title, **more):
    return {"title": title, **more}


def element(title, **more):
    return {"title": title, **more}


def card_cases():
    three = [card(f"Item {i}", subtitle=f"Desc {i}", media_url=f"https://cdn.example.com/{i}.jpg",
                  actions=[postback("Choose", f"ITEM_{i}")]) for i in range(3)]
    three_out = [element(f"Item {i}", subtitle=f"Desc {i}", image_url=f"https://cdn.example.com/{i}.jpg", buttons=[pb("Choose", f"ITEM_{i}")])
                 for i in range(3)]
    twelve = [card(f"Item {i}", subtitle="d") for i in range(12)]
    return [
        case("cards/carousel", {"cards": three}, ok([generic(three_out)]), flags=["cards"]),
        case("cards/twelve-keep-ten", {"cards": twelve}, ok([generic([element(f"Item {i}", subtitle="d") for i in range(10)])],
                                                             [w("dropped", "cards[10]"), w("dropped", "cards[11]")]), flags=["cards"],
             comment="the cards that do not fit are reported, not silently dropped"),
        case("cards/default-link", {"cards": [card("Shoes", subtitle="Red", actions=[link("https://shop.example.com/shoes", default=True),
                                                                                     link("https://shop.example.com/cart", "Cart")])]},
             ok([generic([element("Shoes", subtitle="Red", default_action={"type": "web_url", "url": "https://shop.example.com/shoes"},
                                  buttons=[url_btn("Cart", "https://shop.example.com/cart")])])]), flags=["cards"]),
        case("cards/default-action-field", {"cards": [card("Shoes", default_action={"url": "https://shop.example.com/shoes", "webview": "tall"})]},
             ok([generic([element("Shoes", default_action={"type": "web_url", "url": "https://shop.example.com/shoes", "webview_height_ratio": "tall"})])]),
             flags=["cards"]),
        case("cards/reply-inside-card-removed", {"cards": [card("Shoes", subtitle="Red", actions=[postback("Buy", "BUY"), reply("Nice"),
                                                                                                  {"type": "location_request"}])]},
             ok([generic([element("Shoes", subtitle="Red", buttons=[pb("Buy", "BUY")])])],
                [w("dropped", "cards[0].actions[1]"), w("dropped", "cards[0].actions[2]")]), flags=["cards"], comment="conflict C11"),
        case("cards/share-becomes-sharable", {"cards": [card("Shoes", subtitle="Red", actions=[{"type": "share"}])]},
             ok([generic([element("Shoes", subtitle="Red")], sharable=True)], [w("replaced", "cards[0].actions[0]")]), flags=["cards", "retired"],
             comment="conflict C6"),
        case("cards/four-buttons", {"cards": [card("Shoes", actions=[postback(f"B{i}", f"P{i}") for i in range(4)])]},
             ok([generic([element("Shoes", buttons=[pb(f"B{i}", f"P{i}") for i in range(3)])])], [w("dropped", "cards[0].actions[3]")]), flags=["cards"]),
        case("cards/subtitle-as-title", {"cards": [{"subtitle": "Only a subtitle", "media_url": "https://cdn.example.com/1.jpg"}]},
             ok([generic([element("Only a subtitle", image_url="https://cdn.example.com/1.jpg")])], [w("replaced", "cards[0].subtitle")]), flags=["cards"]),
        case("cards/no-title", {"cards": [{"media_url": "https://cdn.example.com/1.jpg"}]}, err("required", "cards[0].title"), flags=["cards", "input_error"]),
        case("cards/title-only", {"cards": [card("Lonely")]}, err("required", "cards[0]"), flags=["cards", "input_error"],
             comment="Meta needs one more property; compose refuses rather than emit an invalid card"),
        case("cards/long-title", {"cards": [card("t" * 85, subtitle="s")]}, ok([generic([element(cut("t" * 85, 80), subtitle="s")])],
                                                                                   [w("truncated", "cards[0].title")]), flags=["cards", "overflow"]),
        case("cards/with-text", {"text": "Our picks", "cards": three}, ok([text("Our picks"), generic(three_out)]), flags=["cards"]),
        case("cards/with-quick-replies", {"cards": three, "actions": [reply("More"), reply("Agent")]},
             ok([generic(three_out, quick_replies=[qr("More"), qr("Agent")])]), flags=["cards", "choices"],
             comment="Sinch: outer text choices on a carousel become quick replies"),
        case("cards/with-message-buttons", {"cards": three, "actions": [postback("More choices", "MORE")]},
             ok([generic(three_out), button_tpl("More choices", [pb("More choices", "MORE")])], [w("replaced", "actions")]), flags=["cards", "choices"]),
        case("cards/list-layout", {"cards": three, "layout": "list"}, ok([generic(three_out)], [w("retired_feature", "layout")]), flags=["cards", "retired"],
             comment="conflict C4: the list template is retired"),
        case("cards/square-images", {"cards": three, "image_aspect_ratio": "square"}, ok([generic(three_out, image_aspect_ratio="square")]), flags=["cards"]),
        case("cards/as-text", {"text": "Menu", "cards": [card("Tacos", subtitle="Spicy", media_url="https://cdn.example.com/t.jpg",
                                                              actions=[link("http://example.org/tacos", "More info"), postback("Order", "T")]),
                                                         card("Ramen", subtitle="Warm")]},
             ok([text("Menu\n\n1. Tacos\nSpicy\nMore info http://example.org/tacos\n\n2. Ramen\nWarm")],
                [w("dropped", "cards[0].media_url"), w("dropped", "cards[0].actions[1]"), w("replaced", "cards")]),
             options={"cards": "text"}, flags=["cards"], comment="Smooch's raw-text fallback for surfaces without templates"),
    ]


def other_cases():
    receipt = {"recipient_name": "Stephane Crozatier", "order_number": "12345678902", "currency": "usd", "payment_method": "Visa 2345",
               "timestamp": 1428444852, "summary": {"total_cost": 56.14, "subtotal": 75.0},
               "items": [{"title": "Classic White T-Shirt", "quantity": 2, "price": 50.0, "currency": "usd"}]}
    maps = "https://maps.google.com/maps?q=52.52,13.405"
    return [
        case("location/map-card", {"location": {"lat": 52.52, "lon": 13.405, "title": "Our shop", "address": "Unter den Linden 1, Berlin"}},
             ok([generic([element("Our shop", subtitle="Unter den Linden 1, Berlin", default_action={"type": "web_url", "url": maps},
                                  buttons=[url_btn("Open map", maps)])])], [w("replaced", "location")]),
             comment="conflict C5: Messenger has no outbound location"),
        case("location/custom-maps-url", {"location": {"lat": 1.5, "lon": -2.25}},
             ok([generic([element("Location", default_action={"type": "web_url", "url": "https://osm.example/?mlat=1.5&mlon=-2.25"},
                                  buttons=[url_btn("Open map", "https://osm.example/?mlat=1.5&mlon=-2.25")])])], [w("replaced", "location")]),
             options={"maps_url_template": "https://osm.example/?mlat={lat}&mlon={lon}"}),
        case("receipt/template", {"text": "Thanks for your order!", "receipt": receipt},
             ok([text("Thanks for your order!"), tpl({"template_type": "receipt", "recipient_name": "Stephane Crozatier", "order_number": "12345678902",
                                                      "currency": "USD", "payment_method": "Visa 2345", "timestamp": "1428444852",
                                                      "summary": {"subtotal": 75.0, "total_cost": 56.14},
                                                      "elements": [{"title": "Classic White T-Shirt", "quantity": 2, "price": 50.0, "currency": "USD"}]})]),
             comment="conflict C19: currency normalised to upper case"),
        case("receipt/instagram", {"receipt": receipt}, err("unsupported", "receipt"), options={"platform": "instagram"}, flags=["instagram"]),
        case("override/passthrough", {"messenger": {"text": "raw", "quick_replies": [qr("A")]}}, ok([text("raw", quick_replies=[qr("A")])]),
             flags=["override"]),
        case("override/replaces-the-rest", {"text": "ignored", "messenger": {"text": "raw"}}, ok([text("raw")], [w("dropped", "text")]), flags=["override"]),
        case("override/invalid", {"messenger": {"text": "x" * 2001}}, err("validation_failed", "messenger"), flags=["override"]),
        case("override/wrong-shape", {"messenger": {"text": 5}}, err("invalid_input", "messenger.text"), flags=["override", "input_error"]),
        case("instagram/text-split-by-bytes", {"text": "é" * 600}, ok([text("é" * 500), text("é" * 100)], [w("split", "text")]),
             options={"platform": "instagram"}, flags=["instagram", "overflow"], comment="Instagram counts UTF-8 bytes: 500 x é is 1000 bytes"),
        case("instagram/phone-request-dropped", {"text": "Reach you?", "actions": [{"type": "phone_request"}, reply("No thanks")]},
             ok([text("Reach you?", quick_replies=[qr("No thanks")])], [w("dropped", "actions[0]")]), options={"platform": "instagram"}, flags=["instagram"]),
        case("instagram/quick-reply-icon-dropped", {"text": "Pick", "actions": [reply("Red", "RED", icon_url="https://cdn.example.com/red.png")]},
             ok([text("Pick", quick_replies=[qr("Red", "RED")])], [w("dropped", "actions[0].icon_url")]), options={"platform": "instagram"}, flags=["instagram"]),
        case("instagram/carousel", {"cards": [card("Shoes", subtitle="Red")]}, ok([generic([element("Shoes", subtitle="Red")])]),
             options={"platform": "instagram"}, flags=["instagram", "cards"]),
    ]


def regression_cases():
    """Bugs the property test found; each keeps a case."""
    maps0 = "https://maps.google.com/maps?q=0,0"
    return [
        case("regression/blank-postback-title", {"text": "Pick", "actions": [postback(" ", "P")]}, err("required", "actions[0].title"), flags=["input_error"]),
        case("regression/blank-reply-title", {"text": "Pick", "actions": [reply("")]}, err("required", "actions[0].title"), flags=["input_error"]),
        case("regression/link-not-http", {"text": "Mail us", "actions": [link("mailto:help@example.com", "Mail")]}, err("invalid_input", "actions[0].url"),
             flags=["input_error"]),
        case("regression/unknown-webview-size", {"text": "Open", "actions": [link("https://x.example", "X", webview="huge")]},
             err("invalid_input", "actions[0].webview"), flags=["input_error"]),
        case("regression/blank-location-title", {"location": {"lat": 0, "lon": 0, "title": " "}},
             ok([generic([{"title": "Location", "default_action": {"type": "web_url", "url": maps0}, "buttons": [url_btn("Open map", maps0)]}])],
                [w("replaced", "location")])),
        case("regression/blank-location-prompt", {"actions": [{"type": "location_request", "title": ""}]},
             ok([text("Please send your location or type your address.")], [w("retired_feature", "actions[0]")]), flags=["retired"]),
        case("regression/whitespace-tail-joins-previous-chunk", {"text": "a" * 1999 + "\n\n\n"},
             ok([text("a" * 1999 + "\n")], [w("dropped", "text")]), flags=["overflow"],
             comment="a whitespace-only chunk would be refused by Meta: it joins a neighbour, or is left out and reported"),
    ]


def menu_cases():
    def menu_case(id_, menu, expect, **kw):
        return make_case("compose/menu/" + id_, {"call": "menu", "menu": menu}, expect, **kw)

    def profile(items, get_started="GET_STARTED", composer=None):
        locale = {"locale": "default", "call_to_actions": items}
        if composer is not None:
            locale["composer_input_disabled"] = composer
        return {"get_started": {"payload": get_started}, "persistent_menu": [locale]}

    def pok(prof, warnings=()):
        return {"ok": {"profile": prof, "warnings": list(warnings)}}

    nested = {"locales": [{"locale": "default", "items": [
        {"type": "postback", "title": "Talk to an agent", "payload": "AGENT"},
        {"type": "submenu", "title": "Orders", "items": [
            {"type": "postback", "title": "Track", "payload": "TRACK"},
            {"type": "link", "title": "Returns and exchanges policy", "url": "https://shop.example.com/returns"}]}]}],
        "get_started": "START"}
    return [
        menu_case("flat", {"locales": [{"locale": "default", "composer_input_disabled": True, "items": [
            {"type": "postback", "title": "Help", "payload": "HELP"}, {"type": "link", "title": "Shop", "url": "https://shop.example.com", "webview": "full"}]}],
                           "get_started": "START"},
                  pok(profile([pb("Help", "HELP"), {**url_btn("Shop", "https://shop.example.com"), "webview_height_ratio": "full"}], "START", True))),
        menu_case("nested-flattened", nested,
                  pok(profile([pb("Talk to an agent", "AGENT"), pb("Orders › Track", "TRACK"), url_btn("Returns and exchanges policy", "https://shop.example.com/returns")], "START"),
                      [w("retired_feature", "locales[0].items[1]")]),
                  comment="conflict C2: children take the submenu's place, prefixed with its title when that fits in 30 characters"),
        menu_case("get-started-added", {"locales": [{"locale": "default", "items": [{"type": "postback", "title": "Help", "payload": "HELP"}]}]},
                  pok(profile([pb("Help", "HELP")]), [w("replaced", "get_started")]), comment="Meta requires Get Started with a menu"),
        menu_case("twenty-one-items", {"locales": [{"locale": "default", "items": [{"type": "postback", "title": f"Item {i}", "payload": f"P{i}"} for i in range(21)]}],
                                       "get_started": "START"},
                  pok(profile([pb(f"Item {i}", f"P{i}") for i in range(20)], "START"), [w("dropped", "locales[0].items[20]")])),
        menu_case("long-title", {"locales": [{"locale": "default", "items": [{"type": "postback", "title": "t" * 35, "payload": "P"}]}], "get_started": "S"},
                  pok(profile([pb(cut("t" * 35, 30), "P")], "S"), [w("truncated", "locales[0].items[0].title")])),
        menu_case("empty", {"locales": [{"locale": "default", "items": []}]}, err("required", "locales[0].items")),
        menu_case("bad-link", {"locales": [{"locale": "default", "items": [{"type": "link", "title": "Shop", "url": "shop"}]}]},
                  err("invalid_input", "locales[0].items[0].url")),
    ]


def cases():
    return regression_cases() + menu_cases() + text_cases() + choice_cases() + payment_cases() + media_cases() + card_cases() + other_cases()
