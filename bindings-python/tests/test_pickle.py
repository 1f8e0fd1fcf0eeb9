"""Every exception pickles and unpickles with its message, code, field and details, also
across processes: Celery, RQ and multiprocessing carry errors that way."""

import multiprocessing
import pickle
from typing import Any, Dict, List

import pytest

import msgrkit

SECRET = "app-secret"


def raised() -> List[msgrkit.MsgrkitError]:
    """One real error of every class, as msgrkit raises them."""
    out: List[msgrkit.MsgrkitError] = []
    calls: List[Any] = [
        lambda: msgrkit.verify_signature(SECRET, b"{}", "sha256=00"),
        lambda: msgrkit.parse_webhook(b"not json"),
        lambda: msgrkit.chat_link(page="acme.shop", ref="spring sale"),
        lambda: msgrkit.Graph("EAAG", login="instagram").request("personas"),
        lambda: msgrkit.decide_policy(last_user_activity=0, now=10**13),
        lambda: msgrkit.graph_parse_response(400, [], '{"error":{"code":190,"error_subcode":460}}'),
        lambda: msgrkit.Client("EAAG", base_url="http://127.0.0.1:9", max_attempts=1).call("me"),
        lambda: msgrkit.transcode({"text": "x", "actions": [{"type": "buy", "text": "Pay", "amount": 100, "currency": "EUR"}]},
                                  payments="reject"),
    ]
    for call in calls:
        with pytest.raises(msgrkit.MsgrkitError) as caught:
            call()
        out.append(caught.value)
    return out


def state(error: msgrkit.MsgrkitError) -> Dict[str, Any]:
    return {"class": type(error), "message": str(error), **error.__dict__}


def test_every_error_class_round_trips_through_pickle() -> None:
    errors = raised()
    classes = {type(e) for e in errors}
    assert {msgrkit.SignatureError, msgrkit.ParseError, msgrkit.InputError, msgrkit.PolicyError,
            msgrkit.GraphApiError, msgrkit.TransportError} <= classes, classes
    errors.append(msgrkit.ValidationError("1 violation(s)", code="validation_failed",
                                          violations=[{"code": "required", "field": "message.text"}]))
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))
        assert state(copy) == state(error)
        assert copy.code == error.code and copy.field == error.field


def _unpickled_in_a_child(blob: bytes) -> Dict[str, Any]:
    error = pickle.loads(blob)
    return {"class": type(error).__name__, "code": error.code, "field": error.field, "message": str(error)}


def test_errors_cross_a_process_boundary() -> None:
    error = raised()[2]
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        seen = pool.apply(_unpickled_in_a_child, (pickle.dumps(error),))
    assert seen == {"class": "InputError", "code": "invalid_input", "field": "ref", "message": str(error)}


def test_no_public_name_shadows_a_builtin() -> None:
    import builtins

    import msgrkit.types

    shadowing = [name for name in msgrkit.types.__all__ + msgrkit.__all__ if hasattr(builtins, name)]
    assert shadowing == []


def test_every_core_error_code_has_an_exception_class() -> None:
    """The exception class follows the code's category: a category the classes below do
    not cover would reach hosts as the bare base class."""
    classes = {"signature": msgrkit.SignatureError, "parse": msgrkit.ParseError,
               "input": msgrkit.InputError, "validation": msgrkit.ValidationError,
               "graph": msgrkit.GraphApiError}
    entries = msgrkit.codes()
    failing = [e for e in entries if e["kind"] in ("error", "graph_class")]
    assert len(failing) > 30
    unmapped = [e["code"] for e in failing if e.get("category") not in classes]
    assert unmapped == []
    assert {e["kind"] for e in entries} == {"error", "graph_class", "handshake_refusal", "policy_refusal",
                                            "violation", "warning"}
