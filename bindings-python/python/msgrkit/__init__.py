"""msgrkit: complete Facebook Messenger and Instagram messaging support.

Verify and parse webhooks, transcode and validate replies, keep the 24-hour policy, and
talk to the Graph API. Everything is decided by the Rust core (``msgrkit._native``);
this package only re-exports it. Errors are subclasses of ``MsgrkitError`` with a stable
``.code`` and a ``.field`` path; the shapes returned are described in ``msgrkit.types``.
"""

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
    compose,
    decide_policy,
    decide_private_reply,
    events_covered,
    events_own_echo,
    graph_diagnose,
    graph_parse_response,
    graph_parse_user_profile,
    graph_usage,
    menu,
    normalize,
    parse_webhook,
    receive_webhook,
    sign,
    transcode,
    validate,
    verify_handshake,
    verify_signature,
    verify_signature_any,
    verify_signature_headers,
)

__all__ = [
    "__version__",
    "verify_signature",
    "verify_signature_headers",
    "verify_signature_any",
    "receive_webhook",
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
    "decide_policy",
    "decide_private_reply",
    "Graph",
    "Client",
    "graph_parse_response",
    "graph_parse_user_profile",
    "graph_usage",
    "graph_diagnose",
    "MsgrkitError",
    "SignatureError",
    "ParseError",
    "InputError",
    "ValidationError",
    "PolicyError",
    "GraphApiError",
    "TransportError",
]
