"""The webhook receiver: verify the signature over the raw body, append body and headers
to a Redis stream, and answer 200 only once Redis has acknowledged the write (503
otherwise, so Meta delivers again). Nothing else happens here: Meta wants an answer
within 20 s, and parsing or handling can wait in the stream.

    python receiver.py PORT
"""

import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import redis

import msgrkit
from common import APP_SECRET, INBOUND, REDIS_URL

store = redis.Redis.from_url(REDIS_URL)


class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Meta's delivery connections are

    def answer(self, status: int, text: str = "") -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        headers = list(self.headers.items())
        try:
            msgrkit.verify_signature_headers(APP_SECRET, body, headers)
        except msgrkit.SignatureError as refused:
            return self.answer(401, refused.code)
        try:
            store.xadd(INBOUND, {"body": body, "headers": json.dumps(headers),
                                 "received_ms": int(time.time() * 1000)})
        except redis.RedisError:
            return self.answer(503, "not stored")
        self.answer(200, "EVENT_RECEIVED")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # one line per request would cost more than the request


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that gave up (Meta after its timeout) is not the receiver's error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


if __name__ == "__main__":
    server = Server(("127.0.0.1", int(sys.argv[1])), Receiver)
    server.serve_forever()
