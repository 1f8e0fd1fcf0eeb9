"""Cases for tests/vectors/webhook.json: an entry-level defect (`time` or `id` of the wrong
type, as other projects' fixtures have) is reported once in `warnings` and the entry's
items still parse. Items of readable entries = events + item errors, always."""

from common import compact
from webhook_cases import PAGE, T, T_ENTRY, USER, case, entry, envelope, ev, item

NOTES = {
    "entry_defect": "an entry field of the wrong type: one warning, and every item still parses",
    "isolation": "one bad entry or item is an error of its own; its siblings still parse",
}


def warned(obj, events, warnings, errors=()):
    out = {"object": obj, "events": list(events), "errors": list(errors)}
    if warnings:  # absent when there are none
        out["warnings"] = list(warnings)
    return {"ok": out}


def entry_warning(index, key, raw):
    return {"entry": index, "field": f"entry[{index}].{key}", "code": "invalid_value", "raw": raw}


def item_cases():
    iso = "2021-09-08T06:34:04+0000"
    text = {"mid": "m_ITEM1", "text": "hello"}
    change_value = item("message", {"mid": "m_ITEM2", "text": "via changes"}, timestamp="later")
    return [
        case("webhook/entry/item-timestamp-not-a-number",
             compact(envelope(entry(messaging=[item("message", text, timestamp=iso)]))),
             warned("page", [ev("message", text, timestamp=T_ENTRY)], [entry_warning(0, "messaging[0].timestamp", iso)]),
             flags=["entry_defect", "isolation"], comment="the item keeps its data; the entry's time stands in, as for a missing timestamp"),
        case("webhook/entry/chatwoot-shape-both-times-iso",
             compact(envelope(entry(time=iso, messaging=[item("message", text, timestamp=iso)]), obj="instagram")),
             warned("instagram", [ev("message", text, timestamp=None, platform="instagram")],
                    [entry_warning(0, "time", iso), entry_warning(0, "messaging[0].timestamp", iso)]),
             flags=["entry_defect", "instagram"], comment="chatwoot's factories: no usable time at all, the message still arrives"),
        case("webhook/entry/changes-value-timestamp-not-a-number",
             compact(envelope(entry(changes=[{"field": "messages", "value": change_value}]))),
             warned("page", [ev("message", {"mid": "m_ITEM2", "text": "via changes"}, timestamp=T_ENTRY)],
                    [entry_warning(0, "changes[0].value.timestamp", "later")]),
             flags=["entry_defect"]),
    ]


def hostile_cases():
    """Shapes that used to give nothing at all, or refuse the whole body for one item."""
    good = item("message", {"mid": "m_HOST1", "text": "still here"})
    inner = {"id": PAGE, "time": T_ENTRY, "messaging": [good]}
    bad_text = compact(envelope(entry(messaging=[item("message", {"mid": "m_HOST2", "text": "BAD"}), good])))
    at = bad_text.index("BAD")
    bad_bytes = bad_text.encode()[:at] + b"\xff\xfe" + bad_text.encode()[at + 2:]
    return [
        case("webhook/hostile/entry-that-is-an-array",
             compact(envelope(entry(messaging=[good])) | {"entry": [[inner], inner]}),
             warned("page", [ev("message", {"mid": "m_HOST1", "text": "still here"})], [],
                    errors=[{"entry": 0, "list": None, "index": None, "field": "entry[0]", "code": "invalid_event",
                             "raw": [inner]}]),
             flags=["isolation"], comment="serde reads a struct from an array too: [[...]] gave 0 events and 0 errors"),
        case("webhook/hostile/items-under-an-unknown-list-key",
             compact(envelope(entry(messaging=[good]) | {"messages": [item("message", {"mid": "m_HOST3", "text": "x"})]})),
             warned("page", [ev("message", {"mid": "m_HOST1", "text": "still here"})],
                    [{"entry": 0, "field": "entry[0].messages", "code": "unknown_field",
                      "raw": [item("message", {"mid": "m_HOST3", "text": "x"})]}]),
             flags=["forward_compat"], comment="an entry key msgrkit does not read is a warning that keeps its value"),
        case("webhook/hostile/not-utf8-in-one-item", {"body_hex": bad_bytes.hex()},
             warned("page", [ev("message", {"mid": "m_HOST1", "text": "still here"})], [],
                    errors=[{"entry": 0, "list": "messaging", "index": 0, "field": "entry[0].messaging[0]",
                             "code": "invalid_utf8",
                             "raw": item("message", {"mid": "m_HOST2", "text": "??D"})}]),
             flags=["isolation"], comment="one item's bytes are not UTF-8: that item is the error (its raw with ? "
                                          "for each such byte), its sibling parses"),
        case("webhook/hostile/object-twice", '{"object":"page","object":"page","entry":[]}',
             {"error": {"code": "invalid_envelope", "field": "object"}},
             flags=["envelope"], comment="was reported as `entry` is not an array"),
    ]


def cases():
    return entry_cases() + item_cases() + hostile_cases()


def entry_cases():
    iso = "2021-09-08T06:34:04+0000"
    text = {"mid": "m_ENTRY1", "text": "first"}
    # Without a usable entry time, an event keeps its own timestamp (and none is invented).
    return [
        case("webhook/entry/time-not-a-number",
             compact(envelope(entry(time=iso, messaging=[item("message", text)]))),
             warned("page", [ev("message", text)], [entry_warning(0, "time", iso)]),
             flags=["entry_defect", "isolation"], comment="chatwoot's fixtures write the entry time as ISO-8601 text"),
        case("webhook/entry/id-an-object-and-time-bad",
             compact(envelope(entry(time=[1], messaging=[item("message", text)]) | {"id": {"page": PAGE}},
                              entry(messaging=[item("message", {"mid": "m_ENTRY2", "text": "second"})]))),
             warned("page", [ev("message", text, pid=None), ev("message", {"mid": "m_ENTRY2", "text": "second"})],
                    [entry_warning(0, "id", {"page": PAGE}), entry_warning(0, "time", [1])]),
             flags=["entry_defect", "batch"], comment="both defects reported once each; the next entry is untouched"),
        case("webhook/entry/defect-and-a-broken-item",
             compact(envelope(entry(time=True, standby=[item("message", text), item("message", {"mid": "m_BAD", "text": 12})]))),
             warned("page", [ev("message", text, standby=True)], [entry_warning(0, "time", True)],
                    errors=[{"entry": 0, "list": "standby", "index": 1, "field": "entry[0].standby[1]", "code": "invalid_event",
                             "raw": item("message", {"mid": "m_BAD", "text": 12})}]),
             flags=["entry_defect", "isolation", "standby"],
             comment="the entry warning is not an item: 2 items = 1 event + 1 item error"),
        case("webhook/entry/item-timestamp-falls-back-only-when-absent",
             compact(envelope(entry(time="soon", messaging=[item("message", {"mid": "m_ENTRY3", "text": "t"}, timestamp=None)]))),
             warned("page", [ev("message", {"mid": "m_ENTRY3", "text": "t"}, timestamp=None)], [entry_warning(0, "time", "soon")]),
             flags=["entry_defect"], comment="no usable entry time to fall back on: the event has no timestamp"),
    ]
