"""Cases for tests/vectors/signature.json. Expected digests come from Python's hmac module,
an implementation independent of the Rust one under test."""

import hashlib
import hmac

from common import compact, escaped

SECRET = "3a9f6c1d2e8b47f0a5c3d9e1b7f20468"
BODY = compact({"object": "page", "entry": [{"id": "106000000000001", "time": 1700000000000, "messaging": []}]})
NON_ASCII = {
    "object": "page",
    "entry": [{"id": "106000000000001", "time": 1700000000000, "messaging": [{
        "sender": {"id": "6500000000000001"}, "recipient": {"id": "106000000000001"},
        "timestamp": 1700000000000,
        "message": {"mid": "m_pates", "text": "pâtes à l'ail 😀 — Grüße, 你好"}}]}],
}
RAW_UTF8 = compact(NON_ASCII)
U_ESCAPED = escaped(NON_ASCII)

NOTES = {
    "non_ascii": "the body holds non-ASCII text; the signature covers the exact bytes, raw UTF-8 or \\u-escaped",
    "reserialised": "the body was re-serialised after signing (escapes, spacing); it must not verify",
    "modified_tag": "the digest differs from the correct HMAC",
    "legacy_sha1": "X-Hub-Signature with sha1=, accepted only when allow_sha1 is set",
    "malformed_header": "the header value is not a well-formed `algorithm=hex` pair",
    "header_list": "the signature header is looked up in a list of (name, value) pairs",
}


def sha256(secret, body: bytes):
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def sha1(secret, body: bytes):
    return "sha1=" + hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


def verify(id_, header, *, body=BODY, body_hex=None, secret=SECRET, allow_sha1=None, ok=None, error=None, flags=(), comment=None):
    inp = {"app_secret": secret}
    if body_hex is not None:
        inp["body_hex"] = body_hex
    else:
        inp["body"] = body
    inp["header"] = header
    if allow_sha1 is not None:
        inp["allow_sha1"] = allow_sha1
    case = {"id": id_}
    if comment:
        case["comment"] = comment
    if flags:
        case["flags"] = list(flags)
    case["input"] = inp
    case["expect"] = {"ok": ok} if error is None else {"error": {"code": error}}
    return case


def cases():
    good = sha256(SECRET, BODY.encode())
    digest = good[len("sha256="):]
    flipped_first = "sha256=" + format(int(digest[0], 16) ^ 1, "x") + digest[1:]
    flipped_last = "sha256=" + digest[:-1] + format(int(digest[-1], 16) ^ 8, "x")
    binary = bytes(range(256)) + b"\xff\xfe"
    out = [
        verify("signature/valid/minimal", good, ok="sha256", comment="smallest well-formed delivery"),
        verify("signature/valid/uppercase-hex", "sha256=" + digest.upper(), ok="sha256"),
        verify("signature/valid/mixed-case-hex", "sha256=" + "".join(c.upper() if i % 2 else c for i, c in enumerate(digest)), ok="sha256"),
        verify("signature/valid/uppercase-algorithm-name", "SHA256=" + digest, ok="sha256"),
        verify("signature/valid/surrounding-spaces-trimmed", " \t" + good + " ", ok="sha256", comment="RFC 9110 field values carry no surrounding whitespace"),
        verify("signature/valid/empty-body", sha256(SECRET, b""), body="", ok="sha256"),
        verify("signature/valid/raw-utf8-body", sha256(SECRET, RAW_UTF8.encode()), body=RAW_UTF8, ok="sha256", flags=["non_ascii"]),
        verify("signature/valid/u-escaped-body", sha256(SECRET, U_ESCAPED.encode()), body=U_ESCAPED, ok="sha256", flags=["non_ascii"],
               comment="Meta sends non-ASCII as \\u escapes; the escaped bytes are what is signed"),
        verify("signature/invalid/u-escaped-reserialisation-of-raw-utf8", sha256(SECRET, RAW_UTF8.encode()), body=U_ESCAPED,
               error="signature_mismatch", flags=["non_ascii", "reserialised"],
               comment="signed as raw UTF-8, delivered \\u-escaped: a host that re-serialised the parsed body"),
        verify("signature/invalid/raw-utf8-reserialisation-of-u-escaped", sha256(SECRET, U_ESCAPED.encode()), body=RAW_UTF8,
               error="signature_mismatch", flags=["non_ascii", "reserialised"],
               comment="signed \\u-escaped, verified after JSON.parse + JSON.stringify (raw UTF-8)"),
        verify("signature/invalid/pretty-printed-reserialisation", good, body=BODY.replace(",", ", ").replace(":", ": "),
               error="signature_mismatch", flags=["reserialised"]),
        verify("signature/invalid/body-with-added-newline", good, body=BODY + "\n", error="signature_mismatch", flags=["reserialised"]),
        verify("signature/valid/binary-body-hex", sha256(SECRET, binary), body_hex=binary.hex(), ok="sha256",
               comment="the signature covers bytes, even bytes that are not UTF-8"),
        verify("signature/invalid/flipped-bit-first-digit", flipped_first, error="signature_mismatch", flags=["modified_tag"]),
        verify("signature/invalid/flipped-bit-last-digit", flipped_last, error="signature_mismatch", flags=["modified_tag"]),
        verify("signature/invalid/all-zero-digest", "sha256=" + "0" * 64, error="signature_mismatch", flags=["modified_tag"]),
        verify("signature/invalid/wrong-secret", sha256("another-secret", BODY.encode()), error="signature_mismatch", flags=["modified_tag"]),
        verify("signature/invalid/empty-secret", sha256("", BODY.encode()), secret="", error="app_secret_empty",
               comment="fail closed: an empty secret never verifies, even a digest made with it"),
        verify("signature/invalid/empty-header", "", error="signature_missing", flags=["malformed_header"]),
        verify("signature/invalid/blank-header", "   ", error="signature_missing", flags=["malformed_header"]),
        verify("signature/invalid/bare-hex-no-prefix", digest, error="signature_malformed", flags=["malformed_header"]),
        verify("signature/invalid/unsupported-algorithm-md5", "md5=" + hashlib.md5(BODY.encode()).hexdigest(),
               error="signature_unsupported_algorithm", flags=["malformed_header"]),
        verify("signature/invalid/unsupported-algorithm-sha512", "sha512=" + "a" * 128,
               error="signature_unsupported_algorithm", flags=["malformed_header"]),
        verify("signature/invalid/empty-digest", "sha256=", error="signature_wrong_length", flags=["malformed_header"]),
        verify("signature/invalid/digest-63-digits", good[:-1], error="signature_wrong_length", flags=["malformed_header"]),
        verify("signature/invalid/digest-65-digits", good + "0", error="signature_wrong_length", flags=["malformed_header"]),
        verify("signature/invalid/sha1-digest-in-sha256-header", "sha256=" + sha1(SECRET, BODY.encode())[5:],
               error="signature_wrong_length", flags=["malformed_header"]),
        verify("signature/invalid/non-hex-digit", good[:17] + "g" + good[18:], error="signature_not_hex", flags=["malformed_header"]),
        verify("signature/invalid/trailing-newline", good + "\n", error="signature_trailing_data", flags=["malformed_header"]),
        verify("signature/invalid/trailing-second-signature", good + ",sha1=" + sha1(SECRET, BODY.encode())[5:],
               error="signature_trailing_data", flags=["malformed_header"]),
        verify("signature/invalid/sha1-not-allowed", sha1(SECRET, BODY.encode()), error="signature_sha1_not_allowed", flags=["legacy_sha1"]),
        verify("signature/valid/sha1-allowed", sha1(SECRET, BODY.encode()), allow_sha1=True, ok="sha1", flags=["legacy_sha1"]),
        verify("signature/valid/sha256-with-sha1-allowed", good, allow_sha1=True, ok="sha256", flags=["legacy_sha1"]),
        verify("signature/invalid/sha1-allowed-but-forged", "sha1=" + "1" * 40, allow_sha1=True, error="signature_mismatch", flags=["legacy_sha1", "modified_tag"]),
        verify("signature/invalid/sha1-allowed-wrong-length", sha1(SECRET, BODY.encode()) + "00", allow_sha1=True,
               error="signature_wrong_length", flags=["legacy_sha1", "malformed_header"]),
        {"id": "signature/sign/sha256", "input": {"call": "sign", "app_secret": SECRET, "body": RAW_UTF8},
         "expect": {"ok": sha256(SECRET, RAW_UTF8.encode())}},
        {"id": "signature/sign/empty-body", "input": {"call": "sign", "app_secret": SECRET, "body": ""},
         "expect": {"ok": sha256(SECRET, b"")}},
    ]
    headers = [
        ("case-insensitive-name", [["Content-Type", "application/json"], ["x-hub-signature-256", good]], None, {"ok": "sha256"}),
        ("prefers-sha256-over-sha1", [["X-Hub-Signature", "sha1=" + "0" * 40], ["X-HUB-SIGNATURE-256", good]], True, {"ok": "sha256"}),
        ("only-sha1-not-allowed", [["X-Hub-Signature", sha1(SECRET, BODY.encode())]], None, {"error": {"code": "signature_sha1_not_allowed"}}),
        ("only-sha1-allowed", [["x-hub-signature", sha1(SECRET, BODY.encode())]], True, {"ok": "sha1"}),
        ("missing", [["Content-Type", "application/json"]], None, {"error": {"code": "signature_missing"}}),
        ("duplicate", [["X-Hub-Signature-256", good], ["x-hub-signature-256", good]], None, {"error": {"code": "signature_duplicate"}}),
        ("present-but-forged", [["X-Hub-Signature-256", flipped_last]], None, {"error": {"code": "signature_mismatch"}}),
    ]
    for name, hs, allow, expect in headers:
        inp = {"call": "verify_headers", "app_secret": SECRET, "body": BODY, "headers": hs}
        if allow is not None:
            inp["allow_sha1"] = allow
        out.append({"id": f"signature/headers/{name}", "flags": ["header_list"], "input": inp, "expect": expect})
    out.append({"id": "signature/headers/empty-secret-checked-first", "flags": ["header_list"],
                "input": {"call": "verify_headers", "app_secret": "", "body": BODY, "headers": []},
                "expect": {"error": {"code": "app_secret_empty"}}})
    return out + head_cases(good)


def head_cases(good):
    """The head of a request judged before its body is read: how many bytes to read."""
    signed = ["X-Hub-Signature-256", good]
    heads = [
        ("reads-the-content-length", [signed, ["Content-Length", "81"]], None, {"ok": 81}),
        ("names-are-case-insensitive", [["x-hub-signature-256", good], ["content-length", " 0 "]], None, {"ok": 0}),
        ("at-the-limit", [signed, ["Content-Length", "1024"]], 1024, {"ok": 1024}),
        ("past-the-limit", [signed, ["Content-Length", "1025"]], 1024, {"error": {"code": "body_too_large"}}),
        ("past-the-default-limit", [signed, ["Content-Length", "314572800"]], None, {"error": {"code": "body_too_large"}}),
        ("more-digits-than-any-size", [signed, ["Content-Length", "9" * 40]], None, {"error": {"code": "body_too_large"}}),
        ("unsigned-is-refused-unread", [["Content-Length", "314572800"]], None, {"error": {"code": "signature_missing"}}),
        ("no-content-length", [signed, ["Transfer-Encoding", "chunked"]], None,
         {"error": {"code": "required", "field": "headers.content-length"}}),
        ("not-a-number", [signed, ["Content-Length", "abc"]], None,
         {"error": {"code": "invalid_input", "field": "headers.content-length"}}),
        ("negative", [signed, ["Content-Length", "-1"]], None,
         {"error": {"code": "invalid_input", "field": "headers.content-length"}}),
        ("plus-sign", [signed, ["Content-Length", "+5"]], None,
         {"error": {"code": "invalid_input", "field": "headers.content-length"}}),
        ("two-that-differ", [signed, ["Content-Length", "5"], ["content-length", "6"]], None,
         {"error": {"code": "invalid_input", "field": "headers.content-length"}}),
        ("two-that-agree", [signed, ["Content-Length", "5"], ["content-length", "5"]], None, {"ok": 5}),
    ]
    out = []
    for name, hs, limit, expect in heads:
        inp = {"call": "head", "headers": hs}
        if limit is not None:
            inp["max_body_bytes"] = limit
        out.append({"id": f"signature/head/{name}", "flags": ["header_list"], "input": inp, "expect": expect,
                    "comment": "a receiver reads only this many bytes: an unsigned or oversize POST is refused unread"})
    return out
