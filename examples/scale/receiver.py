"""The webhook receiver: judge the request by its headers (msgrkit.check_webhook_head),
read exactly the body it announced, verify the signature over those bytes, append body and
headers to a Redis stream, and answer 200 only once Redis has acknowledged the write (503
otherwise, so Meta delivers again). Nothing else happens here: Meta wants an answer within
20 s, and parsing or handling can wait in the stream.

Memory is bounded before a byte of the body is read: an unsigned request (401), one
without a Content-Length (411), with one that is not a number (400) or over msgrkit's body
limit (413) is answered at once and the connection closed, unread. A body that stops
arriving is given up after READ_TIMEOUT_S.

    python receiver.py PORT
"""

import json
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import redis

import msgrkit
from common import APP_SECRET, INBOUND, LINGER_S, READ_TIMEOUT_S, REDIS_URL

store = redis.Redis.from_url(REDIS_URL, socket_timeout=5, socket_connect_timeout=2)

# What a refusal of the request's head is answered with.
HEAD_STATUS = {"required": 411, "invalid_input": 400, "body_too_large": 413}


class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Meta's delivery connections are
    timeout = READ_TIMEOUT_S  # for the request line, the headers and the body

    def answer(self, status: int, text: str = "", close: bool = False) -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)
        if close:
            self.linger()

    def linger(self) -> None:
        """After refusing a body unread: say we are done, then read and drop what the client
        still sends, for LINGER_S at most, so that closing does not reset the connection
        before the client has read the answer. Nothing read is kept."""
        deadline = time.monotonic() + LINGER_S
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(LINGER_S)
            while time.monotonic() < deadline and self.connection.recv(1 << 16):
                pass
        except OSError:
            pass

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        headers = list(self.headers.items())
        try:
            length = msgrkit.check_webhook_head(headers)
        except msgrkit.SignatureError as refused:
            return self.answer(401, refused.code, close=True)
        except msgrkit.MsgrkitError as refused:
            return self.answer(HEAD_STATUS.get(refused.code, 400), refused.code, close=True)
        try:
            body = self.rfile.read(length)
        except (socket.timeout, OSError):
            self.close_connection = True
            return
        if len(body) != length:  # the client closed before sending all it announced
            self.close_connection = True
            return
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

    def do_GET(self) -> None:  # noqa: N802
        self.answer(405, "POST only", close=True)

    do_PUT = do_DELETE = do_PATCH = do_GET  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # one line per request would cost more than the request


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that gave up (Meta after its timeout) is not the receiver's error.
        if not isinstance(sys.exc_info()[1], (ConnectionError, socket.timeout)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


if __name__ == "__main__":
    server = Server(("127.0.0.1", int(sys.argv[1])), Receiver)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
