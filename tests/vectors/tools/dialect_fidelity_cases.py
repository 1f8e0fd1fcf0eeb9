"""Cases for tests/vectors/dialect.json that hold the "nothing lost" rule on what real
integrations send: Sinch numbers without `+`, card media, fields with no Messenger form,
warnings named by the vendor's own input path, Linktor's flat Messages API form, and
vendor send options judged by the dated profile."""

from compose_cases import button_tpl, call_btn, cut, generic, media, pb, qr, text, url_btn, w
from dialect_cases import case, err, maps, ok

NOTES = {
    "fidelity": "a field of real integrations' messages that was lost, or refused, before",
    "input_path": "a compose warning named by the vendor's own input path",
}


def sinch_cases():
    page_choices = [
        {"text_message": {"text": "Suggestion"}, "postback_data": "SUGGESTION"},
        {"url_message": {"title": "More info", "url": "https://www.sinch.com"}},
        {"call_message": {"title": "Call", "phone_number": "46732000000"}},
        {"location_message": {"title": "Sinch HQ", "label": "Stockholm", "coordinates": {"latitude": 59.3322, "longitude": 18.0645}}},
    ]
    hq = maps(59.3322, 18.0645)
    three = [{"title": f"card #{i}", "description": f"description #{i}", "media_message": {"url": f"https://url{i}.com"},
              "choices": [{"url_message": {"title": "Website", "url": "https://website.com"}}]} for i in (1, 2, 3)]
    videos = [{"title": f"clip {i}", "media_message": {"url": f"https://cdn.example.com/{i}.mp4"}} for i in (1, 2, 3)]
    return [
        case("sinch/phone-without-plus", "sinch", {"choice_message": {"text_message": {"text": "What do you want to do?"}, "choices": page_choices}},
             ok([button_tpl("What do you want to do?", [url_btn("More info", "https://www.sinch.com"), call_btn("Call", "+46732000000"), url_btn("Sinch HQ", hq)],
                            quick_replies=[qr("Suggestion", "SUGGESTION")])],
                [w("replaced", "choice_message.choices[3].location_message"), w("replaced", "choice_message.choices[0]")]),
             flags=["must_show", "fidelity", "vendor_example"],
             comment="Sinch writes E.164 without the +: the call button is sent as +46732000000 with no warning of its own"),
        case("sinch/phone-too-short-is-reported", "sinch", {"choice_message": {"text_message": {"text": "Call"}, "choices": [
            {"call_message": {"title": "Desk", "phone_number": "1234"}}, {"url_message": {"title": "Site", "url": "https://example.com"}}]}},
             ok([button_tpl("Call", [url_btn("Site", "https://example.com")])], [w("dropped", "choice_message.choices[0]")]),
             flags=["fidelity", "input_path"], comment="four digits are no international number: dropped and reported at the choice"),
        case("sinch/carousel-media-urls-without-extension", "sinch", {"carousel_message": {"cards": three}},
             ok([generic([{"title": f"card #{i}", "subtitle": f"description #{i}", "image_url": f"https://url{i}.com",
                           "buttons": [url_btn("Website", "https://website.com")]} for i in (1, 2, 3)])]),
             flags=["must_show", "fidelity"], comment="Sinch card media must be images: a URL that tells no kind is the card's image"),
        case("sinch/carousel-video-media", "sinch", {"carousel_message": {"cards": videos}},
             err("required", "carousel_message.cards[0]"),
             flags=["fidelity", "input_path"],
             comment="cards of a title alone are refused by Meta; the error names the Sinch card"),
        case("sinch/carousel-video-media-sent-or-dropped", "sinch", {"carousel_message": {"cards": [{**v, "description": "Watch"} for v in videos]}},
             ok([media("video", url="https://cdn.example.com/1.mp4"),
                 generic([{"title": f"clip {i}", "subtitle": "Watch"} for i in (1, 2, 3)])],
                [w("replaced", "carousel_message.cards[0].media_message"), w("dropped", "carousel_message.cards[1].media_message.url"),
                 w("dropped", "carousel_message.cards[2].media_message.url")]),
             flags=["fidelity"], comment="the first video is sent on its own, each other one is reported as dropped at its own card"),
        case("sinch/channel-specific-message", "sinch", {"text_message": {"text": "Book a table"},
                                                        "channel_specific_message": {"MESSENGER": {"message_type": "FLOWS", "message": {"flow_id": "1"}},
                                                                                     "WHATSAPP": {"message_type": "ORDER_DETAILS", "message": {}}}},
             ok([text("Book a table")], [w("dropped", "channel_specific_message.MESSENGER"), w("dropped", "channel_specific_message.WHATSAPP")]),
             flags=["fidelity"]),
        case("sinch/list-media-sent", "sinch", {"list_message": {"title": "Flavours", "media": {"url": "https://cdn.example.com/ice.jpg"},
                                                                "sections": [{"items": [{"choice": {"title": "Vanilla", "postback_data": "V"}}]}]}},
             ok([text("Flavours"), {**media("image", url="https://cdn.example.com/ice.jpg"), "quick_replies": [qr("Vanilla", "V")]}],
                [w("replaced", "list_message.sections")]),
             flags=["fidelity"], comment="the list's header image is sent; the quick replies ride on the last message"),
        case("sinch/list-choice-media-is-the-icon", "sinch", {"list_message": {"title": "Pick", "sections": [{"items": [
            {"choice": {"title": "Red", "postback_data": "R", "description": "warm", "media": {"url": "https://cdn.example.com/r.png"}}}]}]}},
             ok([text("Pick", quick_replies=[qr("Red", "R") | {"image_url": "https://cdn.example.com/r.png"}])],
                [w("replaced", "list_message.sections"), w("dropped", "list_message.sections[0].items[0].choice.description")]),
             flags=["fidelity"]),
        case("sinch/list-as-numbered-text-reports-what-text-cannot-carry", "sinch", {"list_message": {"title": "Menu", "sections": [
            {"title": "Food", "items": [{"product": {"id": "SKU-9", "quantity": 2}},
                                        {"choice": {"title": "Soup", "postback_data": "SOUP", "description": "hot",
                                                    "media": {"url": "https://cdn.example.com/s.png"}}}]}]}},
             ok([text("Menu\n\nFood\n1. SKU-9 (quantity 2)\n2. Soup (hot)")],
                [w("replaced", "list_message.sections"), w("dropped", "list_message.sections[0].items[1].choice.media.url"),
                 w("dropped", "list_message.sections[0].items[1].choice.postback_data")]),
             flags=["fidelity"], comment="a product makes the list numbered text: details and descriptions are written, images and payloads reported"),
        case("sinch/postback-data-on-url-choice", "sinch", {"choice_message": {"text_message": {"text": "Read"}, "choices": [
            {"url_message": {"title": "Docs", "url": "https://docs.example.com"}, "postback_data": "DOCS"}]}},
             ok([button_tpl("Read", [url_btn("Docs", "https://docs.example.com")])], [w("dropped", "choice_message.choices[0].postback_data")]),
             flags=["fidelity"], comment="a web_url button carries no payload"),
        case("sinch/whatsapp-message-properties", "sinch", {"choice_message": {"text_message": {"text": "Order?"}, "choices": [
            {"text_message": {"text": "Yes"}}], "message_properties": {"whatsapp_footer": "Order now!"}}},
             ok([text("Order?", quick_replies=[qr("Yes")])], [w("dropped", "choice_message.message_properties.whatsapp_footer")]),
             flags=["fidelity"]),
        case("sinch/card-whatsapp-header", "sinch", {"card_message": {"title": "T", "description": "D", "message_properties": {"whatsapp_header": "H"}}},
             ok([generic([{"title": "T", "subtitle": "D"}])], [w("dropped", "card_message.message_properties.whatsapp_header")]), flags=["fidelity"]),
        case("sinch/truncated-card-title-named-by-input", "sinch", {"carousel_message": {"cards": [
            {"title": "A", "description": "one"}, {"title": "B", "description": "two"}, {"title": "C" * 90, "description": "three"}]}},
             ok([generic([{"title": "A", "subtitle": "one"}, {"title": "B", "subtitle": "two"}, {"title": "C" * 79 + "…", "subtitle": "three"}])],
                [w("truncated", "carousel_message.cards[2].title")]),
             flags=["input_path"], comment="the warning names Sinch's field, not the neutral cards[2].title"),
        case("sinch/omni-override-for-messenger", "sinch", {"text_message": {"text": "everyone"},
                                                           "explicit_channel_omni_message": {"MESSENGER": {"text_message": {"text": "messenger only"}},
                                                                                             "KAKAOTALK": {"text_message": {"text": "kakao"}}}},
             ok([text("messenger only")], [w("dropped", "explicit_channel_omni_message.KAKAOTALK"), w("dropped", "text_message")]),
             flags=["fidelity"]),
    ]


def linktor_cases():
    office = maps(-23.5505, -46.6333)
    return [
        case("linktor/flat-image", "linktor", {"content": {"type": "image", "url": "https://example.com/a.jpg"}},
             ok([media("image", url="https://example.com/a.jpg")]), flags=["must_show", "fidelity"],
             comment="the Linktor Messages API's flat media form"),
        case("linktor/flat-document-with-caption", "linktor", {"content": {"type": "document", "url": "https://cdn.example.com/docs/invoice.pdf",
                                                                          "filename": "invoice_2024.pdf", "caption": "Your invoice"}},
             ok([text("Your invoice"), media("file", url="https://cdn.example.com/docs/invoice.pdf")], [w("dropped", "content.filename")]),
             flags=["fidelity"], comment="the caption goes first as text; Messenger takes the file name from the URL"),
        case("linktor/location", "linktor", {"content": {"type": "location", "latitude": -23.5505, "longitude": -46.6333,
                                                        "name": "Linktor Office", "address": "Av. Paulista, 1000"}},
             ok([generic([{"title": "Linktor Office", "subtitle": "Av. Paulista, 1000", "default_action": {"type": "web_url", "url": office},
                           "buttons": [url_btn("Open map", office)]}])], [w("replaced", "content")]),
             flags=["fidelity"], comment="a location card, as in the other dialects"),
        case("linktor/buttons", "linktor", {"content": {"type": "buttons", "text": "How would you like to proceed?", "buttons": [
            {"type": "reply", "id": "btn_yes", "title": "Yes, continue"}, {"type": "reply", "id": "btn_no", "title": "No, cancel"},
            {"type": "url", "title": "Learn more", "url": "https://example.com/info"}]}},
             ok([button_tpl("How would you like to proceed?", [pb("Yes, continue", "btn_yes"), pb("No, cancel", "btn_no"),
                                                               url_btn("Learn more", "https://example.com/info")])]),
             flags=["fidelity"], comment="a button template; a reply button's id is its payload"),
        case("linktor/quick-reply-id-is-the-payload", "linktor", {"content": {"type": "text", "text": "Contact method?", "quickReplies": [
            {"id": "qr_email", "title": "Email"}, {"id": "qr_phone", "title": "Phone"}]}},
             ok([text("Contact method?", quick_replies=[qr("Email", "qr_email"), qr("Phone", "qr_phone")])]), flags=["fidelity"]),
        case("linktor/payload-beside-id", "linktor", {"content": {"type": "text", "text": "Pick", "quickReplies": [
            {"id": "qr_a", "payload": "A", "title": "A"}]}},
             ok([text("Pick", quick_replies=[qr("A", "A")])], [w("dropped", "content.quickReplies[0].id")]), flags=["fidelity"],
             comment="with both, the SDK's payload is sent and the id reported (once)"),
        case("linktor/metadata-object", "linktor", {"channelId": "ch_1", "to": "+5511999999999", "content": {"type": "text", "text": "Shipped"},
                                                   "metadata": {"orderId": "12345", "notificationType": "shipping"}},
             ok([text("Shipped", metadata='{"notificationType":"shipping","orderId":"12345"}')]), flags=["fidelity"],
             comment="a metadata object travels as the Send API metadata, as JSON text"),
        case("linktor/metadata-cut-is-reported", "linktor", {"content": {"type": "text", "text": "x"}, "metadata": {"note": "y" * 1100}},
             ok([text("x", metadata=cut('{"note":"' + "y" * 1100 + '"}', 1000))], [w("truncated", "metadata")]),
             flags=["fidelity", "input_path"]),
        case("linktor/whatsapp-template-unsupported", "linktor", {"content": {"type": "template", "template": {"name": "order_confirmation", "language": "en"}}},
             err("unsupported", "content.template.name"), flags=["unsupported"],
             comment="a WhatsApp template, named and stored at Meta: Messenger has none"),
    ]


def options_cases():
    shipped = {"channelId": "ch_1", "to": "1", "content": {"type": "text", "text": "Shipped"}, "options": {"tag": "POST_PURCHASE_UPDATE"}}
    return [
        case("linktor/retired-tag-refused", "linktor", shipped, err("validation_failed"), flags=["fidelity"],
             comment="POST_PURCHASE_UPDATE returns error 100 since 2026-04-27: refused as validate refuses it"),
        case("linktor/retired-tag-before-its-date", "linktor", shipped,
             ok([text("Shipped")], send_options={"messaging_type": "MESSAGE_TAG", "tag": "POST_PURCHASE_UPDATE"}),
             options={"as_of": "2026-04-26"}, flags=["fidelity"], comment="the day before, the tag was still accepted"),
        case("sinch/retired-tag-refused", "sinch", {"message": {"text_message": {"text": "Update"}},
                                                   "channel_properties": {"MESSENGER_MESSAGE_TAG": "ACCOUNT_UPDATE"}},
             err("validation_failed"), flags=["fidelity"]),
        case("sinch/instagram-refuses-a-messenger-only-tag", "sinch", {"message": {"text_message": {"text": "How did we do?"}},
                                                                      "channel_properties": {"MESSENGER_MESSAGE_TAG": "CUSTOMER_FEEDBACK"}},
             err("validation_failed"), options={"platform": "instagram"}, flags=["fidelity"]),
    ]


def cases():
    return sinch_cases() + linktor_cases() + options_cases()
