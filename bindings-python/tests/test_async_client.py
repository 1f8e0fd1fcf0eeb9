"""AsyncClient on one asyncio loop against the Graph stand-in on 127.0.0.1: sends that back
off from 613s leave the loop free, one recipient's sends keep their order, a cancelled
send is reported, and answers and errors are the blocking Client's."""

import asyncio
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import msgrkit
from standin import SENT, Reply, StandIn, graph_error

TOKEN = "EAAG-async-test-token"


def request(psid: str, text: str = "Hi") -> Dict[str, Any]:
    return {"recipient": {"id": psid}, "messaging_type": "RESPONSE", "message": {"text": text}}


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def test_sends_backing_off_leave_the_loop_free(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_text("hello")
    limited = Reply(status=400, body=graph_error(613), headers=[("Retry-After", "1")])

    async def scenario(url: str) -> Tuple[List[Dict[str, Any]], float, float, float]:
        async with msgrkit.AsyncClient(TOKEN, base_url=url) as client:
            started = time.monotonic()
            sends = [asyncio.ensure_future(client.send(request(f"65000000000000{n:02d}"))) for n in range(8)]
            await asyncio.sleep(0.2)  # all eight have had their 613 and wait out the pause
            tick = time.monotonic()
            await asyncio.sleep(0)
            loop_gap = time.monotonic() - tick
            read_started = time.monotonic()
            text = await asyncio.get_running_loop().run_in_executor(None, small.read_text)
            read_took = time.monotonic() - read_started
            assert text == "hello"
            results = await asyncio.gather(*sends)
            return results, loop_gap, read_took, time.monotonic() - started

    with StandIn(*([limited] * 8), Reply()) as standin:
        results, loop_gap, read_took, total = run(scenario(standin.url))
    assert loop_gap < 0.1 and read_took < 0.1, (loop_gap, read_took)
    assert total >= 1.0, "the sends waited out Meta's Retry-After"
    assert [r["attempts"] for r in results] == [2] * 8
    assert all(r["message_id"] == SENT["message_id"] for r in results)
    assert len(standin.seen) == 16


def test_one_recipients_sends_go_in_order_and_a_cancelled_one_is_reported() -> None:
    async def scenario(url: str) -> Tuple[Dict[str, Any], msgrkit.AsyncClient]:
        client = msgrkit.AsyncClient(TOKEN, base_url=url)
        first = asyncio.ensure_future(client.send(request("6500000000000001", "first")))
        second = asyncio.ensure_future(client.send(request("6500000000000001", "second")))
        await asyncio.sleep(0.05)  # the first is in flight (the stand-in takes 0.3 s); the second waits its turn
        second.cancel()
        with pytest.raises(asyncio.CancelledError):
            await second
        sent = await first
        await client.aclose()
        return sent, client

    with StandIn(Reply(delay=0.3), Reply()) as standin:
        sent, client = run(scenario(standin.url))
    assert sent["attempts"] == 1
    assert [s.body for s in standin.seen] == [s.body for s in standin.seen[:1]], "the cancelled send never left"
    assert client.abandoned == [{"type": "done", "id": "s2", "attempts": 0, "cancelled": True}]


def test_a_caller_cancelled_in_flight_still_learns_the_outcome() -> None:
    async def scenario(url: str) -> msgrkit.AsyncClient:
        client = msgrkit.AsyncClient(TOKEN, base_url=url)
        send = asyncio.ensure_future(client.send(request("6500000000000001")))
        await asyncio.sleep(0.05)
        send.cancel()
        with pytest.raises(asyncio.CancelledError):
            await send
        await client.aclose()  # waits for the send in flight
        return client

    with StandIn(Reply(delay=0.2)) as standin:
        client = run(scenario(standin.url))
    [done] = client.abandoned
    assert done["ok"] == SENT and done["attempts"] == 1, "delivered: the host can record it"


def test_errors_and_calls_are_the_blocking_clients() -> None:
    async def scenario(url: str) -> Tuple[Any, Any, Dict[str, Any]]:
        async with msgrkit.AsyncClient(TOKEN, base_url=url) as client:
            profile = await client.call("user_profile", psid="6500000000000001")
            with pytest.raises(msgrkit.ValidationError) as invalid:
                await client.send({"recipient": {"id": "1"}, "message": {"text": "no messaging_type"}})
            # A dead token fails its send and holds the Page's queue (said once in events).
            with pytest.raises(msgrkit.GraphApiError) as dead:
                await client.send(request("6500000000000001"))
            assert [e["type"] for e in client.events] == ["stopped"]
            return dead.value, invalid.value, profile

    with StandIn(Reply(body={"id": "6500000000000001"}), Reply(status=400, body=graph_error(190, 460))) as standin:
        dead, invalid, profile = run(scenario(standin.url))
    assert (dead.code, dead.attempts) == ("graph_auth", 1)
    assert invalid.code == "validation_failed"
    assert profile == {"body": {"id": "6500000000000001"}, "attempts": 1, "usage": {}}
    with StandIn(Reply(status=400, body=graph_error(190, 460))) as standin:
        with pytest.raises(msgrkit.GraphApiError) as blocking:
            msgrkit.Client(TOKEN, base_url=standin.url).send(request("6500000000000001"))
    assert blocking.value.code == dead.code and blocking.value.attempts == dead.attempts
