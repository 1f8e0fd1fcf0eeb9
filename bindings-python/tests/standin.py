"""A Graph API stand-in on 127.0.0.1 for the tests: it answers from a script of replies
and records every request it receives. Never reaches the internet."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional, Tuple

SENT = {"recipient_id": "6500000000000001", "message_id": "m_standin"}


@dataclass
class Reply:
    status: int = 200
    body: Any = field(default_factory=lambda: dict(SENT))
    headers: List[Tuple[str, str]] = field(default_factory=list)
    delay: float = 0.0
    reflect: bool = False  # answer with the request's headers, as a misconfigured proxy would


@dataclass
class Seen:
    method: str
    path: str
    headers: Dict[str, str]  # names in lowercase
    body: bytes


class StandIn:
    """Answers with the scripted replies in order, then with the last one again."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies) or [Reply()]
        self.seen: List[Seen] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> "StandIn":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _next(self, seen: Seen) -> Reply:
        with self._lock:
            self.seen.append(seen)
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    def _handler(self) -> type:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = standin._next(Seen(self.command, self.path, headers, body))
                if reply.delay:
                    time.sleep(reply.delay)
                body_out = {"path": self.path, "headers": headers} if reply.reflect else reply.body
                text = body_out if isinstance(body_out, str) else json.dumps(body_out)
                data = text.encode()
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers:
                        self.send_header(name, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            do_GET = do_POST = do_DELETE = _answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def graph_error(code: int, subcode: Optional[int] = None, message: str = "stand-in") -> Dict[str, Any]:
    error: Dict[str, Any] = {"message": message, "type": "OAuthException", "code": code,
                             "fbtrace_id": "AStandIn"}
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}
