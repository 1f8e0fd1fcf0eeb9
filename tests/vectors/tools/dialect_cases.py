"""Cases for tests/vectors/dialect.json: Smooch, Sinch and Linktor messages transcoded to Send API
messages (read into the neutral form, then composed). Includes every example message published in
vendor-formats.md (§2.1-2.4, §3.1-3.4, §4.1)."""

from common import make_case
from compose_cases import button_tpl, call_btn, cut, generic, media, pb, qr, text, tpl, url_btn, w

NOTES = {
    "vendor_example": "an example message published in vendor-formats.md",
    "shorthand": "Smooch shorthand in text",
    "smooch_v2": "Sunshine Conversations v2 messagePost / content",
    "must_show": "a case the transcoding issue must show",
    "unknown_field": "a field the reader does not know: ignored and reported",
    "unsupported": "a kind Messenger cannot express: an error with a code and field",
}

MAPS = "https://maps.google.com/maps?q={lat},{lon}"
PSID = "6500000000000001"


def case(id_, dialect, body, expect, *, options=None, flags=(), comment=None):
    inp = {"dialect": dialect, "body": body}
    if options is not None:
        inp["options"] = options
    return make_case("dialect/" + id_, inp, expect, flags=flags, comment=comment)


def ok(messages, warnings=(), send_options=None):
    return {"ok": {"messages": list(messages), "options": send_options or {}, "warnings": list(warnings)}}


def err(code, field=None):
    out = {"code": code}
    if field is not None:
        out["field"] = field
    return {"error": out}


def maps(lat, lon):
    return MAPS.format(lat=lat, lon=lon)


def smooch_cases():
    items = [{"title": f"Item {i}", "description": f"Description {i}", "mediaUrl": f"https://cdn.example.com/{i}.jpg",
              "actions": [{"type": "postback", "text": "Select", "payload": f"ITEM_{i}"}]} for i in range(12)]
    elements = [{"title": f"Item {i}", "subtitle": f"Description {i}", "image_url": f"https://cdn.example.com/{i}.jpg",
                 "buttons": [pb("Select", f"ITEM_{i}")]} for i in range(10)]
    return [
        case("smooch/v1-text", "smooch", {"role": "appMaker", "type": "text", "text": "Hello!"}, ok([text("Hello!")]), flags=["vendor_example"]),
        case("smooch/v1-full-object", "smooch",
             {"role": "appMaker", "type": "text", "text": "Choose a size", "actions": [{"type": "reply", "text": "Small", "payload": "S"},
                                                                                      {"type": "reply", "text": "Large", "payload": "L"}],
              "metadata": {"lang": "en-ca", "items": 3}},
             ok([text("Choose a size", quick_replies=[qr("Small", "S"), qr("Large", "L")], metadata='{"items":3,"lang":"en-ca"}')]),
             flags=["vendor_example"], comment="§2.1: metadata, a flat object, travels as JSON text"),
        case("smooch/must-show-shorthand-replies", "smooch", {"role": "appMaker", "type": "text", "text": "How was it? %[Great](reply:GREAT) %[Bad](reply:BAD)"},
             ok([text("How was it?", quick_replies=[qr("Great", "GREAT"), qr("Bad", "BAD")])]), flags=["shorthand", "must_show"]),
        case("smooch/shorthand-link-button", "smooch", {"type": "text", "text": "Read more %[Button label](http://anyurl.com)"},
             ok([button_tpl("Read more", [url_btn("Button label", "http://anyurl.com")])]), flags=["shorthand", "vendor_example"]),
        case("smooch/shorthand-postback-trailing-space", "smooch", {"type": "text", "text": "Ready? %[Button label ](postback:PAYLOAD)"},
             ok([button_tpl("Ready?", [pb("Button label", "PAYLOAD")])]), flags=["shorthand", "vendor_example"], comment="labels are trimmed"),
        case("smooch/shorthand-tacos", "smooch", {"type": "text", "text": "Lunch? %[Tacos](reply:TACOS) %[Ramen](reply:RAMEN)"},
             ok([text("Lunch?", quick_replies=[qr("Tacos", "TACOS"), qr("Ramen", "RAMEN")])]), flags=["shorthand", "vendor_example"]),
        case("smooch/shorthand-location", "smooch", {"type": "text", "text": "Where are you? %[Send location](location)"},
             ok([text("Where are you?\n\nSend location")], [w("retired_feature", "text")]), flags=["shorthand", "vendor_example"]),
        case("smooch/shorthand-buy-rejected", "smooch", {"type": "text", "text": "Shoes $[Button label here](25.00)"}, err("unsupported", "text"),
             flags=["shorthand", "vendor_example"], comment="payments default to reject"),
        case("smooch/shorthand-buy-dollar-as-link", "smooch", {"type": "text", "text": "Shoes $[Buy Now]($49.99)"},
             ok([button_tpl("Shoes", [url_btn("Buy Now", "https://pay.example.com/?a=49.99&c=USD")])], [w("replaced", "text")]),
             options={"payments": "link", "checkout_url_template": "https://pay.example.com/?a={amount}&c={currency}"}, flags=["shorthand", "vendor_example"]),
        case("smooch/shorthand-image", "smooch", {"type": "text", "text": "Look ![](http://url-of.the/image.jpg)"},
             ok([text("Look"), media("image", url="http://url-of.the/image.jpg")]), flags=["shorthand", "vendor_example"]),
        case("smooch/shorthand-card", "smooch", {"type": "text", "text": "New arrivals ![](https://cdn.example.com/shoe.jpg) %[Shop](https://shop.example.com)"},
             ok([generic([{"title": "New arrivals", "image_url": "https://cdn.example.com/shoe.jpg", "buttons": [url_btn("Shop", "https://shop.example.com")]}])],
                [w("replaced", "text")]), flags=["shorthand"], comment="text + image + button make a card"),
        case("smooch/shorthand-malformed-stays-literal", "smooch", {"type": "text", "text": "50% off [today] %[broken(reply:X) and $[x](free)"},
             ok([text("50% off [today] %[broken(reply:X) and $[x](free)")]), flags=["shorthand"]),
        case("smooch/shorthand-template-stays-literal", "smooch", {"type": "text", "text": "Hi %((template:welcome))%"},
             ok([text("Hi %((template:welcome))%")]), flags=["shorthand", "vendor_example"], comment="WhatsApp templates are not Messenger shorthand"),
        case("smooch/image-with-text", "smooch", {"type": "image", "text": "Your receipt", "mediaUrl": "https://cdn.example.com/r.jpg", "mediaType": "image/jpeg"},
             ok([text("Your receipt"), media("image", url="https://cdn.example.com/r.jpg")])),
        case("smooch/file-by-media-type", "smooch", {"type": "file", "mediaUrl": "https://cdn.example.com/doc", "mediaType": "application/pdf"},
             ok([media("file", url="https://cdn.example.com/doc")])),
        case("smooch/file-audio-by-media-type", "smooch", {"type": "file", "mediaUrl": "https://cdn.example.com/a", "mediaType": "audio/mpeg"},
             ok([media("audio", url="https://cdn.example.com/a")])),
        case("smooch/link-extra-channel-options", "smooch",
             {"type": "text", "text": "Book", "actions": [{"type": "link", "text": "Open", "uri": "https://book.example.com",
                                                           "extraChannelOptions": {"messenger": {"webview_height_ratio": "compact", "messenger_extensions": True,
                                                                                                 "fallback_url": "https://book.example.com/web"}}}]},
             ok([button_tpl("Book", [url_btn("Open", "https://book.example.com", webview_height_ratio="compact", messenger_extensions=True,
                                             fallback_url="https://book.example.com/web")])]), flags=["vendor_example"]),
        case("smooch/webview-action", "smooch",
             {"type": "text", "text": "Configure", "actions": [{"type": "webview", "text": "Open", "uri": "https://app.example.com", "fallback": "https://app.example.com/f",
                                                                "size": "tall", "openOnReceive": True,
                                                                "extraChannelOptions": {"messenger": {"webview_share_button": "hide"}}}]},
             ok([button_tpl("Configure", [url_btn("Open", "https://app.example.com", webview_height_ratio="tall", webview_share_button="hide")])],
                [w("dropped", "actions[0].openOnReceive")]), flags=["vendor_example"]),
        case("smooch/tel-link-is-call", "smooch", {"type": "text", "text": "Questions?", "actions": [{"type": "link", "text": "Call us", "uri": "tel:+15105551234"}]},
             ok([button_tpl("Questions?", [call_btn("Call us", "+15105551234")])]), flags=["vendor_example"]),
        case("smooch/reply-with-icon", "smooch", {"type": "text", "text": "Pick", "actions": [{"type": "reply", "text": "Red", "payload": "RED",
                                                                                              "iconUrl": "https://cdn.example.com/red.png"}]},
             ok([text("Pick", quick_replies=[{**qr("Red", "RED"), "image_url": "https://cdn.example.com/red.png"}])])),
        case("smooch/reply-mixed-compat", "smooch", {"type": "text", "text": "Pick", "actions": [{"type": "reply", "text": "A", "payload": "A"},
                                                                                                {"type": "postback", "text": "B", "payload": "B"}]},
             err("conflict", "actions"), options={"compat": "smooch"}),
        case("smooch/carousel", "smooch", {"type": "carousel", "items": items[:3], "displaySettings": {"imageAspectRatio": "square"}},
             ok([generic(elements[:3], image_aspect_ratio="square")]), flags=["vendor_example"]),
        case("smooch/must-show-list-of-twelve", "smooch", {"role": "appMaker", "type": "list", "items": items,
                                                           "actions": [{"type": "postback", "text": "More choices", "payload": "MORE"}]},
             ok([generic(elements), button_tpl("More choices", [pb("More choices", "MORE")])],
                [w("retired_feature", "type"), w("dropped", "items[10]"), w("dropped", "items[11]"), w("replaced", "actions")]),
             flags=["must_show"], comment="a valid carousel plus the trailing action; the two items that do not fit are reported"),
        case("smooch/item-size-and-share", "smooch", {"type": "carousel", "items": [{"title": "Shoes", "description": "Red", "size": "large",
                                                                                   "actions": [{"type": "share"}, {"type": "link", "text": "Details", "uri": "https://shop.example.com/1", "default": True}]}]},
             ok([generic([{"title": "Shoes", "subtitle": "Red", "default_action": {"type": "web_url", "url": "https://shop.example.com/1"}}], sharable=True)],
                [w("dropped", "items[0].size"), w("replaced", "items[0].actions[0]")]), flags=["vendor_example"]),
        case("smooch/location-reply-in-carousel", "smooch", {"type": "carousel", "items": [{"title": "Shop", "description": "Open", "actions": [
            {"type": "locationRequest", "text": "Where?"}, {"type": "postback", "text": "Visit", "payload": "VISIT"}]}]},
             ok([generic([{"title": "Shop", "subtitle": "Open", "buttons": [pb("Visit", "VISIT")]}])], [w("dropped", "items[0].actions[0]")])),
        case("smooch/location-message", "smooch", {"type": "location", "coordinates": {"lat": 45.5, "long": -73.6}},
             ok([generic([{"title": "Location", "default_action": {"type": "web_url", "url": maps(45.5, -73.6)}, "buttons": [url_btn("Open map", maps(45.5, -73.6))]}])],
                [w("replaced", "coordinates")])),
        case("smooch/app-user-with-actions", "smooch", {"role": "appUser", "type": "text", "text": "hi", "actions": [{"type": "reply", "text": "A", "payload": "A"}]},
             err("invalid_input", "actions")),
        case("smooch/unknown-action-type", "smooch", {"type": "text", "text": "hi", "actions": [{"type": "teleport", "text": "Go"}]},
             err("invalid_input", "actions[0].type")),
        case("smooch/unknown-field", "smooch", {"type": "text", "text": "hi", "priority": "high"}, ok([text("hi")], [w("unknown_field", "priority")]),
             flags=["unknown_field"]),
        case("smooch/v2-message-post", "smooch", {"author": {"type": "business", "displayName": "Support"}, "content": {"type": "text", "text": "Hello from v2"},
                                                  "destination": {"integrationType": "messenger"}, "metadata": {"ticket": 42}},
             ok([text("Hello from v2", metadata='{"ticket":42}')]), flags=["smooch_v2", "vendor_example"]),
        case("smooch/v2-bare-content-markdown", "smooch", {"type": "text", "markdownText": "**Bold** news"}, ok([text("**Bold** news")],
                                                                                                             [w("replaced", "markdownText")]), flags=["smooch_v2"]),
        case("smooch/v2-html-text", "smooch", {"type": "text", "htmlText": "<p>Hello &amp; <b>welcome</b></p>"}, ok([text("Hello & welcome")],
                                                                                                                [w("replaced", "htmlText")]), flags=["smooch_v2"]),
        case("smooch/v2-override", "smooch", {"author": {"type": "business"}, "content": {"type": "text", "text": "fallback"},
                                              "override": {"messenger": {"payload": {"text": "messenger only", "quick_replies": [qr("Yes")]}}}},
             ok([text("messenger only", quick_replies=[qr("Yes")])], [w("dropped", "content.text")]), flags=["smooch_v2", "vendor_example"]),
        case("smooch/v2-buy-lowercase-currency", "smooch", {"author": {"type": "business"}, "content": {"type": "text", "text": "Shoes",
                                                                                                       "actions": [{"type": "buy", "text": "Buy", "amount": 999, "currency": "usd"}]}},
             ok([button_tpl("Shoes", [url_btn("Buy", "https://pay.example.com/USD/9.99")])], [w("replaced", "content.actions[0]")]),
             options={"payments": "link", "checkout_url_template": "https://pay.example.com/{currency}/{amount}"}, flags=["smooch_v2"],
             comment="conflict C19: lower-case v2 currencies are normalised"),
        case("smooch/v2-user-author-with-actions", "smooch", {"author": {"type": "user"}, "content": {"type": "text", "text": "hi",
                                                                                                     "actions": [{"type": "reply", "text": "A", "payload": "A"}]}},
             err("invalid_input", "content.actions"), flags=["smooch_v2"]),
        case("smooch/v2-form", "smooch", {"author": {"type": "business"}, "content": {"type": "form", "fields": []}}, err("unsupported", "content.type"),
             flags=["smooch_v2", "unsupported"]),
        case("smooch/v2-whatsapp-template", "smooch", {"content": {"type": "template", "template": {}}}, err("unsupported", "content.type"),
             flags=["smooch_v2", "unsupported"]),
    ]


def sinch_cases():
    choices = [
        {"text_message": {"text": "Suggestion"}, "postback_data": "SUGGESTION"},
        {"url_message": {"title": "More info", "url": "https://www.sinch.com"}},
        {"call_message": {"title": "Call", "phone_number": "+46732000000"}},
        {"location_message": {"title": "Sinch HQ", "label": "Stockholm", "coordinates": {"latitude": 59.3322, "longitude": 18.0645}}},
    ]
    request = {"app_id": "01EXAMPLEAPP", "recipient": {"identified_by": {"channel_identities": [{"channel": "MESSENGER", "identity": PSID}]}},
               "message": {"choice_message": {"text_message": {"text": "What do you want to do?"}, "choices": choices}},
               "channel_priority_order": ["MESSENGER"], "message_metadata": "ticket:42"}
    hq = maps(59.3322, 18.0645)
    card = {"title": "Sinch", "description": "Conversation API", "media_message": {"url": "https://cdn.example.com/logo.png"},
            "choices": [{"url_message": {"title": "Docs", "url": "https://developers.sinch.com"}}]}
    return [
        case("sinch/must-show-mixed-choices", "sinch", request,
             ok([button_tpl("What do you want to do?", [url_btn("More info", "https://www.sinch.com"), call_btn("Call", "+46732000000"), url_btn("Sinch HQ", hq)],
                            quick_replies=[qr("Suggestion", "SUGGESTION")], metadata="ticket:42")],
                [w("replaced", "message.choice_message.choices[3].location_message"), w("replaced", "message.choice_message.choices[0]")]),
             flags=["must_show", "vendor_example"],
             comment="call in + form, location as a maps link, the text choice moved to a quick reply: nothing lost, everything reported"),
        case("sinch/text-message", "sinch", {"text_message": {"text": "Hello"}}, ok([text("Hello")]), flags=["vendor_example"]),
        case("sinch/media-message", "sinch", {"media_message": {"url": "https://cdn.example.com/video.mp4", "thumbnail_url": "https://cdn.example.com/t.jpg"}},
             ok([media("video", url="https://cdn.example.com/video.mp4")], [w("dropped", "media_message.thumbnail_url")]), flags=["vendor_example"]),
        case("sinch/media-filename-override", "sinch", {"media_message": {"url": "https://cdn.example.com/d/77", "filename_override": "invoice.pdf"}},
             ok([media("file", url="https://cdn.example.com/d/77")], [w("dropped", "media_message.filename_override")]),
             comment="messenger takes the file name from the url or upload: the override is reported"),
        case("sinch/all-text-choices", "sinch", {"choice_message": {"text_message": {"text": "Rate us"}, "choices": [
            {"text_message": {"text": "Good"}, "postback_data": "GOOD"}, {"text_message": {"text": "Bad"}}]}},
             ok([text("Rate us", quick_replies=[qr("Good", "GOOD"), qr("Bad", "Bad")])]), flags=["vendor_example"],
             comment="all text choices become quick replies; without postback_data the text is the payload"),
        case("sinch/calendar-choice", "sinch", {"choice_message": {"text_message": {"text": "Meet?"}, "choices": [
            {"calendar_message": {"title": "Add to calendar", "event_start": "2026-12-01T10:00:00Z", "event_end": "2026-12-01T11:00:00Z",
                                  "event_title": "Demo", "fallback_url": "https://cal.example.com/e/1"}}]}},
             ok([button_tpl("Meet?", [url_btn("Add to calendar", "https://cal.example.com/e/1")])], [w("replaced", "choice_message.choices[0].calendar_message")])),
        case("sinch/share-location-choice", "sinch", {"choice_message": {"text_message": {"text": "Where?"}, "choices": [
            {"share_location_message": {"title": "Share location", "fallback_url": "https://loc.example.com"}}]}},
             ok([button_tpl("Where?", [url_btn("Share location", "https://loc.example.com")])], [w("replaced", "choice_message.choices[0].share_location_message")])),
        case("sinch/card", "sinch", {"card_message": {**card, "height": "MEDIUM"}},
             ok([generic([{"title": "Sinch", "subtitle": "Conversation API", "image_url": "https://cdn.example.com/logo.png",
                           "buttons": [url_btn("Docs", "https://developers.sinch.com")]}])], [w("dropped", "card_message.height")]), flags=["vendor_example"]),
        case("sinch/card-with-video", "sinch", {"card_message": {"title": "Demo", "description": "Watch", "media_message": {"url": "https://cdn.example.com/demo.mp4"}}},
             ok([media("video", url="https://cdn.example.com/demo.mp4"), generic([{"title": "Demo", "subtitle": "Watch"}])],
                [w("replaced", "card_message.media_message")]), comment="a card shows images only; the video goes on its own"),
        case("sinch/card-description-only", "sinch", {"card_message": {"description": "Only a description", "media_message": {"url": "https://cdn.example.com/a.png"}}},
             ok([generic([{"title": "Only a description", "image_url": "https://cdn.example.com/a.png"}])], [w("replaced", "card_message.description")])),
        case("sinch/carousel-text-outer-choices", "sinch", {"carousel_message": {"cards": [card, {**card, "title": "Sinch 2"}], "choices": [
            {"text_message": {"text": "More"}, "postback_data": "MORE"}]}},
             ok([generic([{"title": t, "subtitle": "Conversation API", "image_url": "https://cdn.example.com/logo.png",
                           "buttons": [url_btn("Docs", "https://developers.sinch.com")]} for t in ("Sinch", "Sinch 2")], quick_replies=[qr("More", "MORE")])]),
             flags=["vendor_example"], comment="outer text choices become quick replies on the carousel"),
        case("sinch/carousel-mixed-outer-choices", "sinch", {"carousel_message": {"cards": [card], "choices": [
            {"url_message": {"title": "All products", "url": "https://shop.example.com"}}]}},
             ok([generic([{"title": "Sinch", "subtitle": "Conversation API", "image_url": "https://cdn.example.com/logo.png",
                           "buttons": [url_btn("Docs", "https://developers.sinch.com")]}]), button_tpl("All products", [url_btn("All products", "https://shop.example.com")])],
                [w("replaced", "carousel_message.choices")])),
        case("sinch/location-message", "sinch", {"location_message": {"title": "Sinch HQ", "label": "Lindhagensgatan 74", "coordinates": {"latitude": 59.33, "longitude": 18.03}}},
             ok([generic([{"title": "Sinch HQ", "subtitle": "Lindhagensgatan 74", "default_action": {"type": "web_url", "url": maps(59.33, 18.03)},
                           "buttons": [url_btn("Open map", maps(59.33, 18.03))]}])], [w("replaced", "location_message")]), flags=["vendor_example"]),
        case("sinch/list-as-quick-replies", "sinch", {"list_message": {"title": "Pick a size", "description": "All in stock", "sections": [
            {"title": "Sizes", "items": [{"choice": {"title": "Small", "postback_data": "S"}}, {"choice": {"title": "Large", "postback_data": "L"}}]}]}},
             ok([text("Pick a size\nAll in stock", quick_replies=[qr("Small", "S"), qr("Large", "L")])],
                [w("replaced", "list_message.sections"), w("dropped", "list_message.sections[0].title")]),
             flags=["vendor_example"]),
        case("sinch/list-of-products-as-text", "sinch", {"list_message": {"title": "Our catalog", "sections": [
            {"title": "Shoes", "items": [{"product": {"id": "SKU-1", "marketplace": "FACEBOOK"}}, {"product": {"id": "SKU-2", "marketplace": "FACEBOOK"}}]}]}},
             ok([text("Our catalog\n\nShoes\n1. SKU-1 (marketplace FACEBOOK)\n2. SKU-2 (marketplace FACEBOOK)")], [w("replaced", "list_message.sections")]),
             comment="product details are written beside the id"),
        case("sinch/contact-info", "sinch", {"contact_info_message": {"name": {"full_name": "Ann Example"},
                                                                     "phone_numbers": [{"phone_number": "+46732000000", "type": "WORK"}],
                                                                     "email_addresses": [{"email_address": "ann@example.com"}],
                                                                     "organization": {"company": "Example AB", "title": "CTO"}}},
             ok([text("Ann Example\nPhone: +46732000000 (WORK)\nEmail: ann@example.com\nOrganisation: CTO, Example AB")],
                [w("replaced", "contact_info_message")]), flags=["vendor_example"]),
        case("sinch/template-unsupported", "sinch", {"template_message": {"omni_template": {"template_id": "T1", "version": "1"}}},
             err("unsupported", "template_message"), flags=["unsupported", "vendor_example"]),
        case("sinch/explicit-channel-message", "sinch", {"explicit_channel_message": {"MESSENGER": "{\"text\":\"raw for messenger\"}", "WHATSAPP": "{}"},
                                                        "text_message": {"text": "everyone else"}},
             ok([text("raw for messenger")], [w("dropped", "explicit_channel_message.WHATSAPP"), w("dropped", "text_message.text")]),
             flags=["vendor_example"], comment="the override is sent; the other channel's override and the main text are reported"),
        case("sinch/two-kinds", "sinch", {"text_message": {"text": "a"}, "media_message": {"url": "https://x.example/a.png"}}, err("conflict", "media_message")),
        case("sinch/no-kind", "sinch", {"agent": {"display_name": "Ann"}}, err("required", "text_message")),
        case("sinch/channel-properties-tag", "sinch", {"message": {"text_message": {"text": "Your agent replied"}},
                                                       "channel_properties": {"MESSENGER_MESSAGE_TAG": "HUMAN_AGENT", "MESSENGER_NOTIFICATION_TYPE": "SILENT_PUSH",
                                                                              "WHATSAPP_HEADER": "x"}},
             ok([text("Your agent replied")], send_options={"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT", "notification_type": "SILENT_PUSH"}),
             flags=["vendor_example"], comment="MESSENGER_MESSAGING_TYPE defaults to MESSAGE_TAG when a tag is set"),
        case("sinch/channel-properties-type", "sinch", {"message": {"text_message": {"text": "Update"}}, "channel_properties": {"MESSENGER_MESSAGING_TYPE": "UPDATE"}},
             ok([text("Update")], send_options={"messaging_type": "UPDATE"})),
        case("sinch/agent-dropped", "sinch", {"message": {"text_message": {"text": "hi"}, "agent": {"display_name": "Ann", "type": "HUMAN"}}},
             ok([text("hi")], [w("dropped", "message.agent")])),
        case("sinch/unknown-field", "sinch", {"message": {"text_message": {"text": "hi"}}, "priority": 5}, ok([text("hi")], [w("unknown_field", "priority")]),
             flags=["unknown_field"]),
    ]


def linktor_cases():
    return [
        case("linktor/text-with-quick-replies", "linktor", {"channelId": "ch_1", "to": PSID, "content": {"type": "text", "text": "Reach you how?", "quickReplies": [
            {"contentType": "text", "title": "Chat", "payload": "CHAT"}, {"contentType": "user_phone_number"}, {"contentType": "user_email"}]}},
             ok([text("Reach you how?", quick_replies=[qr("Chat", "CHAT"), {"content_type": "user_phone_number"}, {"content_type": "user_email"}])]),
             flags=["vendor_example"]),
        case("linktor/image", "linktor", {"content": {"type": "image", "image": {"url": "https://cdn.example.com/a.png"}}},
             ok([media("image", url="https://cdn.example.com/a.png")]), flags=["vendor_example"]),
        case("linktor/video-bare", "linktor", {"type": "video", "video": {"url": "https://cdn.example.com/v.mp4"}}, ok([media("video", url="https://cdn.example.com/v.mp4")])),
        case("linktor/button-template", "linktor", {"content": {"type": "template", "template": {"type": "button", "text": "Need help?", "buttons": [
            {"type": "postback", "title": "Talk to us", "payload": "HELP"}, {"type": "web_url", "title": "FAQ", "url": "https://help.example.com"}]}}},
             ok([button_tpl("Need help?", [pb("Talk to us", "HELP"), url_btn("FAQ", "https://help.example.com")])]), flags=["vendor_example"]),
        case("linktor/generic-template", "linktor", {"content": {"type": "template", "template": {"type": "generic", "elements": [
            {"title": "Shoes", "subtitle": "Red", "imageUrl": "https://cdn.example.com/s.jpg", "defaultAction": {"type": "web_url", "url": "https://shop.example.com/s"},
             "buttons": [{"type": "postback", "title": "Buy", "payload": "BUY_S"}]}]}}},
             ok([generic([{"title": "Shoes", "subtitle": "Red", "image_url": "https://cdn.example.com/s.jpg",
                           "default_action": {"type": "web_url", "url": "https://shop.example.com/s"}, "buttons": [pb("Buy", "BUY_S")]}])]), flags=["vendor_example"]),
        case("linktor/receipt-template", "linktor", {"content": {"type": "template", "template": {
            "type": "receipt", "recipientName": "Stephane Crozatier", "orderNumber": "12345678902", "currency": "USD", "paymentMethod": "Visa 2345",
            "orderUrl": "https://shop.example.com/o/1", "timestamp": "1428444852",
            "address": {"street1": "1 Hacker Way", "city": "Menlo Park", "state": "CA", "postalCode": "94025", "country": "US"},
            "summary": {"subtotal": 75.0, "shippingCost": 4.95, "totalTax": 6.19, "totalCost": 56.14},
            "elements": [{"title": "Classic White T-Shirt", "subtitle": "Cotton", "quantity": 2, "price": 50, "currency": "USD", "imageUrl": "https://cdn.example.com/t.png"}]}}},
             ok([tpl({"template_type": "receipt", "recipient_name": "Stephane Crozatier", "order_number": "12345678902", "currency": "USD",
                      "payment_method": "Visa 2345", "order_url": "https://shop.example.com/o/1", "timestamp": "1428444852",
                      "address": {"street_1": "1 Hacker Way", "city": "Menlo Park", "state": "CA", "postal_code": "94025", "country": "US"},
                      "summary": {"subtotal": 75.0, "shipping_cost": 4.95, "total_tax": 6.19, "total_cost": 56.14},
                      "elements": [{"title": "Classic White T-Shirt", "subtitle": "Cotton", "quantity": 2, "price": 50.0, "currency": "USD",
                                    "image_url": "https://cdn.example.com/t.png"}]})]),
             flags=["vendor_example"], comment="camelCase fields mapped to Meta's snake_case"),
        case("linktor/options-tag", "linktor", {"content": {"type": "text", "text": "Order shipped"}, "options": {"tag": "HUMAN_AGENT"}},
             ok([text("Order shipped")], send_options={"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}), flags=["vendor_example"]),
        case("linktor/airline-unsupported", "linktor", {"content": {"type": "template", "template": {"type": "airline_itinerary"}}},
             err("unsupported", "content.template.type"), flags=["unsupported"]),
        case("linktor/unknown-content-type", "linktor", {"content": {"type": "sticker"}}, err("unsupported", "content.type"), flags=["unsupported"]),
        case("linktor/unknown-field", "linktor", {"content": {"type": "text", "text": "hi", "emoji": True}}, ok([text("hi")], [w("unknown_field", "content.emoji")]),
             flags=["unknown_field"]),
        case("linktor/long-button-title", "linktor", {"content": {"type": "template", "template": {"type": "button", "text": "Help", "buttons": [
            {"type": "postback", "title": "Talk to a human agent now", "payload": "HUMAN"}]}}},
             ok([button_tpl("Help", [pb(cut("Talk to a human agent now", 20), "HUMAN")])], [w("truncated", "content.template.buttons[0].title")])),
    ]


def neutral_cases():
    return [
        case("neutral/passes-through", "neutral", {"text": "Hello", "actions": [{"type": "reply", "title": "Hi"}]}, ok([text("Hello", quick_replies=[qr("Hi")])])),
        case("neutral/strict-fields", "neutral", {"text": "Hello", "colour": "red"}, err("invalid_input", "colour")),
    ]


def menu_cases():
    def menu_case(id_, dialect, body, expect, **kw):
        return make_case("dialect/menu/" + id_, {"call": "menu", "dialect": dialect, "body": body}, expect, **kw)

    def pok(items, warnings, composer=None, get_started="GET_STARTED"):
        locale = {"locale": "default", "call_to_actions": items}
        if composer:
            locale["composer_input_disabled"] = True
        return {"ok": {"profile": {"get_started": {"payload": get_started}, "persistent_menu": [locale]}, "warnings": list(warnings)}}

    return [
        menu_case("smooch-three-levels", "smooch", {"items": [
            {"type": "postback", "text": "Help", "payload": "HELP"},
            {"type": "submenu", "text": "Shop", "items": [
                {"type": "link", "text": "Deals", "uri": "https://shop.example.com/deals"},
                {"type": "submenu", "text": "More", "items": [{"type": "postback", "text": "Gift cards", "payload": "GIFT"}]}]}],
            "settings": {"inputEnabled": False}},
                  pok([pb("Help", "HELP"), url_btn("Shop › Deals", "https://shop.example.com/deals"), pb("More › Gift cards", "GIFT")],
                      [w("retired_feature", "locales[0].items[1]"), w("retired_feature", "locales[0].items[1].items[1]"), w("replaced", "get_started")],
                      composer=True),
                  flags=["vendor_example"], comment="Smooch's menu (1-3 top level, 1-5 per submenu) flattened; inputEnabled false hides the composer"),
        menu_case("linktor-nested", "linktor", {"channelId": "ch_1", "menu": [{"locale": "default", "composerInputDisabled": False, "callToActions": [
            {"type": "postback", "title": "Start over", "payload": "RESTART"},
            {"type": "nested", "title": "More", "callToActions": [{"type": "web_url", "title": "Website", "url": "https://example.com"}]}]}]},
                  pok([pb("Start over", "RESTART"), url_btn("More › Website", "https://example.com")],
                      [w("retired_feature", "locales[0].items[1]"), w("replaced", "get_started")]),
                  flags=["vendor_example"], comment="§4.2 setPersistentMenu with a nested item"),
        menu_case("sinch-has-no-menu", "sinch", {"items": []}, err("unsupported")),
    ]


def cases():
    return menu_cases() + smooch_cases() + sinch_cases() + linktor_cases() + neutral_cases()
