"""`msgrkit.emit` output read by the vendors' own Python SDKs (pinned in scripts/pytest):
Sinch's `sinch` package checks each callback's signature and parses it into its typed
event, and the Sunshine Conversations client's event models read each Sunshine event.
Every input of the emit vectors is emitted afresh; a field the SDK's model does not know
fails the test unless it is listed below with the vendor documentation that shows it."""

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, List

import pytest
import sunshine_conversations_client.model as sunshine
from pydantic import BaseModel
from sinch.domains.conversation.sinch_events.v1 import ConversationSinchEvent  # type: ignore[import-untyped]

import msgrkit

ROOT = Path(__file__).resolve().parents[2]
SECRET = "sinch-callback-secret"
CASES = [case for case in json.loads((ROOT / "tests/vectors/emit.json").read_text())["cases"]
         if case["input"].get("vendor") in ("sinch", "sunshine") and "ok" in case["expect"]
         and case["input"]["call"] in ("emit", "outcome") and case["expect"]["ok"]["callbacks"]]

# The Sinch SDK's typed event for each trigger key; the two others it keeps as its base
# event with the field untyped (Sinch's Messenger page shows both: vendor-formats.md).
SINCH_TYPES = {"message": "MessageInboundEvent", "message_delivery_report": "MessageDeliveryReceiptEvent"}
SINCH_UNTYPED = {"conversation_start_notification", "unsupported_callback"}
SUNSHINE_TYPES = {
    "conversation:message": "ConversationMessageEvent",
    "conversation:postback": "ConversationPostbackEvent",
    "conversation:read": "ConversationReadEvent",
    "conversation:typing": "ConversationTypingEvent",
    "conversation:referral": "ConversationReferralEvent",
    "conversation:message:delivery:user": "ConversationMessageDeliveryUserEvent",
    "conversation:message:delivery:channel": "ConversationMessageDeliveryChannelEvent",
    "conversation:message:delivery:failure": "ConversationMessageDeliveryFailureEvent",
}
# Shown by the Smooch guide (vendor-formats.md, Smooch item 34: the raw Graph error), absent
# from the v2 SDK's model: kept for hosts that read it, not read by this SDK.
SUNSHINE_BEYOND_SDK = {".payload.error.underlyingError"}
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def emitted(case: Dict[str, Any], **extra: Any) -> Any:
    given = case["input"]
    config = {**given["config"], **extra}
    if given["call"] == "outcome":
        return msgrkit.emit_outcome(given["vendor"], given["outcome"], **config)
    return msgrkit.emit(given["vendor"], given["body"], **config)


def instant(text: str) -> datetime:
    """An ISO instant, `Z` or offset, on Python 3.9 too (its fromisoformat refuses `Z`)."""
    if text.endswith("Z"):
        return datetime.strptime(text[:-1] + "+0000", "%Y-%m-%dT%H:%M:%S.%f%z")
    return datetime.fromisoformat(text)


def read_back(value: Any) -> Any:
    """What an SDK model holds, by wire name; a field it does not know is marked."""
    if hasattr(value, "actual_instance"):  # a oneOf wrapper of the Sunshine client
        return read_back(value.actual_instance)
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        out = {(info.alias or name): read_back(getattr(value, name))
               for name, info in fields.items() if getattr(value, name) is not None}
        for key, unknown in (value.model_extra or {}).items():
            out[key] = ("unknown to the SDK", unknown)
        return out
    if isinstance(value, list):
        return [read_back(item) for item in value]
    return value.isoformat() if isinstance(value, datetime) else value


def differences(sent: Any, read: Any, path: str = "") -> List[str]:
    if isinstance(read, tuple) and read and read[0] == "unknown to the SDK":
        return [f"{path}: unknown to the SDK"]
    if isinstance(sent, dict):
        if not isinstance(read, dict):
            return [f"{path}: read as {read!r}"]
        return [found for key, value in sent.items()
                for found in (differences(value, read[key], f"{path}.{key}") if key in read
                              else [f"{path}.{key}: not read"])]
    if isinstance(sent, list) and isinstance(read, list) and len(sent) == len(read):
        return [found for i, (a, b) in enumerate(zip(sent, read)) for found in differences(a, b, f"{path}[{i}]")]
    if isinstance(sent, str) and ISO.match(sent) and isinstance(read, str):
        return [] if instant(sent) == instant(read) else [f"{path}: {sent} read as {read}"]
    return [] if sent == read else [f"{path}: {sent!r} read as {read!r}"]


SINCH = [case for case in CASES if case["input"]["vendor"] == "sinch"]
SUNSHINE = [case for case in CASES if case["input"]["vendor"] == "sunshine"]


@pytest.mark.parametrize("case", SINCH, ids=[case["id"] for case in SINCH])
def test_sinch_sdk_verifies_and_parses_every_callback(case: Dict[str, Any]) -> None:
    out = emitted(case, secret=SECRET, nonce="01FJA8B4A7BM43YGWSG9GBV067",
                  timestamp=case["input"]["config"].get("timestamp", 1605514662))
    assert out["callbacks"], case["id"]
    receiver = ConversationSinchEvent(SECRET)
    for callback in out["callbacks"]:
        body = callback["body_text"]
        assert receiver.validate_authentication_header(callback["headers"], body), case["id"]
        assert not ConversationSinchEvent("another secret").validate_authentication_header(callback["headers"], body)
        event = receiver.parse_event(body)
        sent = json.loads(body)
        typed = [key for key in SINCH_TYPES if key in sent]
        if typed:
            assert type(event).__name__ == SINCH_TYPES[typed[0]], case["id"]
            assert differences(sent, read_back(event)) == [], case["id"]
        else:
            assert SINCH_UNTYPED & set(sent), f"{case['id']}: no trigger the SDK knows in {sorted(sent)}"
            for key in SINCH_UNTYPED & set(sent):
                assert read_back(event)[key] == ("unknown to the SDK", sent[key])


@pytest.mark.parametrize("case", SUNSHINE, ids=[case["id"] for case in SUNSHINE])
def test_sunshine_client_models_read_every_event_in_full(case: Dict[str, Any]) -> None:
    out = emitted(case)
    for callback in out["callbacks"]:
        envelope = json.loads(callback["body_text"])
        assert envelope["webhook"]["version"] == "v2"
        for event in envelope["events"]:
            model = getattr(sunshine, SUNSHINE_TYPES[event["type"]]).from_dict(event)
            found = differences(event, read_back(model))
            assert [f for f in found if f.split(":")[0] not in SUNSHINE_BEYOND_SDK] == [], case["id"]


def test_every_sinch_and_sunshine_emit_case_is_read() -> None:
    assert len(SINCH) >= 15 and len(SUNSHINE) >= 3
