"""The receive side's shapes (events, a parsed delivery, a verified request, the
handshake's answer), as ``TypedDict``s; ``msgrkit.types`` re-exports every one."""

from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

__all__ = [
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
    "EventError",
    "EntryWarning",
    "Notification",
    "Verified",
    "Received",
    "HandshakeAnswer",
    "Event",
]

Platform = Union[Literal["messenger"], Literal["instagram"]]
"""The product a webhook came from, or a call is for."""

class Party(TypedDict, total=False):
    """``sender`` / ``recipient``: a PSID (or IGSID), or a ``user_ref`` for opt-ins."""

    id: str
    user_ref: str


class QuickReply(TypedDict, total=False):
    payload: str


class ReplyTo(TypedDict, total=False):
    mid: str
    story: Dict[str, Any]
    is_self_reply: bool


class _AttachmentFields(TypedDict):
    type: str


class Attachment(_AttachmentFields, total=False):
    """``type`` is ``image``, ``video``, ``audio``, ``file``, ``location``, ``fallback``,
    ``template``, ``sticker``, ``reel``, ``ig_reel``, ``story_mention``, ``share``, or any
    newer type, kept as received. Keys beside ``type`` and ``payload`` that msgrkit
    does not model are kept as received too."""

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
    platform: Union[Platform, Literal["other"]]
    """``other`` for a delivery whose ``object`` is neither ``page`` nor ``instagram``."""
    page_id: Optional[str]
    sender: Optional[Party]
    recipient: Optional[Party]
    timestamp: Optional[int]
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
