"""The committed JSON Schema against the vectors: every vector's expected output is valid
against the root that describes its call (schema_support.CALLS)."""

import json
from typing import Any, Dict, List

import pytest

from schema_support import CALLS, PARTIAL, VECTORS, call_of, load, validator

OUTPUTS = load("outputs")


def vector_cases() -> List[Any]:
    cases = []
    for path in sorted(VECTORS.glob("*.json")):
        with open(path, encoding="utf-8") as f:
            suite = json.load(f)
        for case in suite["cases"]:
            if "ok" in case["expect"]:
                cases.append(pytest.param(suite["suite"], case, id=case["id"]))
    return cases


def test_every_call_has_an_output_root() -> None:
    calls = {(p.values[0], call_of(p.values[0], p.values[1])) for p in vector_cases()}
    assert sorted(calls - set(CALLS)) == []
    assert sorted(set(CALLS) - calls) == []


@pytest.mark.parametrize("suite,case", vector_cases())
def test_vector_output_matches_the_schema(suite: str, case: Dict[str, Any]) -> None:
    call = (suite, call_of(suite, case))
    check = validator(OUTPUTS, CALLS[call], partial=PARTIAL.get(call, ()))
    problems = [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in check.iter_errors(case["expect"]["ok"])
    ]
    assert problems == []


# Every output TypedDict of msgrkit.types / msgrkit.events / msgrkit.callbacks, by the
# schema root it describes. Nested TypedDicts are reached through their fields.
HOST_TYPES = {
    "Notification": "Notification",
    "Event": "Event",
    "EventError": "EventError",
    "EntryWarning": "EntryWarning",
    "Received": "Received",
    "Verified": "Verified",
    "HandshakeAnswer": "HandshakeAnswer",
    "Violation": "Violation",
    "Decision": "Decision",
    "Refusal": "Refusal",
    "TranscodeWarning": "TranscodeWarning",
    "Transcoded": "Transcoded",
    "Composed": "Composed",
    "MenuComposed": "MenuComposed",
    "PreparedSend": "PreparedSend",
    "GraphRequest": "GraphRequest",
    "Finding": "Finding",
    "ChatLinkParts": "ChatLinkParts",
    "Emitted": "Emitted",
    "Callback": "Callback",
    "EmitWarning": "EmitWarning",
}


@pytest.mark.parametrize("name", sorted(HOST_TYPES))
def test_python_host_type_matches_the_schema(name: str) -> None:
    import msgrkit.callbacks
    import msgrkit.types

    from host_types import Schemas, drift

    module = msgrkit.types if hasattr(msgrkit.types, name) else msgrkit.callbacks
    annotation = getattr(module, name)
    assert drift(Schemas(OUTPUTS), annotation, HOST_TYPES[name]) == []


def webhook_bodies() -> List[Any]:
    with open(VECTORS / "webhook.json", encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    return [
        pytest.param(c["input"], id=c["id"])
        for c in cases
        if "ok" in c["expect"] and c["input"].get("call", "parse") == "parse"
    ]


@pytest.mark.parametrize("given", webhook_bodies())
def test_parsed_webhooks_match_the_schema_words_and_all(given: Dict[str, Any]) -> None:
    """What the binding really returns, free text included, is what the schema says."""
    import msgrkit

    body = bytes.fromhex(given["body_hex"]) if "body_hex" in given else given["body"].encode()
    notification = msgrkit.parse_webhook(body)
    check = validator(OUTPUTS, "Notification", words=False)
    assert [e.message for e in check.iter_errors(notification)] == []
