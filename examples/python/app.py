"""A small echo-helpdesk bot on Flask with msgrkit: it replies to text, answers "menu"
with a carousel, handles postbacks and quick replies, skips its own echoes and Meta's
redeliveries, and can send a proactive update. Try it against msgrkit sandbox:

    MSGRKIT_APP_SECRET=s3cret MSGRKIT_VERIFY_TOKEN=sandbox-verify-token \\
        MSGRKIT_PAGE_TOKEN=sandbox MSGRKIT_GRAPH_URL=http://127.0.0.1:8080 \\
        python examples/python/app.py
    msgrkit sandbox --webhook http://127.0.0.1:5000/webhook --app-secret s3cret --port 8080

then open http://127.0.0.1:8080/ and chat. ``POST /notify/<psid>`` sends the customer a
proactive update ("your order shipped"), for trying the 24-hour window.

Settings (environment): MSGRKIT_APP_SECRET, MSGRKIT_VERIFY_TOKEN, MSGRKIT_PAGE_TOKEN,
MSGRKIT_GRAPH_URL (the sandbox, or absent for Meta's Graph API), MSGRKIT_PORT.
"""

import logging
import os
import queue
import threading
import time
from typing import Any, Dict, Optional

from flask import Flask, Response, jsonify, request

import msgrkit
from msgrkit.types import Event

APP_SECRET = os.environ.get("MSGRKIT_APP_SECRET", "")
VERIFY_TOKEN = os.environ.get("MSGRKIT_VERIFY_TOKEN", "")
client = msgrkit.Client(
    os.environ.get("MSGRKIT_PAGE_TOKEN"),
    app_secret=APP_SECRET or None,
    base_url=os.environ.get("MSGRKIT_GRAPH_URL"),
)
log = logging.getLogger("bot")
app = Flask(__name__)
work: "queue.Queue[Event]" = queue.Queue()
seen: Dict[str, None] = {}  # dedupe keys already handled (a real bot would bound this)
seen_lock = threading.Lock()

MENU = {
    "text": "How can I help?",
    "cards": [
        {"title": "Track an order", "subtitle": "Where is my parcel?",
         "actions": [{"type": "postback", "title": "Track", "payload": "TRACK_ORDER"}]},
        {"title": "Returns", "subtitle": "Send something back",
         "actions": [{"type": "postback", "title": "Start a return", "payload": "RETURN"}]},
        {"title": "Talk to us", "subtitle": "A person answers within a day",
         "actions": [{"type": "postback", "title": "Talk to a human", "payload": "HUMAN"}]},
    ],
}
ANSWERS = {
    "GET_STARTED": "Welcome! Type menu to see what I can do.",
    "TRACK_ORDER": "Your order #1042 is on its way and arrives tomorrow.",
    "RETURN": "Returns are free within 30 days: I have emailed you a label.",
    "HUMAN": "A person from our team will answer here within a day.",
}


def first_time(key: str) -> bool:
    with seen_lock:
        if key in seen:
            return False
        seen[key] = None
        return True


@app.get("/webhook")
def handshake() -> Response:
    answer = msgrkit.verify_handshake(request.query_string.decode(), VERIFY_TOKEN)
    return Response(answer["body"], status=answer["status"], mimetype="text/plain")


@app.post("/webhook")
def receive() -> Response:
    raw = request.get_data(cache=False)
    try:
        msgrkit.verify_signature_headers(APP_SECRET, raw, request.headers)
        delivery = msgrkit.parse_webhook(raw)
    except msgrkit.SignatureError as refused:
        log.warning("refused a delivery: %s", refused.code)
        return Response("", status=403)
    except msgrkit.ParseError as unreadable:
        log.warning("unreadable delivery: %s", unreadable.code)
        return Response("", status=400)
    for event in delivery["events"]:
        # Our own sends come back as echoes; Meta may deliver any event twice.
        if event["type"] != "echo" and first_time(event["dedupe_key"]):
            work.put(event)
    return Response("EVENT_RECEIVED", status=200)


@app.post("/notify/<psid>")
def notify(psid: str) -> Response:
    """A proactive update, sent without asking the policy: Meta (or the sandbox) judges it."""
    outcome = send(psid, {"text": "Good news: your order #1042 has shipped."}, "UPDATE")
    return jsonify(outcome)


def send(psid: str, message: Dict[str, Any], messaging_type: str, tag: Optional[str] = None) -> Dict[str, Any]:
    composed = msgrkit.compose(message)
    outcome: Dict[str, Any] = {"sent": []}
    for one in composed["messages"]:
        body: Dict[str, Any] = {"recipient": {"id": psid}, "messaging_type": messaging_type, "message": one}
        if tag:
            body["tag"] = tag
        try:
            outcome["sent"].append(client.send(body)["message_id"])
        except msgrkit.GraphApiError as failed:
            log.warning("send to %s failed: %s (%s)", psid, failed.code, failed)
            outcome["error"] = failed.code
            break
    return outcome


def reply(event: Event, message: Dict[str, Any]) -> None:
    sender = event["sender"] or {}
    psid = sender.get("id")
    if not psid:
        return
    now = int(time.time() * 1000)
    spoke = event["timestamp"] if event["timestamp"] is not None else now
    try:
        decision = msgrkit.decide_policy(last_user_activity=spoke, now=now)
    except msgrkit.PolicyError as refused:
        log.info("not replying to %s: %s", psid, refused.code)
        return
    send(psid, message, decision["messaging_type"], decision["tag"])


def answer(payload: str, title: str = "") -> Dict[str, Any]:
    if payload == "MENU":
        return MENU
    return {"text": ANSWERS.get(payload, f"You picked {title or payload}.")}


def handle(event: Event) -> None:
    if event["type"] == "postback":
        postback = event["postback"]
        reply(event, answer(str(postback.get("payload", "")), str(postback.get("title", ""))))
    elif event["type"] == "message":
        message = event["message"]
        quick_reply = message.get("quick_reply") or {}
        text = message.get("text", "")
        if "payload" in quick_reply:
            reply(event, answer(quick_reply["payload"], text))
        elif text.strip().lower() == "menu":
            reply(event, MENU)
        elif text:
            reply(event, {"text": f"You said: {text}", "actions": [
                {"type": "reply", "title": "Menu", "payload": "MENU"},
                {"type": "reply", "title": "Talk to a human", "payload": "HUMAN"},
            ]})
        elif message.get("attachments"):
            kind = message["attachments"][0]["type"]
            reply(event, {"text": f"Thanks for the {kind}!"})


def worker() -> None:
    while True:
        event = work.get()
        try:
            handle(event)
        except Exception:  # one bad event must not stop the bot
            log.exception("handling %s failed", event["dedupe_key"])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    threading.Thread(target=worker, daemon=True).start()
    app.run(host="127.0.0.1", port=int(os.environ.get("MSGRKIT_PORT", "5000")))
