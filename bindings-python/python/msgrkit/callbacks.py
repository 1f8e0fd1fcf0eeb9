"""The shapes of inbound transcoding (``msgrkit.emit``, ``msgrkit.emit_outcome``): Meta's
webhooks and send outcomes as the callbacks of Smooch, Sunshine Conversations, Sinch and
Linktor. Plain ``dict``s at run time; these ``TypedDict``s only describe them."""

from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

from .types import EventError, Platform

__all__ = ["Vendor", "Callback", "EmitWarning", "Emitted", "Outcome"]

Vendor = Union[Literal["smooch"], Literal["sunshine"], Literal["sinch"], Literal["linktor"]]


class Callback(TypedDict):
    """One callback: POST ``body_text`` (the bytes the signature covers) with ``headers``."""

    headers: Dict[str, str]
    body: Dict[str, Any]
    body_text: str


class EmitWarning(TypedDict):
    """Something of an event the vendor cannot carry (``no_equivalent``: all of it)."""

    code: str
    event: int
    dedupe_key: str
    field: str
    detail: str


class Emitted(TypedDict):
    callbacks: List[Callback]
    warnings: List[EmitWarning]
    errors: List[EventError]


class _OutcomeFields(TypedDict):
    status: int
    body: Any
    message_id: str
    recipient: str


class Outcome(_OutcomeFields, total=False):
    """A send's outcome: Graph's status and answer, and the host's ID of the message."""

    page_id: str
    platform: Platform
    timestamp: Optional[int]
