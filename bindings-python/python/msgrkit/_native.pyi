# Hand-written stubs of the native module, checked against it by mypy.stubtest in CI.
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal, Optional, Union, final

from .callbacks import Emitted, Outcome, Vendor
from .types import (
    Body,
    CallResult,
    ChatLinkParts,
    Dialect,
    GraphCallName,
    Headers,
    JsonInput,
    Platform,
    Time,
    Composed,
    Decision,
    Finding,
    GraphRequest,
    HandshakeAnswer,
    MenuComposed,
    Notification,
    PreparedSend,
    Received,
    SendResult,
    Transcoded,
    Verified,
    Violation,
)

__version__: str
__all__ = [
    "Client",
    "Graph",
    "__version__",
    "chat_link",
    "codes",
    "compose",
    "decide_policy",
    "decide_private_reply",
    "emit",
    "emit_outcome",
    "events_covered",
    "events_own_echo",
    "graph_diagnose",
    "graph_parse_response",
    "graph_parse_user_profile",
    "graph_usage",
    "menu",
    "normalize",
    "parse_chat_link",
    "parse_webhook",
    "prepare_send",
    "qr_svg",
    "receive_webhook",
    "sign",
    "transcode",
    "validate",
    "verify_handshake",
    "verify_callback",
    "verify_signature",
    "verify_signature_any",
    "verify_signature_headers",
]

def verify_signature(
    app_secret: Body, body: Body, header: str, *, allow_sha1: bool = False
) -> Literal["sha256", "sha1"]: ...
def verify_signature_headers(
    app_secret: Body, body: Body, headers: Headers, *, allow_sha1: bool = False
) -> Literal["sha256", "sha1"]: ...
def verify_signature_any(
    app_secrets: Union[Body, Iterable[Body]], body: Body, header: str, *, allow_sha1: bool = False
) -> Verified: ...
def receive_webhook(
    app_secrets: Union[Body, Iterable[Body]],
    body: Body,
    headers: Headers,
    *,
    allow_sha1: bool = False,
    max_body_bytes: Optional[int] = None,
) -> Received: ...
def sign(app_secret: Body, body: Body) -> str: ...
def emit(vendor: Vendor, body: Body, **config: Any) -> Emitted: ...
def emit_outcome(vendor: Vendor, outcome: Union[Outcome, JsonInput], **config: Any) -> Emitted: ...
def verify_callback(vendor: Vendor, body: Body, headers: Headers, secret: str) -> None: ...
def verify_handshake(
    query: Union[str, Mapping[str, str], Iterable[tuple[str, str]]], verify_token: str
) -> HandshakeAnswer: ...
def parse_webhook(body: Body, *, max_body_bytes: Optional[int] = None) -> Notification: ...
def events_own_echo(body: Body, app_id: str) -> list[bool]: ...
def events_covered(body: Body, sent: JsonInput) -> list[list[str]]: ...
def transcode(message: JsonInput, *, dialect: Dialect = "neutral", **options: Any) -> Transcoded: ...
def compose(message: JsonInput, **options: Any) -> Composed: ...
def menu(menu: JsonInput, *, dialect: Dialect = "neutral", **options: Any) -> MenuComposed: ...
def validate(
    request: JsonInput,
    *,
    as_of: Union[str, date, None] = None,
    platform: Optional[Platform] = None,
    region: Optional[str] = None,
) -> list[Violation]: ...
def normalize(body: JsonInput) -> dict[str, Any]: ...
def prepare_send(
    *,
    recipient: str,
    messages: Optional[list[JsonInput]] = None,
    message: Optional[JsonInput] = None,
    dialect: Optional[Dialect] = None,
    options: Optional[Mapping[str, Any]] = None,
    tag: Optional[str] = None,
    policy: Optional[Mapping[str, Any]] = None,
) -> PreparedSend: ...
def decide_policy(
    *,
    last_user_activity: Time,
    now: Time,
    author: Optional[Literal["bot", "human"]] = None,
    intent: Union[Literal["reply", "update"], Mapping[str, str], None] = None,
    mode: Optional[Literal["explicit", "auto_human_agent"]] = None,
    platform: Optional[Platform] = None,
) -> Decision: ...
def decide_private_reply(
    *, comment_created: Time, now: Time, already_replied: Optional[bool] = None
) -> Decision: ...
def graph_parse_response(status: int, headers: Headers, body: Body) -> Any: ...
def graph_parse_user_profile(
    status: int, headers: Headers, body: Body
) -> Optional[dict[str, Any]]: ...
def graph_usage(headers: Headers) -> dict[str, Any]: ...
def graph_diagnose(answers: JsonInput) -> list[Finding]: ...
def chat_link(
    *,
    page: Optional[str] = None,
    instagram: Optional[str] = None,
    ref: Optional[str] = None,
    text: Optional[str] = None,
) -> str: ...
def parse_chat_link(url: str) -> ChatLinkParts: ...
def codes() -> list[dict[str, str]]: ...
def qr_svg(
    text: str, *, level: Optional[Literal["L", "M", "Q", "H"]] = None, size: Optional[int] = None
) -> str: ...
@final
class Graph:
    def __new__(
        cls,
        token: Optional[str],
        *,
        app_secret: Optional[str] = None,
        version: Optional[str] = None,
        base_url: Optional[str] = None,
        page_id: Optional[str] = None,
        login: Optional[Literal["facebook", "instagram"]] = None,
    ) -> Graph: ...
    def request(self, call: GraphCallName, /, **args: Any) -> GraphRequest: ...
    def diagnose_requests(self, app_id: Optional[str] = None) -> list[GraphRequest]: ...

@final
class Client:
    def __new__(
        cls,
        token: Optional[str],
        *,
        app_secret: Optional[str] = None,
        version: Optional[str] = None,
        base_url: Optional[str] = None,
        page_id: Optional[str] = None,
        login: Optional[Literal["facebook", "instagram"]] = None,
        max_attempts: Optional[int] = None,
        budget_ms: Optional[int] = None,
        timeout_ms: Optional[int] = None,
        retry_unknown_outcome: Optional[bool] = None,
    ) -> Client: ...
    def send(self, request: JsonInput) -> SendResult: ...
    def call(self, call: GraphCallName, /, **args: Any) -> CallResult: ...
    def diagnose(self, app_id: Optional[str] = None) -> list[Finding]: ...
