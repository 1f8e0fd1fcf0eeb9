"""The exceptions msgrkit raises. Every one has ``.code`` (the core's stable snake_case
code, identical in C, Python and Node) and ``.field`` (the path of the offending field, or
None). The native module builds them; nothing here decides anything."""

from typing import Any, Dict, List, Optional, Tuple, Type, TypeVar

_E = TypeVar("_E", bound="MsgrkitError")


def _restore(cls: Type[_E], message: str, state: Dict[str, Any]) -> _E:
    """Rebuilds a pickled error: its class, message and every attribute, as it was."""
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class MsgrkitError(Exception):
    """The base of every msgrkit error. Errors pickle (for Celery, RQ, multiprocessing)
    with their message, ``.code``, ``.field`` and every detail."""

    code: str
    field: Optional[str]

    def __init__(self, message: str, *, code: str, field: Optional[str] = None) -> None:
        super().__init__(message)
        self.code = code
        self.field = field

    def __reduce__(self) -> Tuple[Any, ...]:
        message = str(self.args[0]) if self.args else ""
        return (_restore, (type(self), message, dict(self.__dict__)))


class SignatureError(MsgrkitError, ValueError):
    """The webhook signature is missing, malformed or wrong, or the app secret is empty."""


class ParseError(MsgrkitError, ValueError):
    """The bytes could not be read as a webhook (not UTF-8, not JSON, not an envelope)."""


class InputError(MsgrkitError, ValueError):
    """An argument is unusable: mistyped, missing, or not expressible on Messenger."""


class ValidationError(MsgrkitError, ValueError):
    """A payload breaks Messenger's rules; ``.violations`` lists every one."""

    violations: List[Dict[str, Any]]

    def __init__(
        self,
        message: str,
        *,
        code: str,
        field: Optional[str] = None,
        violations: Optional[List[Dict[str, Any]]] = None,
    ) -> None:
        super().__init__(message, code=code, field=field)
        self.violations = violations if violations is not None else []


class PolicyError(MsgrkitError):
    """Meta would refuse the send (outside the window, a retired tag, ...); ``.refusal``
    holds the whole decision (``window_closed_at``, ``retired_on``, ``replacement``)."""

    refusal: Dict[str, Any]

    def __init__(
        self,
        message: str,
        *,
        code: str,
        field: Optional[str] = None,
        refusal: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(message, code=code, field=field)
        self.refusal = refusal if refusal is not None else {}


class GraphApiError(MsgrkitError):
    """The Graph API refused a request. ``.code`` is the class (``graph_auth``,
    ``graph_rate_limited``, ...); ``.graph`` holds everything Meta said."""

    status: int
    graph_code: Optional[int]
    subcode: Optional[int]
    fbtrace_id: Optional[str]
    retryable: bool
    retry_after: Optional[int]
    attempts: int
    transport: Optional[str]
    graph: Dict[str, Any]

    def __init__(
        self,
        message: str,
        *,
        code: str,
        field: Optional[str] = None,
        status: int = 0,
        graph_code: Optional[int] = None,
        subcode: Optional[int] = None,
        fbtrace_id: Optional[str] = None,
        retryable: bool = False,
        retry_after: Optional[int] = None,
        attempts: int = 0,
        transport: Optional[str] = None,
        graph: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(message, code=code, field=field)
        self.status = status
        self.graph_code = graph_code
        self.subcode = subcode
        self.fbtrace_id = fbtrace_id
        self.retryable = retryable
        self.retry_after = retry_after
        self.attempts = attempts
        self.transport = transport
        self.graph = graph if graph is not None else {}


class TransportError(GraphApiError):
    """No answer arrived: ``.transport`` says why (``connect``, ``timeout``,
    ``interrupted``). After a timeout or an interruption Meta may have acted on a send."""
