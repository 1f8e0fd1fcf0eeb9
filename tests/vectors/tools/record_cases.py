"""Cases of `record` (in tests/vectors/signature.json): one delivery a host received, and its
answer, as a line of a recording for `msgrkit replay`. The expected lines are written here
from the format's description (docs/sandbox.md, "Record and replay"), not from the Rust."""

import hashlib
import hmac

from common import compact

SECRET = "record-app-secret"
BODY = compact({"object": "page", "entry": [{"id": "106000000000001", "time": 1700000000000, "messaging": [{
    "sender": {"id": "6500000000000001"}, "recipient": {"id": "106000000000001"}, "timestamp": 1700000000000,
    "message": {"mid": "m_1", "text": "hi"}}]}]})
MARK = "<signed>"

NOTES = {"record": "a delivery and the host's answer as one line of a recording: signatures marked, no secret"}


def signed(secret, body=BODY):
    return [
        ["Content-Type", "application/json"],
        ["X-Hub-Signature-256", "sha256=" + hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()],
        ["X-Hub-Signature", "sha1=" + hmac.new(secret.encode(), body.encode(), hashlib.sha1).hexdigest()],
        ["Authorization", "Bearer a-token"],
        ["Host", "bot.example.com"],
        ["Facebook-API-Version", "v27.0"],
    ]


KEPT = {"content-type": "application/json", "x-hub-signature-256": MARK, "x-hub-signature": MARK,
        "facebook-api-version": "v27.0"}
FACTS = {"seq": 3, "at_ms": 1700000000123, "path": "/webhook?app=1", "elapsed_ms": 12}


def line(**rest):
    out = {"seq": 3, "at_ms": 1700000000123, "path": "/webhook?app=1", "headers": KEPT, "body": BODY,
           "signature_valid": True, "events": ["message"], "elapsed_ms": 12}
    out.update(rest)
    return out


def case(name, expect, *, headers=None, delivery=None, body=BODY, body_hex=None, comment=None):
    inp = {"call": "record", "app_secret": SECRET, "headers": headers or signed(SECRET),
           "delivery": delivery or {**FACTS, "answer": {"status": 200, "body": "EVENT_RECEIVED"}}}
    if body_hex is None:
        inp["body"] = body
    else:
        inp["body_hex"] = body_hex
    out = {"id": f"signature/record/{name}", "flags": ["record"], "input": inp, "expect": expect}
    if comment:
        out["comment"] = comment
    return out


def cases():
    long_answer = "é" * 3000  # 6000 bytes: cut at 4096 bytes, on a character boundary
    return [
        case("answered", {"ok": line(answer={"status": 200, "body": "EVENT_RECEIVED"})},
             comment="both signature headers marked; Authorization and Host left out; the secret nowhere"),
        case("forged", {"ok": line(signature_valid=False, answer={"status": 200, "body": "EVENT_RECEIVED"})},
             headers=signed("another-secret"), comment="recorded as it came, marked invalid"),
        case("no-answer", {"ok": line(error="timed out after 20 s")},
             delivery={**FACTS, "error": "timed out after 20 s"}),
        case("answer-cut", {"ok": line(answer={"status": 400, "body": "é" * 2048, "truncated": True})},
             delivery={**FACTS, "answer": {"status": 400, "body": long_answer}}),
        case("not-a-webhook", {"ok": line(body="{}", events=[], signature_valid=False,
                                          answer={"status": 400, "body": ""})},
             body="{}", delivery={**FACTS, "answer": {"status": 400}},
             comment="kept exactly though it holds no event (the signature is over the other body)"),
        case("answer-and-error", {"error": {"code": "invalid_input", "field": "delivery.answer"}},
             delivery={**FACTS, "answer": {"status": 200}, "error": "x"}),
        case("neither-answer-nor-error", {"error": {"code": "required", "field": "delivery.answer"}},
             delivery=FACTS),
        case("unknown-key", {"error": {"code": "invalid_input", "field": "delivery.sequence"}},
             delivery={**FACTS, "sequence": 1, "answer": {"status": 200}}),
        case("not-utf8", {"error": {"code": "invalid_utf8", "field": "body"}}, body_hex="7b22ff227d"),
    ]
