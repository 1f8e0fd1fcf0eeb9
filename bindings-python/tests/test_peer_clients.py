"""Messenger code msgrkit did not write, against `msgrkit sandbox`: pymessenger (PyPI,
pinned in scripts/pytest) sends through its own `requests` calls with the sandbox as its
Graph URL: a text without `messaging_type` (refused, as Meta refuses it), an image by URL
with `recipient` and `message` as JSON text (as pymessenger writes them), sender actions,
and a send with a wrong token."""

import json
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest
from pymessenger.bot import Bot  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[2]
ADA = "7000000000000001"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def http(url: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


@pytest.fixture(scope="module")
def sandbox() -> Iterator[str]:
    subprocess.run(["cargo", "build", "-q", "-p", "msgrkit-cli"], cwd=ROOT, check=True)
    metadata = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=ROOT,
                              check=True, capture_output=True).stdout
    binary = Path(json.loads(metadata)["target_directory"]) / "debug" / "msgrkit"
    port = free_port()
    # No app listens at the webhook: the customer's message is logged undelivered, which
    # does not matter to the Graph side tested here.
    process = subprocess.Popen([str(binary), "sandbox", "--webhook", f"http://127.0.0.1:{free_port()}/webhook",
                                "--app-secret", "s", "--port", str(port), "--max-attempts", "1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                http(f"{url}/sandbox/api/state")
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        process.kill()
        process.wait()


def bot(sandbox: str, token: str = "sandbox") -> Any:
    client = Bot(token)
    client.graph_url = f"{sandbox}/v27.0"  # pymessenger's one attribute for the Graph URL
    return client


def test_pymessenger_sends_are_answered_as_meta_answers_them(sandbox: str) -> None:
    http(f"{sandbox}/sandbox/api/customers/{ADA}/text", {"text": "hello"})
    # pymessenger never sends messaging_type (its issues #65 and #88): Meta refuses that
    # since 2018 with 100 naming the field, and so does the sandbox.
    plain = bot(sandbox).send_text_message(ADA, "Hi")
    assert plain["error"]["code"] == 100 and "messaging_type" in plain["error"]["message"], plain
    # recipient and message as JSON text, as pymessenger's send_*_url write them: read as
    # Graph reads them (the sandbox once answered "No matching user found").
    sent = bot(sandbox).send_raw({
        "recipient": json.dumps({"id": ADA}), "messaging_type": "RESPONSE",
        "message": json.dumps({"attachment": {"type": "image", "payload": {"url": "https://cdn.example.com/cat.png"}}}),
    })
    assert sent.get("recipient_id") == ADA and sent.get("message_id", "").startswith("m_sandbox_"), sent
    assert bot(sandbox).send_action(ADA, "typing_on") == {"recipient_id": ADA}
    refused = bot(sandbox).send_action(ADA, "dance")
    assert refused["error"]["code"] == 100, refused
    stranger = bot(sandbox, "EAAGnotthepages").send_action(ADA, "typing_on")
    assert stranger["error"]["code"] == 190, stranger
    thread = http(f"{sandbox}/sandbox/api/customers/{ADA}/thread")
    page = [item for item in thread if item["from"] == "page" and item["status"] != "refused"]
    assert len(page) == 1 and page[0]["body"]["recipient"] == {"id": ADA}, page
