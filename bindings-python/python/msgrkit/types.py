"""The shapes msgrkit returns, as ``TypedDict``s for type checkers. At run time every value
is a plain ``dict``/``list``; these classes only describe them. The wire names are the
core's serde form, identical in every language (see ``tests/vectors/README.md``)."""

from datetime import datetime
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, TypedDict, Union

__all__ = [
    "Body",
    "Headers",
    "JsonInput",
    "Time",
    "Dialect",
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
Platform = Union[Literal["messenger"], Literal["instagram"]]


class Party(TypedDict, total=False):
    """``sender`` / ``recipient``: a PSID (or IGSID), or a ``user_ref`` for opt-ins."""

    id: str
    user_ref: str


class QuickReply(TypedDict, total=False):
    payload: str


class ReplyTo(TypedDict, total=False):
    mid: str
    story: Dict[str, Any]


class Attachment(TypedDict, total=False):
    """``type`` is ``image``, ``video``, ``audio``, ``file``, ``location``, ``fallback``,
    ``template``, ``sticker``, ``reel``, ``ig_reel``, ``story_mention``, ``share``, or any
    newer type, kept as received. Keys beside ``type`` and ``payload`` that msgrkit
    does not model are kept as received too."""

    type: str
    payload: Dict[str, Any]


class MessagePayload(TypedDict, total=False):
    """An incoming message (or an echo). Fields Meta adds later are kept as received."""

    mid: str
    text: str
    attachments: List[Attachment]
    quick_reply: QuickReply
    reply_to: ReplyTo
    referral: Dict[str, Any]
    app_id: str
    metadata: str
    is_deleted: bool
    is_unsupported: bool
    sticker_id: str


class _EventFields(TypedDict):
    platform: Platform
    page_id: str
    sender: Optional[Party]
    recipient: Optional[Party]
    timestamp: int
    standby: bool
    dedupe_key: str
    conversation_key: str
    """``<platform>:<page>:<customer>``: one key per thread, for ordering and locks."""


class MessageEvent(_EventFields):
    type: Literal["message"]
    message: MessagePayload


class EchoEvent(_EventFields):
    type: Literal["echo"]
    echo: MessagePayload


class MessageDeletedEvent(_EventFields):
    """A person unsent a message (Instagram): remove it from the conversation."""

    type: Literal["message_deleted"]
    message_deleted: MessagePayload


class DeliveryEvent(_EventFields):
    type: Literal["delivery"]
    delivery: Dict[str, Any]


class ReadEvent(_EventFields):
    type: Literal["read"]
    read: Dict[str, Any]


class PostbackEvent(_EventFields):
    type: Literal["postback"]
    postback: Dict[str, Any]


class OptinEvent(_EventFields):
    type: Literal["optin"]
    optin: Dict[str, Any]


class ReferralEvent(_EventFields):
    type: Literal["referral"]
    referral: Dict[str, Any]


class ReactionEvent(_EventFields):
    type: Literal["reaction"]
    reaction: Dict[str, Any]


class MessageEditEvent(_EventFields):
    type: Literal["message_edit"]
    message_edit: Dict[str, Any]


class AccountLinkingEvent(_EventFields):
    type: Literal["account_linking"]
    account_linking: Dict[str, Any]


class PassThreadControlEvent(_EventFields):
    type: Literal["pass_thread_control"]
    pass_thread_control: Dict[str, Any]


class TakeThreadControlEvent(_EventFields):
    type: Literal["take_thread_control"]
    take_thread_control: Dict[str, Any]


class RequestThreadControlEvent(_EventFields):
    type: Literal["request_thread_control"]
    request_thread_control: Dict[str, Any]


class AppRolesEvent(_EventFields):
    type: Literal["app_roles"]
    app_roles: Dict[str, List[str]]


class PolicyEnforcementEvent(_EventFields):
    type: Literal["policy_enforcement"]
    policy_enforcement: Dict[str, Any]


class FeedbackEvent(_EventFields):
    type: Literal["feedback"]
    feedback: Dict[str, Any]


class GamePlayEvent(_EventFields):
    type: Literal["game_play"]
    game_play: Dict[str, Any]


class CommentEvent(_EventFields):
    """An Instagram comment (or a Page feed comment) that can get a private reply."""

    type: Literal["comment"]
    comment: Dict[str, Any]


class UnknownEvent(_EventFields):
    """An event msgrkit does not model yet: ``unknown["raw"]`` is the JSON as received."""

    type: Literal["unknown"]
    unknown: Dict[str, Any]


Event = Union[
    MessageEvent,
    EchoEvent,
    MessageDeletedEvent,
    DeliveryEvent,
    ReadEvent,
    PostbackEvent,
    OptinEvent,
    ReferralEvent,
    ReactionEvent,
    MessageEditEvent,
    AccountLinkingEvent,
    PassThreadControlEvent,
    TakeThreadControlEvent,
    RequestThreadControlEvent,
    AppRolesEvent,
    PolicyEnforcementEvent,
    FeedbackEvent,
    GamePlayEvent,
    CommentEvent,
    UnknownEvent,
]
"""One webhook event; narrow on ``event["type"]``."""


class EventError(TypedDict):
    """An event (or entry) that could not be read; its siblings are unaffected."""

    entry: int
    list: Optional[str]
    index: Optional[int]
    field: str
    code: str
    message: str
    raw: Any


class EntryWarning(TypedDict):
    """An entry field left out (a ``time`` or ``id`` of the wrong type); its items parsed."""

    entry: int
    field: str
    code: str
    message: str
    raw: Any


class _NotificationFields(TypedDict):
    object: str
    events: List[Event]
    errors: List[EventError]


class Notification(_NotificationFields, total=False):
    warnings: List[EntryWarning]
    """Present only when an entry field was left out."""


class Verified(TypedDict):
    """A signature verified against several secrets: which one matched (0-based)."""

    algorithm: Literal["sha256", "sha1"]
    secret_index: int


class _ReceivedFields(TypedDict):
    algorithm: Literal["sha256", "sha1"]
    secret_index: int
    notification: Notification


class Received(_ReceivedFields, total=False):
    """A webhook request verified and parsed by ``receive_webhook``."""

    api_version: str
    """The ``Facebook-API-Version`` header (``"v27.0"``); absent when the request had none."""


class _HandshakeFields(TypedDict):
    status: int
    body: str


class HandshakeAnswer(_HandshakeFields, total=False):
    """Answer Meta with ``status`` and ``body`` (text/plain); ``reason`` is for logs."""

    reason: str


class _TranscodeWarningFields(TypedDict):
    code: Literal["truncated", "split", "dropped", "replaced", "retired_feature", "unknown_field"]
    field: str


class TranscodeWarning(_TranscodeWarningFields, total=False):
    """A degradation: something was truncated, split, dropped or replaced."""

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


class Violation(_ViolationFields, total=False):
    """A broken rule, at a field path such as ``message.quick_replies``."""

    detail: str
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
