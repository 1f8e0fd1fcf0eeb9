"""msgrkit: complete Facebook Messenger and Instagram messaging support.

Verify and parse webhooks, transcode and validate replies, keep the 24-hour policy, and
talk to the Graph API. Everything is decided by the Rust core (``msgrkit._native``);
this package only re-exports it. Errors are subclasses of ``MsgrkitError`` with a stable
``.code`` and a ``.field`` path; the shapes returned are described in ``msgrkit.types``.
"""

# Begin generated imports (scripts/entry-points: the entries made from the table).
from ._entries import (
    graph_version_status,
    send_engine_step,
    client_plan,
    client_finish,
)
# End generated imports.
from .aio import AsyncClient
from ._errors import (
    GraphApiError,
    InputError,
    MsgrkitError,
    ParseError,
    PolicyError,
    SignatureError,
    TransportError,
    ValidationError,
)
from ._native import (
    Client,
    Graph,
    __version__,
    chat_link,
    check_webhook_head,
    codes,
    compose,
    decide_policy,
    decide_private_reply,
    emit,
    emit_outcome,
    events_covered,
    events_own_echo,
    graph_diagnose,
    graph_parse_response,
    graph_parse_user_profile,
    graph_usage,
    menu,
    normalize,
    parse_chat_link,
    parse_webhook,
    prepare_send,
    qr_svg,
    receive_webhook,
    record_delivery,
    sign,
    transcode,
    validate,
    verify_callback,
    verify_handshake,
    verify_signature,
    verify_signature_any,
    verify_signature_headers,
)

__all__ = [
    "__version__",
    # Begin generated names (scripts/entry-points: the entries made from the table).
    "graph_version_status",
    "send_engine_step",
    "client_plan",
    "client_finish",
    # End generated names.
    "verify_signature",
    "verify_signature_headers",
    "verify_signature_any",
    "receive_webhook",
    "check_webhook_head",
    "sign",
    "verify_handshake",
    "parse_webhook",
    "events_own_echo",
    "events_covered",
    "transcode",
    "compose",
    "menu",
    "validate",
    "normalize",
    "prepare_send",
    "decide_policy",
    "decide_private_reply",
    "Graph",
    "Client",
    "AsyncClient",
    "graph_parse_response",
    "graph_parse_user_profile",
    "graph_usage",
    "graph_diagnose",
    "emit",
    "emit_outcome",
    "verify_callback",
    "record_delivery",
    "chat_link",
    "codes",
    "parse_chat_link",
    "qr_svg",
    "MsgrkitError",
    "SignatureError",
    "ParseError",
    "InputError",
    "ValidationError",
    "PolicyError",
    "GraphApiError",
    "TransportError",
]
