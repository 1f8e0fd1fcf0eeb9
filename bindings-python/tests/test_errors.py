"""The exceptions: their classes, `.code`, `.field` and the details each kind carries;
and how host values (bytes, str, datetimes, odd objects) are taken or refused."""

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable

import pytest

import msgrkit

SECRET = "app-secret"
BODY = b'{"object":"page","entry":[]}'


def test_every_error_is_a_msgrkit_error_and_the_input_ones_are_value_errors() -> None:
    for cls in (msgrkit.SignatureError, msgrkit.ParseError, msgrkit.InputError,
                msgrkit.ValidationError):
        assert issubclass(cls, msgrkit.MsgrkitError) and issubclass(cls, ValueError)
    assert issubclass(msgrkit.PolicyError, msgrkit.MsgrkitError)
    assert issubclass(msgrkit.TransportError, msgrkit.GraphApiError)


def test_a_tampered_body_raises_signature_mismatch() -> None:
    header = msgrkit.sign(SECRET, BODY)
    assert msgrkit.verify_signature(SECRET, BODY, header) == "sha256"
    with pytest.raises(msgrkit.SignatureError) as caught:
        msgrkit.verify_signature(SECRET, BODY.replace(b"[]", b"[ ]"), header)
    assert caught.value.code == "signature_mismatch"
    assert caught.value.field is None


@pytest.mark.parametrize(
    ("secret", "header", "code"),
    [
        ("", "sha256=" + "0" * 64, "app_secret_empty"),
        (SECRET, "", "signature_missing"),
        (SECRET, "sha256=abc", "signature_wrong_length"),
        (SECRET, "sha1=" + "0" * 40, "signature_sha1_not_allowed"),
        (SECRET, "md5=00", "signature_unsupported_algorithm"),
    ],
)
def test_each_signature_failure_has_its_code(secret: str, header: str, code: str) -> None:
    with pytest.raises(msgrkit.SignatureError) as caught:
        msgrkit.verify_signature(secret, BODY, header)
    assert caught.value.code == code


def test_bodies_and_secrets_may_be_bytes_bytearray_or_str() -> None:
    header = msgrkit.sign(SECRET.encode(), BODY)
    assert msgrkit.verify_signature(SECRET, bytearray(BODY), header) == "sha256"
    assert msgrkit.verify_signature(SECRET, BODY.decode(), header) == "sha256"
    with pytest.raises(TypeError):
        msgrkit.verify_signature(SECRET, 42, header)  # type: ignore[arg-type]


def test_headers_are_found_in_a_mapping_or_in_pairs() -> None:
    header = msgrkit.sign(SECRET, BODY)
    assert msgrkit.verify_signature_headers(SECRET, BODY, {"x-hub-signature-256": header}) == "sha256"
    twice = [("X-Hub-Signature-256", header), ("x-hub-signature-256", header)]
    with pytest.raises(msgrkit.SignatureError) as caught:
        msgrkit.verify_signature_headers(SECRET, BODY, twice)
    assert caught.value.code == "signature_duplicate"


def test_unreadable_bodies_raise_parse_errors() -> None:
    for body, code in [(b"\xff{}", "invalid_utf8"), (b"{nope", "invalid_json"),
                       (b'{"entry": []}', "invalid_envelope")]:
        with pytest.raises(msgrkit.ParseError) as caught:
            msgrkit.parse_webhook(body)
        assert caught.value.code == code


def test_a_bad_event_is_reported_beside_its_siblings() -> None:
    body = json.dumps({"object": "page", "entry": [{"id": "1", "time": 1, "messaging": [
        {"sender": {"id": "2"}, "recipient": {"id": "1"}, "timestamp": 1,
         "message": {"mid": "m_1", "text": "hi"}},
        {"sender": {"id": "2"}, "recipient": {"id": "1"}, "timestamp": 2,
         "message": {"mid": "m_2", "text": 12}},
    ]}]})
    parsed = msgrkit.parse_webhook(body)
    assert [e["type"] for e in parsed["events"]] == ["message"]
    [error] = parsed["errors"]
    assert (error["code"], error["field"]) == ("invalid_event", "entry[0].messaging[1]")
    assert error["raw"]["message"]["mid"] == "m_2"


def test_an_unknown_dialect_is_an_input_error_at_dialect() -> None:
    with pytest.raises(msgrkit.InputError) as caught:
        msgrkit.transcode({"text": "hi"}, dialect="telegram")  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == ("invalid_input", "dialect")


def test_values_that_are_not_json_are_refused_with_their_path() -> None:
    with pytest.raises(msgrkit.InputError) as caught:
        msgrkit.compose({"text": "hi", "metadata": {"tags": {1, 2}}})
    assert (caught.value.code, caught.value.field) == ("invalid_input", "message.metadata.tags")
    with pytest.raises(msgrkit.InputError) as caught:
        msgrkit.compose({"cards": [{"title": float("nan")}]})
    assert caught.value.field == "message.cards[0].title"


def test_an_invalid_raw_override_raises_validation_error_with_every_violation() -> None:
    with pytest.raises(msgrkit.ValidationError) as caught:
        msgrkit.compose({"messenger": {"text": "x" * 2001, "quick_replies": [
            {"content_type": "text", "title": f"q{i}", "payload": "P"} for i in range(14)]}})
    error = caught.value
    assert error.code == "validation_failed"
    assert [(v["code"], v["field"], v["max"], v["actual"]) for v in error.violations] == [
        ("limit_exceeded", "text", 2000, 2001), ("limit_exceeded", "quick_replies", 13, 14)]


def test_validate_returns_violations_rather_than_raising() -> None:
    request = {"recipient": {"id": "1"}, "messaging_type": "RESPONSE", "message": {"text": "x" * 2001}}
    found = msgrkit.validate(request)
    assert [(v["code"], v["field"], v["max"], v["actual"]) for v in found] == [
        ("limit_exceeded", "message.text", 2000, 2001)]
    request["message"] = {"text": "ok"}
    assert msgrkit.validate(request) == []


def test_a_retired_tag_is_judged_at_the_date_given() -> None:
    request = {"recipient": {"id": "1"}, "messaging_type": "MESSAGE_TAG",
               "tag": "POST_PURCHASE_UPDATE", "message": {"text": "shipped"}}
    assert msgrkit.validate(request, as_of=date(2026, 1, 15)) == []
    [retired] = msgrkit.validate(request, as_of="2026-11-21")
    assert (retired["code"], retired["retired_on"]) == ("retired", "2026-04-27")


def test_a_refused_send_raises_policy_error_with_the_whole_refusal() -> None:
    now = datetime(2026, 11, 21, 12, tzinfo=timezone.utc)
    with pytest.raises(msgrkit.PolicyError) as caught:
        msgrkit.decide_policy(last_user_activity=now - timedelta(hours=30), now=now)
    error = caught.value
    assert (error.code, error.field) == ("outside_window", None)
    closed = now - timedelta(hours=6)
    assert error.refusal["window_closed_at"] == int(closed.timestamp() * 1000)


def test_datetimes_and_milliseconds_decide_alike() -> None:
    now = datetime(2026, 11, 21, 12, tzinfo=timezone.utc)
    then = now - timedelta(hours=30)
    by_datetime = msgrkit.decide_policy(last_user_activity=then, now=now, author="human",
                                        mode="auto_human_agent")
    by_ms = msgrkit.decide_policy(last_user_activity=int(then.timestamp() * 1000),
                                  now=int(now.timestamp() * 1000), author="human",
                                  mode="auto_human_agent")
    assert by_datetime == by_ms == {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}


def test_a_naive_datetime_is_refused_rather_than_guessed() -> None:
    with pytest.raises(msgrkit.InputError) as caught:
        msgrkit.decide_policy(last_user_activity=datetime(2026, 11, 21), now=0)
    # The core names the field as in every language: the input's key under `input`.
    assert caught.value.field == "input.last_user_activity"


@pytest.mark.parametrize("call, field", [
    (lambda: msgrkit.validate({"text": "x"}, asof="2026-04-27"), "options.asof"),  # type: ignore[call-arg]
    (lambda: msgrkit.decide_policy(last_user_activity=0, now=1, tagg="HUMAN_AGENT"), "input.tagg"),  # type: ignore[call-arg]
    (lambda: msgrkit.decide_policy(now=1), "input.last_user_activity"),  # type: ignore[call-arg]
    (lambda: msgrkit.decide_private_reply(comment_created=0, now=1, replied=True), "input.replied"),  # type: ignore[call-arg]
    (lambda: msgrkit.Graph("EAAG-token", apsecret="s"), "apsecret"),  # type: ignore[call-arg]
    (lambda: msgrkit.Client("EAAG-token", max_attempt=2), "max_attempt"),  # type: ignore[call-arg]
])
def test_a_keyword_the_core_does_not_know_is_refused_at_its_field(call: Callable[[], Any], field: str) -> None:
    # The core reads the keywords: a misspelt one is an InputError, never ignored.
    with pytest.raises(msgrkit.InputError) as caught:
        call()
    assert caught.value.field == field
    assert caught.value.code in ("invalid_input", "required")


def test_a_time_may_be_an_iso_instant_and_means_that_instant() -> None:
    now = datetime(2026, 11, 21, 12, tzinfo=timezone.utc)
    by_text = msgrkit.decide_policy(last_user_activity="2026-11-20T06:00:00Z",
                                    now="2026-11-21T13:00:00+01:00", author="human",
                                    mode="auto_human_agent")
    by_datetime = msgrkit.decide_policy(last_user_activity=now - timedelta(hours=30), now=now,
                                        author="human", mode="auto_human_agent")
    assert by_text == by_datetime


def test_graph_errors_carry_what_meta_said() -> None:
    body = json.dumps({"error": {"message": "(#613) Calls to this api have exceeded the rate limit.",
                                 "type": "OAuthException", "code": 613, "fbtrace_id": "AbC"}})
    with pytest.raises(msgrkit.GraphApiError) as caught:
        msgrkit.graph_parse_response(400, [("Retry-After", "7")], body)
    error = caught.value
    assert (error.code, error.status, error.graph_code, error.subcode) == (
        "graph_rate_limited", 400, 613, None)
    assert (error.fbtrace_id, error.retryable, error.retry_after) == ("AbC", True, 7)
    assert error.graph["type"] == "OAuthException"
    assert not isinstance(error, msgrkit.TransportError)


def test_a_withheld_profile_is_none() -> None:
    body = json.dumps({"error": {"message": "withheld", "type": "OAuthException",
                                 "code": 100, "error_subcode": 2018218}})
    assert msgrkit.graph_parse_user_profile(400, {}, body) is None


def test_graph_keeps_the_token_out_of_urls_and_repr() -> None:
    graph = msgrkit.Graph("EAAG-secret-token", app_secret="shh")
    request = graph.request("user_profile", psid="6500000000000001")
    assert request["method"] == "GET"
    assert "EAAG-secret-token" not in request["url"]
    assert ["Authorization", "Bearer EAAG-secret-token"] in request["headers"]
    assert "appsecret_proof=" in request["url"]
    assert "EAAG-secret-token" not in repr(graph) and "shh" not in repr(graph)


def test_hostile_input_gets_clean_codes() -> None:
    body = b'{"object":"page","entry":[]}'
    with pytest.raises(msgrkit.ParseError) as caught:
        msgrkit.parse_webhook(body, max_body_bytes=len(body) - 1)
    assert caught.value.code == "body_too_large"
    with pytest.raises(msgrkit.ParseError) as caught:
        msgrkit.parse_webhook(b"[" * 10_000 + b"]" * 10_000)
    assert caught.value.code == "nesting_too_deep"
    deep: "list[object]" = []
    for _ in range(10_000):  # a Python structure too deep to be JSON the core reads
        deep = [deep]
    with pytest.raises(msgrkit.ParseError) as caught:
        msgrkit.validate({"recipient": {"id": "1"}, "message": {"text": deep}})
    assert caught.value.code == "nesting_too_deep"
    assert caught.value.field is not None and caught.value.field.startswith("request.message.text[0]")


def nested(levels: int) -> object:
    """`levels` lists inside one another (the outermost counts as one)."""
    value: object = []
    for _ in range(levels - 1):
        value = [value]
    return value


def test_a_python_structure_nests_as_deep_as_json_text() -> None:
    # docs/errors.md: more than 128 levels is too deep, as text and as Python values alike.
    for levels, too_deep in ((128, False), (129, True)):
        text = json.dumps(nested(levels)).encode()
        with pytest.raises(msgrkit.ParseError) as from_text:
            msgrkit.parse_webhook(text)
        assert (from_text.value.code == "nesting_too_deep") is too_deep, levels
        # The request and its message are two levels; the text's lists the rest.
        request = {"recipient": {"id": "1"}, "message": {"text": nested(levels - 2)}}
        with pytest.raises(msgrkit.MsgrkitError) as from_value:
            msgrkit.validate(request)
        assert (from_value.value.code == "nesting_too_deep") is too_deep, levels


def test_a_lone_surrogate_is_an_input_error_with_a_code_not_a_bare_unicode_error() -> None:
    lone = "a\ud800b"  # Python allows it; UTF-8 cannot hold it
    attempts: list[Callable[[], object]] = [
        lambda: msgrkit.verify_signature(lone, b"{}", "sha256=" + "0" * 64),
        lambda: msgrkit.parse_webhook(lone),
        lambda: msgrkit.sign("secret", lone),
        lambda: msgrkit.validate({"recipient": {"id": "1"}, "messaging_type": "RESPONSE", "message": {"text": lone}}),
        lambda: msgrkit.validate('{"message": {"text": "' + lone + '"}}'),
    ]
    for attempt in attempts:
        with pytest.raises(msgrkit.ParseError) as raised:
            attempt()
        assert raised.value.code == "invalid_utf8"
    with pytest.raises(msgrkit.ParseError) as raised:
        msgrkit.validate({"message": {"text": lone}})
    assert raised.value.field == "request.message.text"
