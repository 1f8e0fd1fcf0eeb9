"""Cases for tests/vectors/send.json: retirements whose replacement has itself retired,
one-time notifications, and the marketing-messages opt-in template."""

from send_cases import case, req, retired, template, v

NOTES = {
    "replacement_chain": "a retired feature's replacement followed to one still accepted on the profile's date",
}

UTILITY = "a utility message (messaging_type UTILITY)"


def cases():
    def tagged(tag):
        return req({"text": "update"}, messaging_type="MESSAGE_TAG", tag=tag)
    otn = template({"template_type": "one_time_notif_req", "title": "Back in stock?", "payload": "NOTIFY_SKU_1"})
    optin = template({"template_type": "notification_messages", "title": "Deals every week", "payload": "DEALS",
                      "notification_messages_frequency": "DAILY", "image_url": "https://cdn.example.com/deals.png"})
    return [
        case("tag/shipping-update-replacement-not-retired", tagged("SHIPPING_UPDATE"), [retired("tag", "2020-03-04", UTILITY)],
             flags=["retired", "replacement_chain"],
             comment="SHIPPING_UPDATE pointed to POST_PURCHASE_UPDATE, itself retired on 2026-04-27"),
        case("tag/shipping-update-replacement-in-2025", tagged("SHIPPING_UPDATE"), [retired("tag", "2020-03-04", "POST_PURCHASE_UPDATE")],
             as_of="2025-06-01", flags=["retired", "replacement_chain", "dated"]),
        case("template/one-time-notif-req-retired", req(otn), [retired("message.attachment.payload.template_type", "2026-02-10",
                                                                        "the notification_messages opt-in template")],
             flags=["retired"], comment="reported as retired with its (inferred) date, not as an unknown template"),
        case("template/one-time-notif-req-legacy", req(otn), [], as_of="2025-01-01", flags=["retired", "dated"]),
        case("template/notification-messages-known", req(optin), [v("region_dependent", "message.attachment.payload.template_type")],
             flags=["retired"],
             comment="the notification-messages opt-in: since 2026-02-10 allowed only in AU, the EU, JP, KR and the UK, "
                     "so without the Page's region it is reported as region-dependent"),
        case("template/notification-messages-needs-a-title", req(template({"template_type": "notification_messages", "payload": "P"})),
             [v("required", "message.attachment.payload.title")], as_of="2026-02-09"),
    ]
