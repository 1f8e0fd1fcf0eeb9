"""Cases for tests/vectors/policy.json: the 24-hour window, HUMAN_AGENT and tags, private replies."""

from common import make_case

NOTES = {
    "window": "the standard 24-hour window (open while less than 24 hours have passed)",
    "human_agent": "HUMAN_AGENT: humans only, within 7 days",
    "auto": "mode auto_human_agent tags a human's late reply by itself",
    "retired": "a tag judged by the date of `now`",
    "instagram": "Instagram accepts only HUMAN_AGENT",
    "private_reply": "one private reply per comment, within 7 days",
}

H = 3_600_000
D = 24 * H
LAST = 1_763_712_000_000  # 2025-11-21T08:00:00Z
JAN_15_2026 = 1_768_435_200_000  # 2026-01-15T00:00:00Z
APR_27_2026 = 1_777_248_000_000  # 2026-04-27T00:00:00Z
MAR_4_2020 = 1_583_280_000_000  # 2020-03-04T00:00:00Z


def decide(id_, after, expect, *, last=LAST, author=None, intent=None, tag=None, mode=None, platform=None, flags=(), comment=None):
    inp = {"last_user_activity": last, "now": last + after}
    if author:
        inp["author"] = author
    if tag:
        inp["intent"] = {"tag": tag}
    elif intent:
        inp["intent"] = intent
    if mode:
        inp["mode"] = mode
    if platform:
        inp["platform"] = platform
    return make_case("policy/" + id_, inp, {"ok": expect}, flags=flags, comment=comment)


def send(messaging_type, tag=None):
    return {"messaging_type": messaging_type, "tag": tag}


def refuse(code, **more):
    return {"refusal": {"code": code, **more}}


def closed(code, at):
    return refuse(code, window_closed_at=at)


def cases():
    out = [
        decide("window/reply-at-once", 0, send("RESPONSE"), flags=["window"]),
        decide("window/reply-after-23h59", 24 * H - 1, send("RESPONSE"), flags=["window"]),
        decide("window/reply-at-24h", 24 * H, closed("outside_window", LAST + 24 * H), flags=["window"], comment="at exactly 24 hours the window is closed"),
        decide("window/update-inside", 5 * H, send("UPDATE"), intent="update", flags=["window"]),
        decide("window/update-outside", 25 * H, closed("outside_window", LAST + 24 * H), intent="update", flags=["window"]),
        decide("window/clock-skew", -5000, send("RESPONSE"), flags=["window"], comment="a last activity a little in the future counts as now"),
        decide("window/human-explicit-30h", 30 * H, closed("outside_window", LAST + 24 * H), author="human", flags=["window"],
               comment="explicit mode: a human gets a tag only when asked"),
        decide("auto/human-30h", 30 * H, send("MESSAGE_TAG", "HUMAN_AGENT"), author="human", mode="auto_human_agent", flags=["auto", "human_agent"]),
        decide("auto/human-inside-window-untagged", 2 * H, send("RESPONSE"), author="human", mode="auto_human_agent", flags=["auto", "window"],
               comment="chatwoot #15887: HUMAN_AGENT must not be stamped on replies inside the window"),
        decide("auto/bot-30h", 30 * H, closed("outside_window", LAST + 24 * H), author="bot", mode="auto_human_agent", flags=["auto"],
               comment="automated messages are never tagged HUMAN_AGENT"),
        decide("auto/human-7d-minus-1ms", 7 * D - 1, send("MESSAGE_TAG", "HUMAN_AGENT"), author="human", mode="auto_human_agent", flags=["auto", "human_agent"]),
        decide("auto/human-7d", 7 * D, closed("human_agent_window_closed", LAST + 7 * D), author="human", mode="auto_human_agent", flags=["auto", "human_agent"]),
        decide("auto/human-8d", 8 * D, closed("human_agent_window_closed", LAST + 7 * D), author="human", mode="auto_human_agent", flags=["auto", "human_agent"]),
        decide("auto/bot-8d", 8 * D, closed("outside_window", LAST + 24 * H), author="bot", mode="auto_human_agent", flags=["auto"]),
        decide("auto/human-update-30h", 30 * H, send("MESSAGE_TAG", "HUMAN_AGENT"), author="human", intent="update", mode="auto_human_agent", flags=["auto"]),
        decide("human-agent/human-asks-30h", 30 * H, send("MESSAGE_TAG", "HUMAN_AGENT"), author="human", tag="HUMAN_AGENT", flags=["human_agent"]),
        decide("human-agent/human-asks-inside-window", 1 * H, send("MESSAGE_TAG", "HUMAN_AGENT"), author="human", tag="HUMAN_AGENT", flags=["human_agent"],
               comment="an explicit tag is honoured when Meta accepts it"),
        decide("human-agent/bot-asks", 30 * H, refuse("tag_not_allowed_for_author"), author="bot", tag="HUMAN_AGENT", flags=["human_agent"]),
        decide("human-agent/default-author-is-bot", 30 * H, refuse("tag_not_allowed_for_author"), tag="HUMAN_AGENT", flags=["human_agent"]),
        decide("human-agent/human-asks-8d", 8 * D, closed("human_agent_window_closed", LAST + 7 * D), author="human", tag="HUMAN_AGENT", flags=["human_agent"]),
        decide("customer-feedback/6d", 6 * D, send("MESSAGE_TAG", "CUSTOMER_FEEDBACK"), tag="CUSTOMER_FEEDBACK"),
        decide("customer-feedback/7d", 7 * D, closed("tag_window_closed", LAST + 7 * D), tag="CUSTOMER_FEEDBACK"),
        decide("tag/unknown", 30 * H, refuse("tag_unknown"), tag="FRIENDLY_REMINDER"),
        decide("retired/post-purchase-before", 30 * D, send("MESSAGE_TAG", "POST_PURCHASE_UPDATE"), last=JAN_15_2026 - 30 * D, tag="POST_PURCHASE_UPDATE",
               flags=["retired"], comment="sent on 2026-01-15, 30 days after the last message: no window applies"),
        decide("retired/post-purchase-last-ms", 0, send("MESSAGE_TAG", "POST_PURCHASE_UPDATE"), last=APR_27_2026 - 1, tag="POST_PURCHASE_UPDATE", flags=["retired"]),
        decide("retired/post-purchase-first-day", 0, refuse("tag_retired", retired_on="2026-04-27", replacement="a utility message (messaging_type UTILITY)"),
               last=APR_27_2026, tag="POST_PURCHASE_UPDATE", flags=["retired"]),
        decide("retired/account-update-now", 2 * D, refuse("tag_retired", retired_on="2026-04-27", replacement="a utility message (messaging_type UTILITY)"),
               last=1_795_219_200_000, tag="ACCOUNT_UPDATE", flags=["retired"], comment="2026-11-21"),
        decide("retired/shipping-update-2019", 3 * D, send("MESSAGE_TAG", "SHIPPING_UPDATE"), last=MAR_4_2020 - 60 * D, tag="SHIPPING_UPDATE", flags=["retired"],
               comment="a pre-2020 tag was still accepted in January 2020"),
        decide("retired/shipping-update-2020", 0, refuse("tag_retired", retired_on="2020-03-04", replacement="POST_PURCHASE_UPDATE"), last=MAR_4_2020,
               tag="SHIPPING_UPDATE", flags=["retired"]),
        decide("retired/shipping-update-after-its-replacement-retired", 0,
               refuse("tag_retired", retired_on="2020-03-04", replacement="a utility message (messaging_type UTILITY)"),
               last=APR_27_2026, tag="SHIPPING_UPDATE", flags=["retired"],
               comment="its replacement POST_PURCHASE_UPDATE retired on 2026-04-27: the refusal names what is accepted now"),
        decide("instagram/human-30h-auto", 30 * H, send("MESSAGE_TAG", "HUMAN_AGENT"), author="human", mode="auto_human_agent", platform="instagram",
               flags=["instagram", "auto"]),
        decide("instagram/customer-feedback", 1 * D, refuse("tag_not_allowed_on_platform"), tag="CUSTOMER_FEEDBACK", platform="instagram", flags=["instagram"]),
        decide("instagram/bot-30h", 30 * H, closed("outside_window", LAST + 24 * H), platform="instagram", flags=["instagram"]),
    ]

    def private(id_, after, already, expect):
        inp = {"call": "private_reply", "comment_created": LAST, "now": LAST + after, "already_replied": already}
        return make_case("policy/private-reply/" + id_, inp, {"ok": expect}, flags=["private_reply"])

    out += [
        private("fresh", 1 * H, False, send("RESPONSE")),
        private("7d-minus-1ms", 7 * D - 1, False, send("RESPONSE")),
        private("7d", 7 * D, False, closed("private_reply_window_closed", LAST + 7 * D)),
        private("already-sent", 1 * H, True, refuse("private_reply_already_sent")),
    ]
    return out
