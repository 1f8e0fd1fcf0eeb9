"""examples/python/flask_webhook.py, started as its own process on 127.0.0.1 and sent real
signed HTTP requests; its replies go to a Graph stand-in."""

import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, Iterator, Tuple

import pytest

import msgrkit
from serving import free_port, serving
from standin import StandIn

pytest.importorskip("flask")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "python" / "flask_webhook.py"
SECRET, VERIFY = "example-app-secret", "example-verify-token"
PSID, PAGE = "6500000000000001", "106000000000001"


def call(url: str, body: bytes = b"", headers: Dict[str, str] = {}) -> Tuple[int, str]:
    method = "POST" if body else "GET"
    req = urllib.request.Request(url, data=body or None, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


@pytest.fixture(scope="module")
def server() -> Iterator[Tuple[str, StandIn]]:
    with StandIn() as graph:
        port = free_port()
        env = dict(MSGRKIT_APP_SECRET=SECRET, MSGRKIT_VERIFY_TOKEN=VERIFY, MSGRKIT_PAGE_TOKEN="EAAG-example",
                   MSGRKIT_GRAPH_URL=graph.url, MSGRKIT_PORT=str(port))
        with serving(EXAMPLE, port, env):
            yield f"http://127.0.0.1:{port}/webhook", graph


def delivery(mid: str, text: str) -> bytes:
    now = int(time.time() * 1000)
    return json.dumps({"object": "page", "entry": [{"id": PAGE, "time": now, "messaging": [
        {"sender": {"id": PSID}, "recipient": {"id": PAGE}, "timestamp": now,
         "message": {"mid": mid, "text": text}}]}]}).encode()


def test_it_answers_the_handshake(server: Tuple[str, StandIn]) -> None:
    url, _ = server
    query = f"hub.mode=subscribe&hub.verify_token={VERIFY}&hub.challenge=1158201444"
    assert call(f"{url}?{query}") == (200, "1158201444")
    assert call(f"{url}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")[0] == 403


def test_it_refuses_a_badly_signed_or_unsigned_post(server: Tuple[str, StandIn]) -> None:
    url, graph = server
    body = delivery("m_forged", "hello")
    forged = msgrkit.sign("not-the-secret", body)
    assert call(url, body, {"X-Hub-Signature-256": forged})[0] == 403
    assert call(url, body, {"Content-Type": "application/json"})[0] == 403
    time.sleep(0.3)
    assert not any(b"m_forged" in s.body for s in graph.seen)


def test_it_accepts_a_signed_post_and_replies_once(server: Tuple[str, StandIn]) -> None:
    url, graph = server
    body = delivery("m_genuine", "where is my order?")
    headers = {"X-Hub-Signature-256": msgrkit.sign(SECRET, body),
               "Content-Type": "application/json"}
    assert call(url, body, headers) == (200, "EVENT_RECEIVED")
    assert call(url, body, headers) == (200, "EVENT_RECEIVED")  # Meta redelivers
    for _ in range(100):
        if graph.seen:
            break
        time.sleep(0.05)
    time.sleep(0.3)  # a second reply, if any, would have arrived by now
    [reply] = [json.loads(s.body) for s in graph.seen]
    assert reply["recipient"] == {"id": PSID}
    assert reply["messaging_type"] == "RESPONSE"
    assert reply["message"]["text"] == "You said: where is my order?"
    assert reply["message"]["quick_replies"][0]["title"] == "Talk to a human"
