"""Shared helpers for the vector generators: file writing and the normalised event form."""

import hashlib
import json
import pathlib

VECTORS = pathlib.Path(__file__).resolve().parent.parent


def write_suite(name, description, notes, cases):
    ids = [c["id"] for c in cases]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, f"duplicate ids: {sorted(dupes)}"
    for case in cases:
        assert set(case["expect"]) in ({"ok"}, {"error"}), case["id"]
        for flag in case.get("flags", []):
            assert flag in notes, f"{case['id']}: flag {flag} has no note"
    doc = {"suite": name, "description": description, "notes": notes, "cases": cases}
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    (VECTORS / f"{name}.json").write_text(text, encoding="utf-8")
    return len(cases)


def make_case(case_id, inp, expect, *, flags=(), comment=None):
    """One vector case in the documented key order."""
    out = {"id": case_id}
    if comment:
        out["comment"] = comment
    if flags:
        out["flags"] = list(flags)
    out["input"] = inp
    out["expect"] = expect
    return out


def compact(value):
    """JSON text the way Meta sends it: no spaces."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def escaped(value):
    """JSON text with every non-ASCII character as a \\u escape."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True)


def canonical(value):
    """The bytes msgrkit hashes for a dedupe key: sorted keys, no spaces, raw UTF-8."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode()


def dedupe_key(kind, payload, sender, timestamp):
    """Natural keys where Meta gives one, else a hash of the sorted payload JSON."""
    p = payload if isinstance(payload, dict) else {}
    who = (sender or {}).get("id") or (sender or {}).get("user_ref") or "-"
    when = "-" if timestamp is None else str(timestamp)
    mid = p.get("mid")
    if kind in ("message", "echo", "message_deleted", "postback") and mid is not None:
        return f"{kind}:{mid}"
    if kind == "message_edit" and mid is not None:
        return f"{kind}:{mid}:{p.get('num_edit', '-')}"
    if kind in ("delivery", "read") and p.get("watermark") is not None:
        return f"{kind}:{who}:{p['watermark']}"
    if kind == "read" and mid is not None:
        return f"{kind}:{who}:{mid}"
    if kind == "reaction" and mid is not None:
        return f"{kind}:{who}:{when}:{p.get('action', '-')}:{mid}"
    digest = hashlib.sha256(canonical(payload)).hexdigest()[:16]
    if kind == "comment" and p.get("comment_id") is not None:
        verb = p.get("verb", "-")
        # Added and removed once; edited, hidden, unhidden again and again.
        if verb in ("-", "add", "remove"):
            return f"{kind}:{p['comment_id']}:{verb}"
        return f"{kind}:{p['comment_id']}:{verb}:{when}:{digest}"
    return f"{kind}:{who}:{when}:{digest}"


def conversation_key(kind, platform, page, sender, recipient):
    """`<platform>:<page>:<customer>`: the recipient of an echo or of a Page's own event."""
    def key(party):
        return (party or {}).get("id") or (party or {}).get("user_ref")
    who = key(sender)
    customer = key(recipient) if kind == "echo" or (who is not None and who == page) else who
    return f"{platform}:{page or '-'}:{customer or '-'}"


def event(kind, payload, *, page, sender, recipient, timestamp, standby=False, platform="messenger"):
    """The normalised event every language returns."""
    return {
        "type": kind,
        "platform": platform,
        "page_id": page,
        "sender": sender,
        "recipient": recipient,
        "timestamp": timestamp,
        "standby": standby,
        "dedupe_key": dedupe_key(kind, payload, sender, timestamp),
        "conversation_key": conversation_key(kind, platform, page, sender, recipient),
        kind: payload,
    }
