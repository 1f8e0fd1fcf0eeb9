"""Cases for tests/vectors/webhook.json: one thread, one `conversation_key`, whoever wrote
and however Meta delivered it (issue 19, item 1). Keys are written out here literally."""

from common import compact, make_case
from webhook_cases import APP, IG, IGSID, PAGE, USER, entry, envelope, ev, item, parsed

NOTES = {
    "conversation_key": "events of one thread share a conversation_key: the customer is the recipient of echoes",
}


def keys_case(id_, body, keys, comment=None):
    return make_case("webhook/conversation/" + id_, {"call": "conversation_keys", "body": body}, {"ok": keys},
                     flags=["conversation_key"], comment=comment)


def cases():
    thread = f"messenger:{PAGE}:{USER}"
    mixed = compact(envelope(entry(
        messaging=[item("message", {"mid": "m_C1", "text": "hi"}),
                   item("message", {"mid": "m_C2", "is_echo": True, "app_id": APP, "text": "hello"},
                        sender=PAGE, recipient=USER),
                   item("read", {"watermark": 1700000000999})],
        standby=[item("message", {"mid": "m_C3", "text": "while a bot owns it"})])))
    ig = compact(envelope(entry(IG, messaging=[
        item("message", {"mid": "aWdf_C4", "text": "hi"}, sender=IGSID, recipient=IG),
        item("message", {"mid": "aWdf_C5", "is_echo": True, "text": "hey"}, sender=IG, recipient=IGSID)]),
        obj="instagram"))
    other = compact(envelope(entry(messaging=[
        item("message", {"mid": "m_C6", "text": "someone else"}, sender="6500000000000002"),
        item("policy_enforcement", {"action": "block", "reason": "spam"}, sender=None)])))
    return [
        keys_case("message-echo-read-and-standby-share-one-key", mixed, [thread] * 4,
                  comment="the echo's customer is its recipient; standby is the same thread"),
        keys_case("instagram-thread", ig, [f"instagram:{IG}:{IGSID}"] * 2),
        make_case("webhook/conversation/redelivered-in-standby-and-alone-same-keys",
                  {"body": compact(envelope(
                      entry(messaging=[item("message", {"mid": "m_C7", "text": "again"}, timestamp=1700000000)]),
                      entry(standby=[item("message", {"mid": "m_C7", "text": "again"})])))},
                  parsed("page", [ev("message", {"mid": "m_C7", "text": "again"}, timestamp=1700000000000),
                                  ev("message", {"mid": "m_C7", "text": "again"}, standby=True)]),
                  flags=["conversation_key"],
                  comment="the same message in messaging (timestamp in seconds) and in standby (milliseconds): "
                          "one dedupe key, one conversation key"),
        make_case("webhook/conversation/batched-and-alone-same-keys",
                  {"body": compact(envelope(
                      entry(messaging=[item("message", {"mid": "m_C9", "text": "first"}, sender="6500000000000002"),
                                       item("message", {"mid": "m_C8", "text": "in a batch"}),
                                       item("read", {"watermark": 1700000000100}, sender="6500000000000002")]),
                      entry(messaging=[item("message", {"mid": "m_C8", "text": "in a batch"})])))},
                  parsed("page", [ev("message", {"mid": "m_C9", "text": "first"}, sender="6500000000000002"),
                                  ev("message", {"mid": "m_C8", "text": "in a batch"}),
                                  ev("read", {"watermark": 1700000000100}, sender="6500000000000002"),
                                  ev("message", {"mid": "m_C8", "text": "in a batch"})]),
                  flags=["conversation_key"],
                  comment="Meta redelivers a batched event alone: its dedupe key and conversation key stay the same"),
        keys_case("other-customer-and-page-level-event", other,
                  [f"messenger:{PAGE}:6500000000000002", f"messenger:{PAGE}:-"],
                  comment="a Page-level event has no customer: `-`"),
    ]
