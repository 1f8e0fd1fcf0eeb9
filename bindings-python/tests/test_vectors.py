"""Every case of every file in tests/vectors/, through the Python API (one test per `id`).

The call each case makes is chosen as in the other runners (tests/vectors/README.md);
outputs are compared as JSON values, errors by code and field, never by message text.
"""

import json
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Tuple

import pytest

import msgrkit

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"
SUITES = ["signature", "webhook", "send", "policy", "compose", "dialect", "graph", "link", "emit", "entries"]


def body_of(case_input: Dict[str, Any]) -> bytes:
    if "body_hex" in case_input:
        return bytes.fromhex(case_input["body_hex"])
    text: str = case_input["body"]
    return text.encode("utf-8")


def without(value: Any, key: str) -> Any:
    """`value` with every `key` removed, at any depth (free text is never compared)."""
    if isinstance(value, dict):
        return {k: without(v, key) for k, v in value.items() if k != key}
    if isinstance(value, list):
        return [without(v, key) for v in value]
    return value


def decided(call: Callable[[], Any]) -> Any:
    """A policy answer in the vectors' form: the decision, or `{"refusal": ...}`."""
    try:
        return call()
    except msgrkit.PolicyError as refused:
        assert refused.code == refused.refusal["code"]
        assert refused.field is None
        return {"refusal": refused.refusal}


def comparable(parsed: Mapping[str, Any]) -> Dict[str, Any]:
    """A notification without the free-text messages of its errors and warnings."""
    out: Dict[str, Any] = {**parsed}
    for key in ("errors", "warnings"):
        if key in parsed:
            out[key] = [{k: v for k, v in e.items() if k != "message"} for e in parsed[key]]
    return out


def signature_case(i: Dict[str, Any]) -> Any:
    secret, sha1 = i.get("app_secret", ""), bool(i.get("allow_sha1"))
    body = body_of(i) if "body" in i or "body_hex" in i else b""
    call = i.get("call", "verify")
    if call == "verify_any":
        return msgrkit.verify_signature_any(i["app_secrets"], body, i["header"], allow_sha1=sha1)
    if call == "verify":
        return msgrkit.verify_signature(secret, body, i["header"], allow_sha1=sha1)
    if call == "sign":
        return msgrkit.sign(secret, body)
    if call == "verify_headers":
        return msgrkit.verify_signature_headers(secret, body, i["headers"], allow_sha1=sha1)
    if call == "head":
        return msgrkit.check_webhook_head([tuple(pair) for pair in i["headers"]], allow_sha1=sha1,
                                          max_body_bytes=i.get("max_body_bytes"))
    if call == "record":
        return json.loads(msgrkit.record_delivery(body, [tuple(p) for p in i["headers"]], secret, i["delivery"]))
    raise AssertionError(f"no Python runner for signature.{call}")


def webhook_case(i: Dict[str, Any]) -> Any:
    call = i.get("call", "parse")
    if call == "parse":
        return comparable(msgrkit.parse_webhook(body_of(i), max_body_bytes=i.get("max_body_bytes")))
    if call == "receive":
        headers = [tuple(pair) for pair in i["headers"]]
        received = msgrkit.receive_webhook(i["app_secrets"], body_of(i), headers)
        return {**received, "notification": comparable(received["notification"])}
    if call == "conversation_keys":
        return [e["conversation_key"] for e in msgrkit.parse_webhook(body_of(i))["events"]]
    if call == "handshake":
        query = i["query"] if "query" in i else i["params"]
        return msgrkit.verify_handshake(query, i["verify_token"])
    if call == "is_own_echo":
        return msgrkit.events_own_echo(body_of(i), i["app_id"])
    if call == "covered":
        return msgrkit.events_covered(body_of(i), i["sent"])
    raise AssertionError(f"no Python runner for webhook.{call}")


def send_case(i: Dict[str, Any]) -> Any:
    call = i.get("call", "validate")
    if call == "validate":
        # Every key but call and body is an option, a misspelt one too (the core refuses it).
        options = {k: v for k, v in i.items() if k not in ("call", "body")}
        found = msgrkit.validate(i["body"], **options)
        return without(found, "detail")
    if call == "roundtrip":
        return msgrkit.normalize(i["body"])
    if call == "prepare":
        args = {k: v for k, v in i.items() if k != "call"}
        return without(decided(lambda: msgrkit.prepare_send(**args)), "detail")
    raise AssertionError(f"no Python runner for send.{call}")


def policy_case(i: Dict[str, Any]) -> Any:
    args = {k: v for k, v in i.items() if k != "call"}
    call = i.get("call", "decide")
    if call == "decide":
        return without(decided(lambda: msgrkit.decide_policy(**args)), "detail")
    if call == "private_reply":
        return without(decided(lambda: msgrkit.decide_private_reply(**args)), "detail")
    raise AssertionError(f"no Python runner for policy.{call}")


def compose_case(i: Dict[str, Any]) -> Any:
    options = i.get("options", {})
    if i.get("call") == "menu":
        return without(msgrkit.menu(i["menu"], **options), "detail")
    return without(msgrkit.compose(i["message"], **options), "detail")


def dialect_case(i: Dict[str, Any]) -> Any:
    options, dialect = i.get("options", {}), i["dialect"]
    call = i.get("call", "transcode")
    if call == "transcode":
        from_dict = msgrkit.transcode(i["body"], dialect=dialect, **options)
        from_text = msgrkit.transcode(json.dumps(i["body"]), dialect=dialect, **options)
        assert from_dict == from_text, "the JSON-text path differs from the dict path"
        return without(from_dict, "detail")
    if call == "menu":
        return without(msgrkit.menu(i["body"], dialect=dialect, **options), "detail")
    raise AssertionError(f"no Python runner for dialect.{call}")


def graph_case(i: Dict[str, Any]) -> Any:
    kind = i["kind"]
    if kind == "request":
        config = dict(i["config"])
        return msgrkit.Graph(config.pop("token", None), **config).request(i["call"], **i["args"])
    if kind == "response":
        try:
            return {"ok": msgrkit.graph_parse_response(i["status"], i["headers"], i["body"])}
        except msgrkit.GraphApiError as e:
            assert (e.status, e.graph_code, e.subcode) == (
                e.graph["status"],
                e.graph.get("code"),
                e.graph.get("subcode"),
            )
            assert e.fbtrace_id == e.graph.get("fbtrace_id")
            assert e.retry_after == e.graph.get("retry_after")
            return {"error": {"code": e.code, "retryable": e.retryable, "graph": e.graph}}
    if kind == "usage":
        usage = msgrkit.graph_usage(i["headers"])
        return {"highest": usage["highest"], "regain_after_seconds": usage["regain_after_seconds"]}
    if kind == "user_profile":
        return {"profile": msgrkit.graph_parse_user_profile(i["status"], i["headers"], i["body"])}
    if kind == "diagnose":
        found = msgrkit.graph_diagnose(i["answers"])
        return [{"code": f["code"], "severity": f["severity"]} for f in found]
    raise AssertionError(f"no Python runner for graph kind {kind}")


def entries_case(i: Dict[str, Any]) -> Any:
    """An entry made from the table, reached by its name: one runner for all of them."""
    function = getattr(msgrkit, i["function"], None)
    if function is None:
        pytest.fail(f"{i['function']}: not exposed in Python")
    return function(**i["args"])


def link_case(i: Dict[str, Any]) -> Any:
    call = i.get("call", "link")
    if call == "link":
        return msgrkit.chat_link(**i["link"])
    if call == "parse":
        return msgrkit.parse_chat_link(i["url"])
    if call == "round_trip":
        url = msgrkit.chat_link(**i["link"])
        refs = []
        for event in msgrkit.parse_webhook(i["body"])["events"]:
            if event["type"] == "postback":
                refs.append(event["postback"]["referral"]["ref"])
            elif event["type"] == "referral":
                refs.append(event["referral"]["ref"])
        return {"parsed": msgrkit.parse_chat_link(url), "refs": refs}
    if call == "qr":
        svg = msgrkit.qr_svg(i["text"], **i["options"])
        return svg.startswith("<?xml") and svg.rstrip().endswith("</svg>")
    raise AssertionError(f"no Python runner for link.{call}")


def emit_case(i: Dict[str, Any]) -> Any:
    call, vendor, config = i["call"], i["vendor"], i.get("config", {})
    if call == "emit":
        return without(msgrkit.emit(vendor, i["body"], **config), "detail")
    if call == "outcome":
        return without(msgrkit.emit_outcome(vendor, i["outcome"], **config), "detail")
    if call == "verify":
        # Headers as the pairs a web framework hands over.
        msgrkit.verify_callback(vendor, i["body"].encode(), [tuple(p) for p in i["headers"]], i["secret"])
        return True
    raise AssertionError(f"no Python runner for emit.{call}")


RUNNERS: Dict[str, Callable[[Dict[str, Any]], Any]] = {
    "signature": signature_case,
    "webhook": webhook_case,
    "send": send_case,
    "policy": policy_case,
    "compose": compose_case,
    "dialect": dialect_case,
    "graph": graph_case,
    "link": link_case,
    "emit": emit_case,
    "entries": entries_case,
}


def all_cases() -> List[Tuple[str, Dict[str, Any]]]:
    cases = []
    for suite in SUITES:
        document = json.loads((VECTORS / f"{suite}.json").read_text(encoding="utf-8"))
        cases += [(suite, case) for case in document["cases"]]
    return cases


CASES = all_cases()


def test_every_vector_file_is_run() -> None:
    files = sorted(p.stem for p in VECTORS.glob("*.json"))
    assert files == sorted(SUITES)


@pytest.mark.parametrize(("suite", "case"), CASES, ids=[case["id"] for _, case in CASES])
def test_vector(suite: str, case: Dict[str, Any]) -> None:
    expect = case["expect"]
    assert ("ok" in expect) != ("error" in expect), "expect holds exactly one of ok and error"
    try:
        actual = RUNNERS[suite](case["input"])
    except msgrkit.MsgrkitError as error:
        assert "error" in expect, f"got error {error.code} at {error.field}: {error}"
        wanted = expect["error"]
        assert error.code == wanted["code"], f"{error.code} at {error.field}: {error}"
        if "field" in wanted:
            assert error.field == wanted["field"]
        return
    assert "ok" in expect, f"got ok {actual!r}, want error {expect['error']}"
    assert actual == expect["ok"]
