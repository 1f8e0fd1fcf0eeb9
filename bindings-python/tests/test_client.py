"""The blocking Client against a real HTTP server on 127.0.0.1: requests as sent, errors
as raised, retries, transport failures, and the GIL released during network calls."""

import json
import socket
import threading
from typing import List

import pytest

import msgrkit
from standin import Reply, StandIn, graph_error

TOKEN = "EAAG-client-test-token"
REQUEST = {"recipient": {"id": "6500000000000001"}, "messaging_type": "RESPONSE",
           "message": {"text": "Hi"}}


def client(standin: StandIn, **settings: object) -> msgrkit.Client:
    return msgrkit.Client(TOKEN, app_secret="app-secret", base_url=standin.url, **settings)  # type: ignore[arg-type]


def test_a_send_goes_out_as_meta_expects_it() -> None:
    with StandIn() as standin:
        sent = client(standin).send(REQUEST)
    assert sent == {"recipient_id": "6500000000000001", "message_id": "m_standin", "attempts": 1}
    [seen] = standin.seen
    assert seen.method == "POST"
    assert seen.path.startswith("/v27.0/me/messages?appsecret_proof=")
    assert TOKEN not in seen.path
    assert seen.headers["authorization"] == f"Bearer {TOKEN}"
    assert json.loads(seen.body) == REQUEST


def test_a_dead_token_raises_graph_auth_after_one_request() -> None:
    with StandIn(Reply(400, graph_error(190, 460))) as standin:
        with pytest.raises(msgrkit.GraphApiError) as caught:
            client(standin).send(REQUEST)
    error = caught.value
    assert (error.code, error.status, error.graph_code, error.subcode) == ("graph_auth", 400, 190, 460)
    assert (error.retryable, error.attempts, error.fbtrace_id) == (False, 1, "AStandIn")
    assert len(standin.seen) == 1


def test_a_rate_limit_is_retried_then_succeeds() -> None:
    with StandIn(Reply(400, graph_error(613)), Reply()) as standin:
        sent = client(standin).send(REQUEST)
    assert sent["attempts"] == 2 and len(standin.seen) == 2


def test_an_unreachable_server_raises_transport_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    unreachable = msgrkit.Client(TOKEN, base_url=f"http://127.0.0.1:{port}", max_attempts=2,
                                 budget_ms=5_000)
    with pytest.raises(msgrkit.TransportError) as caught:
        unreachable.send(REQUEST)
    assert (caught.value.transport, caught.value.attempts) == ("connect", 2)


def test_a_send_without_answer_is_not_resent() -> None:
    with StandIn(Reply(delay=1.0)) as standin:
        with pytest.raises(msgrkit.TransportError) as caught:
            client(standin, timeout_ms=200).send(REQUEST)
    assert caught.value.transport == "timeout"
    assert len(standin.seen) == 1, "Meta may have acted on it: never sent twice unasked"


def test_the_gil_is_released_while_the_client_waits() -> None:
    ticks: List[int] = []
    stop = threading.Event()

    def tick() -> None:
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.01)

    ticker = threading.Thread(target=tick)
    # The stand-in is Python too: it can only answer if the call lets go of the GIL.
    with StandIn(Reply(delay=0.8)) as standin:
        ticker.start()
        before = len(ticks)
        sent = client(standin).send(REQUEST)
        during = len(ticks) - before
        stop.set()
        ticker.join()
    assert sent["message_id"] == "m_standin"
    assert during >= 10, f"the ticker ran {during} times during a 0.8 s call"


def test_any_builder_runs_by_name_with_usage() -> None:
    profile = {"id": "6500000000000001", "first_name": "Ana"}
    usage = [("X-App-Usage", json.dumps({"call_count": 42, "total_time": 5, "total_cputime": 1}))]
    with StandIn(Reply(body=profile, headers=usage)) as standin:
        answer = client(standin).call("user_profile", psid="6500000000000001")
    assert answer["body"] == profile and answer["attempts"] == 1
    assert answer["usage"]["app"]["call_count"] == 42
    assert standin.seen[0].path.startswith("/v27.0/6500000000000001?")


def test_diagnose_reports_a_dead_token() -> None:
    with StandIn(Reply(400, graph_error(190, 460))) as standin:
        findings = client(standin).diagnose()
    assert findings[0]["severity"] == "error"
    assert findings[0]["code"] == "token_invalid"


def test_a_bad_setting_is_an_input_error() -> None:
    for token in ["", "  "]:  # an unset environment variable, typically
        with pytest.raises(msgrkit.InputError) as caught:
            msgrkit.Client(token)
        assert (caught.value.code, caught.value.field) == ("required", "token")
    with pytest.raises(msgrkit.InputError) as caught:
        msgrkit.Client(None)  # os.environ.get() of an unset variable
    assert (caught.value.code, caught.value.field) == ("required", "token")


def test_repr_never_shows_the_token_or_the_secret() -> None:
    shown = repr(msgrkit.Client(TOKEN, app_secret="app-secret"))
    assert TOKEN not in shown and "app-secret" not in shown and "redacted" in shown
    assert shown.startswith("<msgrkit.Client graph_version='v27.0' page_id='me' login='facebook'")
    assert shown.endswith(" token=[redacted] app_secret=[redacted]>")
    shown = repr(msgrkit.Graph(TOKEN, login="instagram", page_id="17841400000000001"))
    assert "login='instagram'" in shown and "base_url='https://graph.instagram.com'" in shown


def test_an_invalid_send_raises_validation_error_before_any_request() -> None:
    with StandIn() as standin:
        with pytest.raises(msgrkit.ValidationError) as caught:
            client(standin).send({"recipient": {"id": "6500000000000001"}, "message": {"text": "Hi"}})
    assert caught.value.code == "validation_failed"
    assert [v["field"] for v in caught.value.violations] == ["messaging_type"]
    assert standin.seen == []


@pytest.mark.parametrize("status", [200, 502])
def test_a_reflected_request_never_brings_the_token_back(status: int) -> None:
    with StandIn(Reply(status, reflect=True)) as standin:
        with pytest.raises(msgrkit.GraphApiError) as raised:
            client(standin, max_attempts=1).send(REQUEST)
    error = raised.value
    raw = error.graph.get("raw_body") or ""
    assert "authorization" in raw and TOKEN not in raw
    assert TOKEN not in json.dumps(error.graph) + str(error)
    if status == 200:  # accepted: it may have been sent, and it was one attempt
        assert (error.code, error.attempts, error.retryable) == ("graph_unknown", 1, False)


def test_a_reflected_token_is_redacted_when_the_host_does_its_own_http() -> None:
    body = json.dumps({"headers": {"authorization": f"Bearer {TOKEN}"}}).encode()
    with pytest.raises(msgrkit.GraphApiError) as raised:
        msgrkit.graph_parse_response(502, [], body)
    raw = raised.value.graph.get("raw_body") or ""
    assert TOKEN not in raw and "Bearer [redacted]" in raw
