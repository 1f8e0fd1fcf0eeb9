# Hand-written stubs of the native module, checked against it by mypy.stubtest in CI.
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal, Optional, Union, final, overload

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
    "call",
    "Client",
    "Graph",
    "__version__",
    "chat_link",
    "check_webhook_head",
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
    "record_delivery",
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
def check_webhook_head(
    headers: Headers, *, allow_sha1: bool = False, max_body_bytes: Optional[int] = None
) -> int: ...
def sign(app_secret: Body, body: Body) -> str: ...
def emit(vendor: Vendor, body: Body, **config: Any) -> Emitted: ...
def emit_outcome(vendor: Vendor, outcome: Union[Outcome, JsonInput], **config: Any) -> Emitted: ...
def verify_callback(vendor: Vendor, body: Body, headers: Headers, secret: str) -> None: ...
def record_delivery(body: Body, headers: Headers, app_secret: str, delivery: JsonInput) -> str: ...
def verify_handshake(
    query: Union[str, Mapping[str, str], Iterable[tuple[str, str]]], verify_token: str
) -> HandshakeAnswer: ...
def parse_webhook(body: Body, *, max_body_bytes: Optional[int] = None) -> Notification: ...
def events_own_echo(body: Body, app_id: str) -> list[bool]: ...
def events_covered(body: Body, sent: JsonInput) -> list[list[str]]: ...
def transcode(message: JsonInput, *, dialect: Dialect = ..., **options: Any) -> Transcoded: ...
def compose(message: JsonInput, **options: Any) -> Composed: ...
def menu(menu: JsonInput, *, dialect: Dialect = ..., **options: Any) -> MenuComposed: ...
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
def call(function: str, input: Mapping[str, Any]) -> Any: ...
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
    # One overload per Graph call, its arguments as the core reads them (GraphCall in
    # schema/inputs.schema.json; tests/test_input_schema.py checks each one).
    @overload
    def request(self, call: Literal["send"], /, *, request: JsonInput) -> GraphRequest: ...
    @overload
    def request(
        self, call: Literal["sender_action"], /, *, action: str, psid: str
    ) -> GraphRequest: ...
    @overload
    def request(
        self, call: Literal["react"], /, *, message_id: str, psid: str, emoji: Optional[str] = None
    ) -> GraphRequest: ...
    @overload
    def request(
        self,
        call: Literal["upload_url"],
        /,
        *,
        type: str,
        url: str,
        platform: Optional[Platform] = None,
    ) -> GraphRequest: ...
    @overload
    def request(
        self,
        call: Literal["upload_bytes"],
        /,
        *,
        data: str,
        filename: str,
        mime: str,
        type: str,
        platform: Optional[Platform] = None,
    ) -> GraphRequest: ...
    @overload
    def request(
        self,
        call: Literal["profile_get"],
        /,
        *,
        fields: list[str] = ...,
        platform: Optional[Platform] = None,
    ) -> GraphRequest: ...
    @overload
    def request(
        self,
        call: Literal["profile_set"],
        /,
        *,
        profile: JsonInput,
        platform: Optional[Platform] = None,
    ) -> GraphRequest: ...
    @overload
    def request(
        self,
        call: Literal["profile_delete"],
        /,
        *,
        fields: list[str] = ...,
        platform: Optional[Platform] = None,
    ) -> GraphRequest: ...
    @overload
    def request(
        self, call: Literal["user_menu_set"], /, *, menu: list[Mapping[str, Any]], psid: str
    ) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["user_menu_get"], /, *, psid: str) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["user_menu_delete"], /, *, psid: str) -> GraphRequest: ...
    @overload  # its argument `call` cannot be typed beside the positional `call`
    def request(self, call: Literal["thread_control"], /, **args: Any) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["thread_owner"], /, *, psid: str) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["secondary_receivers"], /) -> GraphRequest: ...
    @overload
    def request(
        self, call: Literal["user_profile"], /, *, psid: str, fields: Optional[list[str]] = None
    ) -> GraphRequest: ...
    @overload
    def request(
        self, call: Literal["persona_create"], /, *, name: str, profile_picture_url: str
    ) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["personas"], /) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["persona_delete"], /, *, persona_id: str) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["accounts"], /) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["subscribed_apps"], /) -> GraphRequest: ...
    @overload
    def request(
        self, call: Literal["subscribe"], /, *, fields: Optional[list[str]] = None
    ) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["permissions"], /) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["me"], /) -> GraphRequest: ...
    @overload
    def request(self, call: Literal["debug_token"], /, *, input_token: str) -> GraphRequest: ...
    @overload
    def request(
        self, call: Literal["batch"], /, *, items: list[Mapping[str, Any]]
    ) -> GraphRequest: ...
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
    # One overload per Graph call, its arguments as the core reads them (GraphCall in
    # schema/inputs.schema.json; tests/test_input_schema.py checks each one).
    @overload
    def call(self, call: Literal["send"], /, *, request: JsonInput) -> CallResult: ...
    @overload
    def call(self, call: Literal["sender_action"], /, *, action: str, psid: str) -> CallResult: ...
    @overload
    def call(
        self, call: Literal["react"], /, *, message_id: str, psid: str, emoji: Optional[str] = None
    ) -> CallResult: ...
    @overload
    def call(
        self,
        call: Literal["upload_url"],
        /,
        *,
        type: str,
        url: str,
        platform: Optional[Platform] = None,
    ) -> CallResult: ...
    @overload
    def call(
        self,
        call: Literal["upload_bytes"],
        /,
        *,
        data: str,
        filename: str,
        mime: str,
        type: str,
        platform: Optional[Platform] = None,
    ) -> CallResult: ...
    @overload
    def call(
        self,
        call: Literal["profile_get"],
        /,
        *,
        fields: list[str] = ...,
        platform: Optional[Platform] = None,
    ) -> CallResult: ...
    @overload
    def call(
        self,
        call: Literal["profile_set"],
        /,
        *,
        profile: JsonInput,
        platform: Optional[Platform] = None,
    ) -> CallResult: ...
    @overload
    def call(
        self,
        call: Literal["profile_delete"],
        /,
        *,
        fields: list[str] = ...,
        platform: Optional[Platform] = None,
    ) -> CallResult: ...
    @overload
    def call(
        self, call: Literal["user_menu_set"], /, *, menu: list[Mapping[str, Any]], psid: str
    ) -> CallResult: ...
    @overload
    def call(self, call: Literal["user_menu_get"], /, *, psid: str) -> CallResult: ...
    @overload
    def call(self, call: Literal["user_menu_delete"], /, *, psid: str) -> CallResult: ...
    @overload  # its argument `call` cannot be typed beside the positional `call`
    def call(self, call: Literal["thread_control"], /, **args: Any) -> CallResult: ...
    @overload
    def call(self, call: Literal["thread_owner"], /, *, psid: str) -> CallResult: ...
    @overload
    def call(self, call: Literal["secondary_receivers"], /) -> CallResult: ...
    @overload
    def call(
        self, call: Literal["user_profile"], /, *, psid: str, fields: Optional[list[str]] = None
    ) -> CallResult: ...
    @overload
    def call(
        self, call: Literal["persona_create"], /, *, name: str, profile_picture_url: str
    ) -> CallResult: ...
    @overload
    def call(self, call: Literal["personas"], /) -> CallResult: ...
    @overload
    def call(self, call: Literal["persona_delete"], /, *, persona_id: str) -> CallResult: ...
    @overload
    def call(self, call: Literal["accounts"], /) -> CallResult: ...
    @overload
    def call(self, call: Literal["subscribed_apps"], /) -> CallResult: ...
    @overload
    def call(
        self, call: Literal["subscribe"], /, *, fields: Optional[list[str]] = None
    ) -> CallResult: ...
    @overload
    def call(self, call: Literal["permissions"], /) -> CallResult: ...
    @overload
    def call(self, call: Literal["me"], /) -> CallResult: ...
    @overload
    def call(self, call: Literal["debug_token"], /, *, input_token: str) -> CallResult: ...
    @overload
    def call(self, call: Literal["batch"], /, *, items: list[Mapping[str, Any]]) -> CallResult: ...
    def diagnose(self, app_id: Optional[str] = None) -> list[Finding]: ...
