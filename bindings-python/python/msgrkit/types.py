"""The shapes msgrkit returns, as ``TypedDict``s for type checkers. At run time every value
is a plain ``dict``/``list``; these classes only describe them. The wire names are the
core's serde form, identical in every language (see ``tests/vectors/README.md``)."""

from datetime import datetime
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, TypedDict, Union

from .events import (
    Platform,
    AccountLinkingEvent,
    AppRolesEvent,
    Attachment,
    CommentEvent,
    DeliveryEvent,
    EchoEvent,
    EntryWarning,
    Event,
    EventError,
    FeedbackEvent,
    GamePlayEvent,
    HandshakeAnswer,
    MessageDeletedEvent,
    MessageEditEvent,
    MessageEvent,
    MessagePayload,
    Notification,
    OptinEvent,
    Party,
    PassThreadControlEvent,
    PolicyEnforcementEvent,
    PostbackEvent,
    QuickReply,
    ReactionEvent,
    ReadEvent,
    Received,
    ReferralEvent,
    ReplyTo,
    RequestThreadControlEvent,
    TakeThreadControlEvent,
    UnknownEvent,
    Verified,
)

__all__ = [
    "Body",
    "Headers",
    "JsonInput",
    "Time",
    "Dialect",
    "GraphCallName",
    "Platform",
    "Party",
    "QuickReply",
    "ReplyTo",
    "Attachment",
    "MessagePayload",
    "MessageEvent",
    "EchoEvent",
    "MessageDeletedEvent",
    "DeliveryEvent",
    "ReadEvent",
    "PostbackEvent",
    "OptinEvent",
    "ReferralEvent",
    "ReactionEvent",
    "MessageEditEvent",
    "AccountLinkingEvent",
    "PassThreadControlEvent",
    "TakeThreadControlEvent",
    "RequestThreadControlEvent",
    "AppRolesEvent",
    "PolicyEnforcementEvent",
    "FeedbackEvent",
    "GamePlayEvent",
    "CommentEvent",
    "UnknownEvent",
    "Event",
    "EntryWarning",
    "EventError",
    "Notification",
    "Verified",
    "Received",
    "HandshakeAnswer",
    "TranscodeWarning",
    "Transcoded",
    "Composed",
    "MenuComposed",
    "Violation",
    "Decision",
    "PreparedSend",
    "Refusal",
    "GraphRequest",
    "SendResult",
    "CallResult",
    "Finding",
    "ChatLinkParts",
]

Body = Union[bytes, bytearray, str]
"""The exact bytes received; a str is taken as its UTF-8 encoding."""
Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]]]
"""A mapping (a Flask or Django header object works) or (name, value) pairs."""
JsonInput = Union[Mapping[str, Any], List[Any], str, bytes]
"""A dict (or list) in the core's JSON form, or that JSON as text."""
Time = Union[int, datetime, str]
"""Epoch milliseconds, an aware datetime, or an RFC 3339 instant with its offset
("2026-04-27T00:00:00Z"); a naive datetime, or an instant without its offset, raises
InputError (the core reads them all)."""
Dialect = Union[Literal["neutral"], Literal["smooch"], Literal["sinch"], Literal["linktor"]]
GraphCallName = Union[
    Literal["send"], Literal["sender_action"], Literal["react"], Literal["upload_url"],
    Literal["upload_bytes"], Literal["profile_get"], Literal["profile_set"],
    Literal["profile_delete"], Literal["user_menu_set"], Literal["user_menu_get"],
    Literal["user_menu_delete"], Literal["thread_control"], Literal["thread_owner"],
    Literal["secondary_receivers"], Literal["user_profile"], Literal["persona_create"],
    Literal["personas"], Literal["persona_delete"], Literal["accounts"],
    Literal["subscribed_apps"], Literal["subscribe"], Literal["permissions"], Literal["me"],
    Literal["debug_token"], Literal["batch"],
]
"""A Graph call `Graph.request` and `Client.call` know: the core's `GraphCall` (the test
suite checks this list against schema/inputs.schema.json)."""


class TranscodeWarning(TypedDict):
    """A degradation: something was truncated, split, dropped or replaced."""

    code: Literal[
        "truncated",
        "split",
        "dropped",
        "replaced",
        "retired_feature",
        "unknown_field",
        "no_equivalent",
    ]
    field: str
    detail: str


class Transcoded(TypedDict):
    messages: List[Dict[str, Any]]
    options: Dict[str, Any]
    warnings: List[TranscodeWarning]


class Composed(TypedDict):
    messages: List[Dict[str, Any]]
    warnings: List[TranscodeWarning]


class MenuComposed(TypedDict):
    profile: Dict[str, Any]
    warnings: List[TranscodeWarning]


class _ViolationFields(TypedDict):
    code: str
    field: str
    detail: str


class Violation(_ViolationFields, total=False):
    """A broken rule, at a field path such as ``message.quick_replies``."""

    max: int
    min: int
    actual: int
    unit: str
    retired_on: str
    replacement: str


class Decision(TypedDict):
    """``messaging_type`` (``RESPONSE``, ``UPDATE`` or ``MESSAGE_TAG``) and the tag."""

    messaging_type: str
    tag: Optional[str]


class _PreparedSendFields(TypedDict):
    requests: List[Dict[str, Any]]
    warnings: List[TranscodeWarning]


class PreparedSend(_PreparedSendFields, total=False):
    """The requests to send, in order, every one valid (``prepare_send``); ``decision``
    when the thread's facts were given as ``policy``."""

    decision: Decision


class _RefusalFields(TypedDict):
    code: str
    detail: str


class Refusal(_RefusalFields, total=False):
    window_closed_at: int
    retired_on: str
    replacement: str


class GraphRequest(TypedDict):
    """A request as data, to run with any HTTP client."""

    method: str
    url: str
    headers: List[List[str]]
    body: Any


class _SendResultFields(TypedDict):
    recipient_id: str
    message_id: str
    attempts: int


class SendResult(_SendResultFields, total=False):
    attachment_id: str


class CallResult(TypedDict):
    body: Any
    attempts: int
    usage: Dict[str, Any]


class _FindingFields(TypedDict):
    code: str
    severity: Literal["ok", "warning", "error"]
    detail: str


class Finding(_FindingFields, total=False):
    fix: str


class ChatLinkParts(TypedDict, total=False):
    """A chat link's parts: one of ``page`` and ``instagram``, then what it carries."""

    page: str
    instagram: str
    ref: str
    text: str
    other: List[Tuple[str, str]]
    """Other query parameters of a parsed link, as they came."""
