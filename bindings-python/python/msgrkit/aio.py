"""``AsyncClient``: the Graph client on asyncio, over httpx (``pip install msgrkit[async]``).

A driver of the core's send engine and nothing more: the core plans each request
(``client_plan``), decides when it may go and whether to retry (``send_engine_step``: one
send at a time per recipient, the Page's budgets, pauses on rate limits, the breaker) and
reads the outcome (``client_finish``). This module only moves bytes over httpx, sleeps
until the engine's ``wake`` without blocking the loop, and hands each caller its result.
"""

import asyncio
import itertools
import time
from typing import Any, Dict, List, Optional, Set, cast

from ._entries import client_finish, client_plan, send_engine_step


def _now_ms() -> int:
    return int(time.time() * 1000)


class AsyncClient:
    """Graph calls as coroutines: ``await client.send(request)``, ``await
    client.call("user_profile", psid=...)``. Settings as ``Client``'s (``app_secret``,
    ``version``, ``base_url``, ``page_id``, ``login``, ``max_attempts``, ``budget_ms``,
    ``timeout_ms``, ``retry_unknown_outcome``), read by the core.

    One engine per client: sends to one recipient go one at a time, in order, and every
    send shares the Page's budgets. A caller that is cancelled does not lose its send: one
    still queued is withdrawn, one already sent runs to its end, and either way its
    outcome (the engine's ``done``) is kept in ``abandoned``."""

    def __init__(self, token: str, *, http: Any = None, **settings: Any) -> None:
        if http is None:
            try:
                import httpx
            except ImportError as missing:  # pragma: no cover - depends on the extra
                raise ImportError("AsyncClient needs httpx: pip install msgrkit[async]") from missing
            http = httpx.AsyncClient()
        self._http = http
        self._config: Dict[str, Any] = {"token": token, **settings}
        self._engine: Optional[Dict[str, Any]] = None
        self._state: Optional[Dict[str, Any]] = None
        self._inputs: List[Dict[str, Any]] = []
        self._waiting: Dict[str, "asyncio.Future[Dict[str, Any]]"] = {}
        self._in_flight: Set[str] = set()
        self._timeouts: Dict[str, float] = {}
        self._ids = itertools.count(1)
        self._wake = asyncio.Event()
        self._runner: Optional["asyncio.Task[None]"] = None
        self._tasks: Set["asyncio.Task[None]"] = set()
        #: The ``done`` of every send whose caller was cancelled.
        self.abandoned: List[Dict[str, Any]] = []
        #: Every ``paused``, ``breaker`` and ``stopped`` the engine said, in order.
        self.events: List[Dict[str, Any]] = []

    async def send(self, request: Any) -> Dict[str, Any]:
        """Sends a Send API request (validated first, as ``Client.send``):
        ``{recipient_id, message_id, attachment_id?, attempts}``."""
        plan = client_plan(config=cast(Any, self._config), send=request, now=_now_ms())
        return dict(client_finish(operation="send", done=cast(Any, await self._run(plan))))

    async def call(self, call: str, **args: Any) -> Dict[str, Any]:
        """Runs the Graph builder ``call`` with its arguments: ``{body, attempts, usage}``."""
        plan = client_plan(config=cast(Any, self._config), call=call, args=args, now=_now_ms())
        return dict(client_finish(operation="call", done=cast(Any, await self._run(plan))))

    def resume(self) -> None:
        """After a dead token (a ``stopped`` in ``events``; its send and every one waiting
        or made since raised ``graph_auth`` without a request) works again: the Page's
        sends go again. (A new token needs a new client.)"""
        for event in self.events:
            if event["type"] == "stopped":
                self._tell({"type": "resume", "account": event["account"]})

    def snapshot(self) -> Optional[Dict[str, Any]]:
        """The engine's state: the sends not done, each Page's budgets, pauses and breaker."""
        return self._state

    async def aclose(self) -> None:
        """Waits for the sends in progress, then closes the HTTP client."""
        while self._runner is not None and not self._runner.done():
            await asyncio.wait({self._runner})
        await self._http.aclose()

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _run(self, plan: Any) -> Dict[str, Any]:
        send_id = f"s{next(self._ids)}"
        self._engine = dict(plan["engine"])
        self._timeouts[send_id] = plan["timeout_ms"] / 1000
        enqueue = {"type": "enqueue", "id": send_id, "account": plan["account"], "kind": plan["kind"],
                   "request": plan["request"], "deadline": plan["deadline"]}
        if "thread" in plan:
            enqueue["thread"] = plan["thread"]
        future: "asyncio.Future[Dict[str, Any]]" = asyncio.get_running_loop().create_future()
        self._waiting[send_id] = future
        self._tell(enqueue)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:
            # Withdraw it if it has not left; else its answer is awaited and kept.
            if send_id not in self._in_flight and not future.done():
                self._tell({"type": "cancel", "id": send_id})
            future.add_done_callback(lambda done: self.abandoned.append(done.result()))
            raise

    def _tell(self, engine_input: Dict[str, Any]) -> None:
        self._inputs.append(engine_input)
        self._wake.set()
        if self._runner is None or self._runner.done():
            self._runner = asyncio.get_running_loop().create_task(self._loop())

    async def _loop(self) -> None:
        while self._waiting:
            inputs, self._inputs = self._inputs, []
            self._wake.clear()
            # An answer applied in this step ends that request's flight.
            self._in_flight.difference_update(i["id"] for i in inputs if i["type"] in ("answer", "no_answer"))
            answer = send_engine_step(config=cast(Any, self._engine), state=self._state,
                                      steps=[cast(Any, {"now": _now_ms(), "inputs": inputs})])
            self._state = dict(answer["state"])
            wake_at: Optional[int] = None
            for action in answer["actions"][0]:
                kind = action["type"]
                if kind == "send":
                    self._in_flight.add(action["id"])
                    task = asyncio.get_running_loop().create_task(self._perform(action))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
                elif kind == "done":
                    self._in_flight.discard(action["id"])
                    self._timeouts.pop(action["id"], None)
                    future = self._waiting.pop(action["id"], None)
                    if future is not None and not future.done():
                        future.set_result(action)
                elif kind == "wake":
                    wake_at = action["at"]
                else:
                    self.events.append(action)
            if not self._waiting or self._inputs:
                continue
            delay = None if wake_at is None else max(0.0, (wake_at - _now_ms()) / 1000)
            try:
                await asyncio.wait_for(self._wake.wait(), delay)
            except asyncio.TimeoutError:
                pass

    async def _perform(self, action: Dict[str, Any]) -> None:
        import httpx

        request = action["request"]
        body = request.get("body")
        content = None if body is None else body if isinstance(body, str) else _json_text(body)
        try:
            answer = await self._http.request(
                request["method"], request["url"], headers=request["headers"], content=content,
                timeout=self._timeouts.get(action["id"]))
            reported: Dict[str, Any] = {"type": "answer", "id": action["id"], "status": answer.status_code,
                                        "headers": [list(pair) for pair in answer.headers.multi_items()],
                                        "body": answer.text}
        except (httpx.ConnectError, httpx.ConnectTimeout):
            reported = {"type": "no_answer", "id": action["id"], "failure": "connect"}
        except httpx.TimeoutException:
            reported = {"type": "no_answer", "id": action["id"], "failure": "timeout"}
        except httpx.HTTPError:
            reported = {"type": "no_answer", "id": action["id"], "failure": "interrupted"}
        self._tell(reported)


def _json_text(body: Any) -> str:
    import json

    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)
