"""A Sinch Conversation API webhook receiver, written the way a Sinch customer writes one
against Sinch's own documentation (Callbacks, "Validating Callbacks"): it knows nothing of
msgrkit or Meta. msgrkit's ``emit("sinch", ...)`` feeds it Messenger webhooks unchanged
(see bindings-python/tests/test_vendor_receivers.py).

    SINCH_WEBHOOK_SECRET=... RECEIVER_PORT=8080 python sinch_receiver.py

``GET /seen`` answers what it handled, for the test.
"""

import base64
import hashlib
import hmac
import os
import time
from typing import Any, Dict, List, Tuple

from flask import Flask, jsonify, request

app = Flask(__name__)
SECRET = os.environ["SINCH_WEBHOOK_SECRET"].encode()
SEEN: List[Dict[str, Any]] = []
NONCES: set[str] = set()


def valid_signature() -> bool:
    """base64(HMAC-SHA256(secret, raw body . nonce . timestamp)), padding kept; a recent
    timestamp and an unused nonce, as Sinch tells receivers to check."""
    nonce = request.headers.get("x-sinch-webhook-signature-nonce", "")
    timestamp = request.headers.get("x-sinch-webhook-signature-timestamp", "")
    given = request.headers.get("x-sinch-webhook-signature", "")
    signed = request.get_data() + b"." + nonce.encode() + b"." + timestamp.encode()
    expected = base64.b64encode(hmac.new(SECRET, signed, hashlib.sha256).digest()).decode()
    fresh = timestamp.isdigit() and abs(time.time() - int(timestamp)) < 300
    if not (fresh and nonce and nonce not in NONCES and hmac.compare_digest(given, expected)):
        return False
    NONCES.add(nonce)
    return True


@app.post("/sinch")
def callback() -> Tuple[str, int]:
    if not valid_signature():
        return "bad signature", 401
    event = request.get_json()
    if "message" in event:
        message = event["message"]
        content = message["contact_message"]
        seen: Dict[str, Any] = {"trigger": "MESSAGE_INBOUND", "contact": message["contact_id"],
                                "conversation": message["conversation_id"],
                                "channel": message["channel_identity"]["channel"],
                                "identity": message["channel_identity"]["identity"]}
        if "text_message" in content:
            seen["text"] = content["text_message"]["text"]
        elif "media_message" in content:
            seen["media"] = content["media_message"]["url"]
        elif "choice_response_message" in content:
            seen["postback_data"] = content["choice_response_message"]["postback_data"]
        elif "location_message" in content:
            seen["coordinates"] = content["location_message"]["coordinates"]
        SEEN.append(seen)
    elif "message_delivery_report" in event:
        report = event["message_delivery_report"]
        SEEN.append({"trigger": "MESSAGE_DELIVERY", "message": report["message_id"], "status": report["status"],
                     "reason": report.get("reason", {}).get("code")})
    elif "conversation_start_notification" in event:
        SEEN.append({"trigger": "CONVERSATION_START",
                     "conversation": event["conversation_start_notification"]["conversation"]["id"]})
    elif "unsupported_callback" in event:
        SEEN.append({"trigger": "UNSUPPORTED", "channel": event["unsupported_callback"]["channel"]})
    return "", 200


@app.get("/seen")
def seen() -> Any:
    return jsonify(SEEN)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("RECEIVER_PORT", "8080")))
