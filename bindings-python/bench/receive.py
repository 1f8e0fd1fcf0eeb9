"""Receive-side cost from Python: msgrkit's verify_signature + parse_webhook (typed events)
against the pure-Python baseline of hmac + compare_digest + json.loads (untyped dicts),
measured side by side in one run. A script, not a test: run it with scripts/bench-python.

The bodies are the ones of core/benches/receive.rs: a ~1 KiB single message, and a
64-event batch mixing messages, attachments, deliveries, reactions and postbacks.
"""

import hashlib
import hmac
import json
import statistics
import sys
import timeit
from typing import Callable, List, Tuple

import msgrkit

SECRET = b"bench-app-secret"


def item(n: int) -> str:
    envelope = (f'"sender":{{"id":"65000000000{n:05d}"}},"recipient":{{"id":"106000000000001"}},'
                f'"timestamp":{1_763_712_000_000 + n}')
    kind = n % 6
    if kind in (0, 1):
        return (f'{{{envelope},"message":{{"mid":"m_{n}_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",'
                f'"text":"Hello, I have a question about order #{n}: when will it ship? '
                f'Gr\\u00fc\\u00dfe \\ud83d\\udce6","quick_reply":{{"payload":"ORDER_{n}"}}}}}}')
    if kind == 2:
        return (f'{{{envelope},"message":{{"mid":"m_{n}_img","attachments":[{{"type":"image",'
                f'"payload":{{"url":"https://scontent.xx.fbcdn.net/v/t1.15752-9/{n}_n.jpg'
                f'?_nc_cat=1&ccb=1-7&oh=00_AfB&oe=6780"}}}}]}}}}')
    if kind == 3:
        return f'{{{envelope},"delivery":{{"mids":["m_{n}_out"],"watermark":1763712000000}}}}'
    if kind == 4:
        return (f'{{{envelope},"reaction":{{"mid":"m_{n}_out","action":"react",'
                f'"reaction":"love","emoji":"\\u2764\\ufe0f"}}}}')
    return (f'{{{envelope},"postback":{{"mid":"m_{n}_pb","title":"Track my order",'
            f'"payload":"TRACK_ORDER_{n}"}}}}')


def batch(events: int) -> bytes:
    items = ",".join(item(n) for n in range(events))
    return ('{"object":"page","entry":[{"id":"106000000000001","time":1763712000999,'
            f'"messaging":[{items}]}}]}}').encode()


def single_1k() -> bytes:
    text = "Hello, I have a question about my order and its delivery. " * 15
    return ('{"object":"page","entry":[{"id":"106000000000001","time":1763712000999,'
            '"messaging":[{"sender":{"id":"6500000000000001"},"recipient":{"id":"106000000000001"},'
            f'"timestamp":1763712000000,"message":{{"mid":"m_single","text":"{text}"}}}}]}}]}}').encode()


def baseline(body: bytes, header: str) -> object:
    expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, header):
        raise ValueError("mismatch")
    return json.loads(body)


def with_msgrkit(body: bytes, header: str) -> object:
    msgrkit.verify_signature(SECRET, body, header)
    return msgrkit.parse_webhook(body)


def per_call_us(run: Callable[[], object], number: int, repeat: int = 15) -> float:
    """The median over `repeat` rounds of `number` calls, in microseconds per call."""
    rounds = timeit.repeat(run, number=number, repeat=repeat)
    return statistics.median(rounds) / number * 1e6


def main() -> None:
    print(f"msgrkit {msgrkit.__version__} on Python {sys.version.split()[0]}")
    rows: List[Tuple[str, float, float]] = []
    for name, body, number in [("1 KiB, 1 event", single_1k(), 20_000),
                               ("64-event batch", batch(64), 500)]:
        header = msgrkit.sign(SECRET, body)
        events = len(msgrkit.parse_webhook(body)["events"])
        assert events == len(baseline(body, header)["entry"][0]["messaging"])  # type: ignore[index]
        ours = per_call_us(lambda: with_msgrkit(body, header), number)
        base = per_call_us(lambda: baseline(body, header), number)
        rows.append((f"{name} ({len(body)} B)", ours, base))
    print(f"{'body':<28} {'msgrkit µs':>11} {'hmac+json µs':>13} {'ratio':>7}")
    for name, ours, base in rows:
        print(f"{name:<28} {ours:>11.2f} {base:>13.2f} {ours / base:>6.2f}x")
    print("ratio = msgrkit / baseline; below 1.00x is faster than the baseline, which "
          "returns untyped dicts and no dedupe keys")


if __name__ == "__main__":
    main()
