"""examples/python/sinch_receiver.py, a Sinch webhook receiver written against Sinch's
documentation, run as its own process on 127.0.0.1: Meta webhooks go through
``msgrkit.emit("sinch", ...)`` and the callbacks are POSTed to it unchanged, signed as
Sinch signs them. What it handled must be what the person did."""

import json
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import msgrkit
from msgrkit.callbacks import Emitted
from serving import free_port, serving

pytest.importorskip("flask")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "python" / "sinch_receiver.py"
SECRET, APP = "sinch-webhook-secret", "01EB37HMH1M6SV18ABNS3G135H"
PSID, PAGE = "6500000000000001", "106000000000001"


@pytest.fixture(scope="module")
def receiver() -> Iterator[str]:
    port = free_port()
    with serving(EXAMPLE, port, {"SINCH_WEBHOOK_SECRET": SECRET, "RECEIVER_PORT": str(port)}):
        yield f"http://127.0.0.1:{port}"


def post(url: str, body: str, headers: Dict[str, str]) -> int:
    req = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return int(refused.code)


def seen(url: str) -> List[Dict[str, Any]]:
    with urllib.request.urlopen(f"{url}/seen", timeout=10) as answer:
        result: List[Dict[str, Any]] = json.loads(answer.read())
        return result


def meta(*items: Dict[str, Any]) -> bytes:
    now = int(time.time() * 1000)
    for item in items:
        item.setdefault("timestamp", now)
    return json.dumps({"object": "page", "entry": [{"id": PAGE, "time": now, "messaging": list(items)}]}).encode()


def person(key: str, payload: Any) -> Dict[str, Any]:
    return {"sender": {"id": PSID}, "recipient": {"id": PAGE}, key: payload}


def deliver(url: str, emitted: Emitted) -> List[int]:
    return [post(f"{url}/sinch", c["body_text"], c["headers"]) for c in emitted["callbacks"]]


def signing() -> Dict[str, Any]:
    return {"app_id": APP, "project_id": "c36f3d3d-1523-4edd-ae42-11995557ff61", "secret": SECRET, "nonce": uuid.uuid4().hex, "timestamp": int(time.time())}


def test_messages_postbacks_and_outcomes_arrive_as_sinch_wrote_them(receiver: str) -> None:
    before = len(seen(receiver))
    body = meta(
        person("message", {"mid": "m_1", "text": "Hello World"}),
        person("message", {"mid": "m_2", "attachments": [{"type": "image", "payload": {"url": "https://x.test/a.jpg"}}]}),
        person("postback", {"mid": "m_3", "payload": "VIEW_ORDERS", "title": "View Orders"}),
        person("message", {"mid": "m_4", "text": "Great!", "quick_reply": {"payload": "RATING_GREAT"}}),
    )
    assert deliver(receiver, msgrkit.emit("sinch", body, **signing())) == [200] * 4
    failed = {"status": 400, "message_id": "01HOSTMESSAGE", "recipient": PSID, "page_id": PAGE,
              "body": {"error": {"message": "(#10) outside the window", "code": 10, "error_subcode": 2018278}}}
    assert deliver(receiver, msgrkit.emit_outcome("sinch", failed, **signing())) == [200]
    got = seen(receiver)[before:]
    assert [g.get("text") or g.get("media") or g.get("postback_data") or g.get("reason") for g in got] == [
        "Hello World", "https://x.test/a.jpg", "VIEW_ORDERS", "RATING_GREAT", "OUTSIDE_ALLOWED_SENDING_WINDOW"]
    assert {g["identity"] for g in got[:4]} == {PSID}
    assert {g["channel"] for g in got[:4]} == {"MESSENGER"}
    assert len({g["contact"] for g in got[:4]}) == 1, "one person, one Sinch contact"


def test_a_redelivered_webhook_is_the_same_contact_and_a_forged_one_is_refused(receiver: str) -> None:
    body = meta(person("message", {"mid": "m_again", "text": "again"}))
    first = msgrkit.emit("sinch", body, **signing())
    again = msgrkit.emit("sinch", body, **signing())
    assert deliver(receiver, first) == [200] and deliver(receiver, again) == [200]
    last_two = seen(receiver)[-2:]
    assert last_two[0]["contact"] == last_two[1]["contact"]
    assert last_two[0]["conversation"] == last_two[1]["conversation"]
    callback = msgrkit.emit("sinch", body, **{**signing(), "secret": "not-the-secret"})["callbacks"][0]
    assert post(f"{receiver}/sinch", callback["body_text"], callback["headers"]) == 401
    replayed = first["callbacks"][0]
    assert post(f"{receiver}/sinch", replayed["body_text"], replayed["headers"]) == 401, "a nonce is used once"
