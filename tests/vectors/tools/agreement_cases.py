"""Cases that pin one behaviour across the four languages where they used to differ
(issue 15, item 6): an `as_of` instant means its UTC date, a body limit of 0 means the
default, an empty secret signs nothing, an option or input key the core does not know is
refused at its field, times may be instants, and a refusal reads the same everywhere."""

from common import compact, make_case
from send_cases import req, retired
from webhook_cases import entry, envelope, ev, item, parsed

NOTES = {
    "agreement": "the same call and input give the same result in Rust, C, Python and Node",
}

UTILITY = "a utility message (messaging_type UTILITY)"


def signature_cases():
    return [make_case("signature/agreement/sign-with-an-empty-secret",
                      {"call": "sign", "app_secret": "", "body": "{}"}, {"error": {"code": "app_secret_empty"}},
                      flags=["agreement"], comment="refused in the core, so in every language (not only the CLI)")]


def webhook_cases():
    message = {"mid": "m_ZERO", "text": "zero means the default"}
    body = compact(envelope(entry(messaging=[item("message", message)])))
    return [make_case("webhook/agreement/body-limit-zero-is-the-default", {"body": body, "max_body_bytes": 0},
                      parsed("page", [ev("message", message)]), flags=["agreement"],
                      comment="0 refused every body in Python and Node and meant the default in C")]


def send_cases():
    tagged = req({"text": "Your account changed"}, messaging_type="MESSAGE_TAG", tag="ACCOUNT_UPDATE")
    gone = [retired("tag", "2026-04-27", UTILITY)]

    def at(id_, instant, violations, comment=None):
        return make_case("send/agreement/" + id_, {"body": tagged, "as_of": instant}, {"ok": violations},
                         flags=["agreement"], comment=comment)

    return [
        at("instant-a-second-before-utc-midnight", "2026-04-26T23:59:59Z", []),
        at("instant-at-utc-midnight", "2026-04-27T00:00:00Z", gone),
        at("instant-with-an-offset-is-its-utc-date", "2026-04-26T23:30:00-01:00", gone,
           comment="23:30 at UTC-1 is 00:30 UTC on 2026-04-27: the UTC date decides, never the local one"),
        at("instant-east-of-utc", "2026-04-27T01:30:00+02:00", [],
           comment="01:30 at UTC+2 is still 2026-04-26 in UTC"),
        make_case("send/agreement/an-unknown-option-is-refused", {"body": tagged, "asof": "2026-04-27"},
                  {"error": {"code": "invalid_input", "field": "options.asof"}}, flags=["agreement"],
                  comment="a misspelt option is refused by the core in every language, never ignored"),
        *prepare_cases(),
        make_case("send/agreement/instant-without-an-offset", {"body": tagged, "as_of": "2026-04-27T00:00:00"},
                  {"error": {"code": "invalid_input", "field": "options.as_of"}}, flags=["agreement"],
                  comment="an instant without its offset has no one UTC date: refused, not guessed"),
    ]


def policy_cases():
    h, last = 3_600_000, 1_763_712_000_000  # 2025-11-21T08:00:00Z

    def case(id_, input_, expect, comment):
        return make_case("policy/agreement/" + id_, input_, expect, flags=["agreement"], comment=comment)

    return [
        case("an-unknown-input-key-is-refused", {"last_user_activity": last, "now": last + h, "tagg": "HUMAN_AGENT"},
             {"error": {"code": "invalid_input", "field": "input.tagg"}},
             "a misspelt key was ignored by C and refused by Python's signature: now the core refuses it"),
        case("a-missing-time-is-required", {"now": last},
             {"error": {"code": "required", "field": "input.last_user_activity"}},
             "the field is named the same way in every language"),
        case("times-may-be-instants-with-their-offset",
             {"last_user_activity": "2025-11-21T08:00:00Z", "now": "2025-11-22T15:00:00+01:00",
              "author": "human", "mode": "auto_human_agent"},
             {"ok": {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}},
             "30 hours later, as epoch milliseconds would say: a datetime or Date reaches the core as its instant"),
        case("a-refusal-reads-the-same-everywhere", {"last_user_activity": last, "now": last + 25 * h},
             {"ok": {"refusal": {"code": "outside_window", "window_closed_at": last + 24 * h}}},
             "C answers it, Python and Node raise it: each runner reads it back as this one form"),
        case("a-private-reply-key-is-checked-too", {"call": "private_reply", "comment_created": last, "now": last + h,
                                                    "replied": True},
             {"error": {"code": "invalid_input", "field": "input.replied"}},
             "already_replied is the key; a misspelt one is refused"),
    ]


def prepare_cases():
    """The one send pipeline (dialect, compose, policy, validate, requests), as every
    language's prepare_send runs it: nothing comes back unless every request is valid."""
    psid, h, last = "6500000000000001", 3_600_000, 1_763_712_000_000
    too_long = {"messenger": {"text": "Pick one", "quick_replies": [
        {"content_type": "text", "title": "a title far too long for Meta", "payload": "P"}]}}

    def body(text, **send):
        return {"recipient": {"id": psid}, "messaging_type": send.get("messaging_type", "RESPONSE"),
                **({"tag": send["tag"]} if "tag" in send else {}), "message": {"text": text}}

    def case(id_, input_, expect, comment):
        return make_case("send/agreement/prepare-" + id_, {"call": "prepare", **input_}, expect,
                         flags=["agreement"], comment=comment)

    human = {"last_user_activity": last, "now": last + 30 * h, "author": "human", "mode": "auto_human_agent"}
    return [
        case("one-invalid-message-among-three", {"recipient": psid, "messages": [{"text": "a"}, too_long, {"text": "c"}]},
             {"error": {"code": "validation_failed"}},
             "the second message breaks a limit: no request comes back, so none is sent, in every language"),
        case("three-messages-in-order", {"recipient": psid, "messages": [{"text": "a"}, {"text": "b"}, {"text": "c"}]},
             {"ok": {"requests": [body("a"), body("b"), body("c")], "warnings": []}},
             "one request per message, in order, answering within the window (RESPONSE)"),
        case("the-policy-tags-every-request", {"recipient": psid, "messages": [{"text": "a"}, {"text": "b"}],
                                              "policy": human},
             {"ok": {"requests": [body("a", messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT"),
                                  body("b", messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT")],
                     "warnings": [], "decision": {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}}},
             "a human 30 hours after the person wrote: HUMAN_AGENT on every request"),
        case("a-refusal-sends-nothing", {"recipient": psid, "messages": [{"text": "a"}],
                                        "policy": {"last_user_activity": last, "now": last + 25 * h}},
             {"ok": {"refusal": {"code": "outside_window", "window_closed_at": last + 24 * h}}},
             "a bot 25 hours later: refused, read back alike (C answers it, Python and Node raise it)"),
        case("a-sinch-message", {"recipient": psid, "dialect": "sinch",
                                 "messages": [{"text_message": {"text": "Hello from Sinch"}}]},
             {"ok": {"requests": [body("Hello from Sinch")], "warnings": []}},
             "the messages are read in the dialect named"),
        case("options-apply-to-their-own-message",
             {"recipient": psid, "dialect": "linktor", "messages": [
                 {"content": {"type": "text", "text": "a"}, "options": {"tag": "HUMAN_AGENT"}},
                 {"content": {"type": "text", "text": "b"}}]},
             {"ok": {"requests": [body("a", messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT"), body("b")],
                     "warnings": []}},
             "each message's own send options hold for its own requests: never the first's for all, "
             "never dropped"),
        case("an-explicit-tag-is-judged-by-the-policy",
             {"recipient": psid, "messages": [{"text": "a"}], "tag": "HUMAN_AGENT",
              "policy": {"last_user_activity": last, "now": last + 30 * h, "author": "human"}},
             {"ok": {"requests": [body("a", messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT")], "warnings": [],
                     "decision": {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}}},
             "the tag asked for is the intent the policy decides on; here they agree"),
        case("an-explicit-tag-the-policy-refuses",
             {"recipient": psid, "messages": [{"text": "a"}], "tag": "HUMAN_AGENT",
              "policy": {"last_user_activity": last, "now": last + 8 * 24 * h, "author": "human"}},
             {"ok": {"refusal": {"code": "human_agent_window_closed", "window_closed_at": last + 7 * 24 * h}}},
             "eight days later HUMAN_AGENT is refused, as Meta would refuse it, never sent as asked"),
        case("an-explicit-tag-against-the-facts-intent",
             {"recipient": psid, "messages": [{"text": "a"}], "tag": "HUMAN_AGENT",
              "policy": {"last_user_activity": last, "now": last + h, "intent": "update"}},
             {"error": {"code": "conflict", "field": "input.tag"}},
             "the tag and the facts' intent ask for two things: refused, naming both"),
        case("a-message-tag-against-the-policy",
             {"recipient": psid, "dialect": "linktor", "messages": [
                 {"content": {"type": "text", "text": "a"}, "options": {"tag": "HUMAN_AGENT"}}],
              "policy": {"last_user_activity": last, "now": last + h}},
             {"error": {"code": "conflict", "field": "messages[0]"}},
             "the message asks for HUMAN_AGENT, the policy decides RESPONSE for a bot: never overwritten silently"),
        case("a-message-tag-against-the-explicit-tag",
             {"recipient": psid, "dialect": "linktor", "tag": "HUMAN_AGENT", "messages": [
                 {"content": {"type": "text", "text": "a"}, "options": {"tag": "CUSTOMER_FEEDBACK"}}]},
             {"error": {"code": "conflict", "field": "messages[0]"}},
             "two tags for one message: refused, naming both"),
        case("an-unknown-key-is-refused", {"recipient": psid, "messages": [{"text": "a"}], "tagg": "HUMAN_AGENT"},
             {"error": {"code": "invalid_input", "field": "input.tagg"}}, "as every input: never ignored"),
    ]
