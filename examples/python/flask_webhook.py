"""A complete Messenger webhook receiver on Flask, with msgrkit.

    pip install msgrkit flask
    MSGRKIT_APP_SECRET=... MSGRKIT_VERIFY_TOKEN=... MSGRKIT_PAGE_TOKEN=... \
        python examples/python/flask_webhook.py

It answers Meta's verification handshake (GET), checks X-Hub-Signature-256 over the raw
body (POST), parses every event of the batch, answers Meta at once, and replies to each
new message from a worker thread through msgrkit's client (which releases the GIL while
it waits on the network). Serve it behind HTTPS: Meta only calls https:// URLs.

Settings (environment): MSGRKIT_APP_SECRET, MSGRKIT_VERIFY_TOKEN, MSGRKIT_PAGE_TOKEN;
MSGRKIT_PORT (default 5000); MSGRKIT_GRAPH_URL to point the client at a stand-in.
"""

import logging
import os
import queue
import threading
import time
from collections import OrderedDict
from typing import Any, Dict, Optional

from flask import Flask, Response, request

import msgrkit
from msgrkit.types import MessageEvent

APP_SECRET = os.environ.get("MSGRKIT_APP_SECRET", "")
VERIFY_TOKEN = os.environ.get("MSGRKIT_VERIFY_TOKEN", "")
client = msgrkit.Client(
    os.environ.get("MSGRKIT_PAGE_TOKEN"),
    app_secret=APP_SECRET or None,
    base_url=os.environ.get("MSGRKIT_GRAPH_URL"),
)
log = logging.getLogger("webhook")
app = Flask(__name__)
replies: "queue.Queue[MessageEvent]" = queue.Queue()


class Seen:
    """Meta delivers at least once: remember recent dedupe keys and skip repeats."""

    def __init__(self, size: int = 10_000) -> None:
        self.keys: "OrderedDict[str, None]" = OrderedDict()
        self.size = size
        self.lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        with self.lock:
            if key in self.keys:
                return False
            self.keys[key] = None
            if len(self.keys) > self.size:
                self.keys.popitem(last=False)
            return True


seen = Seen()


@app.get("/webhook")
def handshake() -> Response:
    # The raw query string, so the challenge comes back exactly as Meta sent it.
    answer = msgrkit.verify_handshake(request.query_string.decode(), VERIFY_TOKEN)
    if answer["status"] != 200:
        log.warning("handshake refused: %s", answer.get("reason"))
    return Response(answer["body"], status=answer["status"], mimetype="text/plain")


@app.post("/webhook")
def receive() -> Response:
    raw = request.get_data(cache=False)  # the exact bytes: re-encoded JSON never verifies
    try:
        msgrkit.verify_signature_headers(APP_SECRET, raw, request.headers)
        delivery = msgrkit.parse_webhook(raw)
    except msgrkit.SignatureError as refused:
        log.warning("refused a delivery: %s (%s)", refused.code, refused)
        return Response("", status=403)
    except msgrkit.ParseError as unreadable:
        log.warning("unreadable delivery: %s", unreadable.code)
        return Response("", status=400)
    for error in delivery["errors"]:  # one bad event never hides its siblings
        log.warning("event %s not read: %s", error["field"], error["message"])
    for event in delivery["events"]:
        if event["type"] == "message" and seen.first_time(event["dedupe_key"]):
            replies.put(event)
    return Response("EVENT_RECEIVED", status=200)  # within Meta's 20 seconds, always


def reply_to(event: MessageEvent) -> None:
    if event["sender"] is None:
        return
    psid = event["sender"]["id"]
    text = event["message"].get("text") or "your attachment"
    now = int(time.time() * 1000)
    # The event's time is null only when Meta sent none at all: the message is new.
    spoke = event["timestamp"] if event["timestamp"] is not None else now
    try:
        decision = msgrkit.decide_policy(last_user_activity=spoke, now=now)
    except msgrkit.PolicyError as refused:
        log.info("not replying to %s: %s", psid, refused.code)
        return
    composed = msgrkit.compose(
        {"text": f"You said: {text}", "actions": [{"type": "reply", "title": "Talk to a human", "payload": "HUMAN"}]}
    )
    for warning in composed["warnings"]:
        log.info("reply degraded: %s at %s", warning["code"], warning["field"])
    for message in composed["messages"]:
        body: Dict[str, Any] = {
            "recipient": {"id": psid},
            "messaging_type": decision["messaging_type"],
            "message": message,
        }
        if decision["tag"]:
            body["tag"] = decision["tag"]
        try:
            sent = client.send(body)
            log.info("replied to %s: %s", psid, sent["message_id"])
        except msgrkit.GraphApiError as failed:
            if failed.code == "graph_auth":
                log.error("the Page token is dead: re-authorise the Page (%s)", failed.fbtrace_id)
            else:
                log.warning("reply failed: %s (retryable: %s)", failed.code, failed.retryable)
            return


def worker(stop: Optional[threading.Event] = None) -> None:
    while stop is None or not stop.is_set():
        event = replies.get()
        try:
            reply_to(event)
        except Exception:  # a worker must outlive one bad reply
            log.exception("reply failed")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    threading.Thread(target=worker, daemon=True).start()
    app.run(host="127.0.0.1", port=int(os.environ.get("MSGRKIT_PORT", "5000")))
