"""The pipeline's load and fault test, on loopback: a generator delivers signed webhooks as
Meta does (single events and batches, 10% delivered twice, some redelivered after a
timeout, a few events that always fail) to two receivers; a splitter and four workers
handle them; midway one worker and one receiver are killed (SIGKILL) and started again.
At the end it checks and prints: every distinct event recorded exactly once; each
conversation handled in timestamp order; every delivery answered 2xx stored; the failing
events in the dead-letter stream; and the figures.

    python loadtest.py --events 20000 --conversations 400

Redis and PostgreSQL must be running (scripts/scale starts them).
"""

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import psycopg
import redis

import msgrkit
from common import APP_SECRET, DEAD_LETTERS, PARTITIONS, PG_DSN, REDIS_URL, partition_stream, INBOUND

HERE = Path(__file__).resolve().parent
PAGE = "106000000000001"
TIMEOUT = 20.0  # Meta's answer deadline


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Process:
    """One pipeline process, restartable."""

    def __init__(self, script: str, *args: str) -> None:
        self.command = [sys.executable, str(HERE / script), *args]
        self.popen: Optional[subprocess.Popen[bytes]] = None
        self.start()

    def start(self) -> None:
        self.popen = subprocess.Popen(self.command, cwd=HERE, stderr=subprocess.PIPE)

    def kill(self) -> None:
        assert self.popen is not None
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait()

    def stop(self) -> str:
        assert self.popen is not None
        if self.popen.poll() is None:
            self.popen.terminate()
        _, err = self.popen.communicate(timeout=10)
        return err.decode(errors="replace")


def wait_for(port: int) -> None:
    for _ in range(400):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.025)
    raise RuntimeError(f"nothing listens on {port}")


class Generator:
    """Meta's side: each thread owns some conversations and sends their events in order,
    the next only after the previous delivery was answered 2xx (Meta orders events only
    within a conversation, and so does this)."""

    def __init__(self, ports: List[int], conversations: int, events: int, batch: int, poison: int) -> None:
        self.ports = ports
        self.lock = threading.Lock()
        self.latencies: List[float] = []
        self.deliveries = self.retried = self.duplicated = 0
        self.acknowledged: List[List[str]] = []  # dedupe keys of each delivery answered 2xx
        self.expected: Dict[str, Tuple[str, int]] = {}  # dedupe key -> (conversation, timestamp)
        self.poisoned: List[str] = []
        per = [events // conversations + (1 if i < events % conversations else 0) for i in range(conversations)]
        self.queues: List[List[Dict[str, Any]]] = []
        base = int(time.time() * 1000) - 3_600_000
        poison_at = set(random.Random(7).sample(range(events), poison))
        n = 0
        for c, count in enumerate(per):
            psid = str(6_500_000_000_000_000 + c)
            queue = []
            for seq in range(count):
                text = "POISON" if n in poison_at else f"message {seq} of {psid}"
                item = {"sender": {"id": psid}, "recipient": {"id": PAGE}, "timestamp": base + seq * 10,
                        "message": {"mid": f"m_{c}_{seq}", "text": text}}
                key = f"message:m_{c}_{seq}"
                (self.poisoned if text == "POISON" else []).append(key)
                if text != "POISON":
                    self.expected[key] = (f"messenger:{PAGE}:{psid}", base + seq * 10)
                queue.append(item)
                n += 1
            self.queues.append(queue)
        self.batch = batch

    def send(self, body: bytes, rng: random.Random, timeout: float) -> bool:
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": msgrkit.sign(APP_SECRET, body)}
        port = rng.choice(self.ports)
        started = time.perf_counter()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            connection.request("POST", "/webhook", body=body, headers=headers)
            status = connection.getresponse().status
            connection.close()
        except (OSError, http.client.HTTPException):
            return False
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
        return 200 <= status < 300

    def deliver(self, items: List[Dict[str, Any]], rng: random.Random) -> None:
        body = json.dumps({"object": "page", "entry": [{"id": PAGE, "time": items[-1]["timestamp"],
                                                         "messaging": items}]}).encode()
        # Now and then the answer is too slow for Meta, which delivers again (a duplicate).
        timeout = 0.001 if rng.random() < 0.02 else TIMEOUT
        attempt = 0
        while not self.send(body, rng, timeout):
            attempt += 1
            timeout = TIMEOUT
            with self.lock:
                self.retried += 1
            time.sleep(min(0.05 * 2 ** attempt, 1.0))
        keys = [f"message:{i['message']['mid']}" for i in items]
        with self.lock:
            self.deliveries += 1
            self.acknowledged.append(keys)
        if rng.random() < 0.10:  # Meta delivers at least once: sometimes twice
            with self.lock:
                self.duplicated += 1
            while not self.send(body, rng, TIMEOUT):
                time.sleep(0.05)

    def run_thread(self, conversations: List[int], seed: int) -> None:
        rng = random.Random(seed)
        cursors = {c: 0 for c in conversations}
        while cursors:
            # A batch: the next event of several conversations (or one event alone).
            size = 1 if rng.random() < 0.3 else rng.randint(2, self.batch)
            chosen = rng.sample(list(cursors), min(size, len(cursors)))
            items = []
            for c in chosen:
                items.append(self.queues[c][cursors[c]])
                cursors[c] += 1
                if cursors[c] == len(self.queues[c]):
                    del cursors[c]
            self.deliver(items, rng)

    def run(self, threads: int) -> None:
        groups = [list(range(t, len(self.queues), threads)) for t in range(threads)]
        workers = [threading.Thread(target=self.run_thread, args=(g, i)) for i, g in enumerate(groups)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()


def reset(store: "redis.Redis[bytes]", db: "psycopg.Connection[Any]") -> None:
    store.flushdb()
    db.execute((HERE / "schema.sql").read_text())
    db.execute("TRUNCATE inbox, conversations RESTART IDENTITY")
    db.commit()


def drained(store: "redis.Redis[bytes]") -> bool:
    streams = [INBOUND] + [partition_stream(i) for i in range(PARTITIONS)]
    for stream in streams:
        if not store.exists(stream):
            continue
        last = store.xinfo_stream(stream)["last-generated-id"]
        for group in store.xinfo_groups(stream):
            if group["pending"] or group["last-delivered-id"] != last:
                return False
    return True


def holds_entries(store: "redis.Redis[bytes]", consumer: str) -> bool:
    for i in range(PARTITIONS):
        try:
            if store.xpending_range(partition_stream(i), "workers", "-", "+", 1, consumername=consumer):
                return True
        except redis.ResponseError:  # the group does not exist yet
            pass
    return False


def percentile(values: List[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> int:
    children: List[Process] = []
    try:
        return run(children)
    finally:
        for child in children:
            if child.popen is not None and child.popen.poll() is None:
                child.popen.kill()


def run(children: List[Process]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--conversations", type=int, default=120)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--poison", type=int, default=3)
    parser.add_argument("--deadline", type=float, default=300.0, help="give up after this many seconds")
    args = parser.parse_args()

    store = redis.Redis.from_url(REDIS_URL)
    db = psycopg.connect(PG_DSN)
    reset(store, db)
    ports = [free_port(), free_port()]
    receivers = [Process("receiver.py", str(p)) for p in ports]
    for p in ports:
        wait_for(p)
    splitter = Process("splitter.py", "splitter-1")
    workers = [Process("worker.py", f"worker-{i}") for i in range(4)]
    children += receivers + [splitter] + workers
    generator = Generator(ports, args.conversations, args.events, args.batch, args.poison)

    started = time.perf_counter()
    sending = threading.Thread(target=generator.run, args=(args.threads,))
    sending.start()
    # Midway, kill a worker and a receiver outright, and start them again (the worker
    # under a new name: its pending entries must be claimed by another).
    while generator.deliveries < len(generator.expected) / args.batch and sending.is_alive():
        time.sleep(0.01)
    # Kill the worker while it holds entries it read but has not acknowledged.
    for _ in range(200):
        if holds_entries(store, "worker-1"):
            break
        time.sleep(0.005)
    workers[1].kill()
    receivers[0].kill()
    killed_at = generator.deliveries
    time.sleep(0.5)
    receivers[0].start()
    workers[1] = Process("worker.py", "worker-1-restarted")
    children.append(workers[1])
    sending.join()
    sent = time.perf_counter()
    while not drained(store):
        if time.perf_counter() - started > args.deadline:
            raise SystemExit("the pipeline did not drain before the deadline")
        time.sleep(0.02)
    elapsed = time.perf_counter() - started

    errors = [p.stop() for p in receivers + [splitter] + workers]
    rows = db.execute("SELECT dedupe_key, conversation_key, event_time FROM inbox ORDER BY handled_seq").fetchall()
    recorded: Dict[str, int] = {}
    for key, _, _ in rows:
        recorded[key] = recorded.get(key, 0) + 1
    lost = [k for k in generator.expected if k not in recorded]
    twice = [k for k, n in recorded.items() if n > 1]
    unexpected = [k for k in recorded if k not in generator.expected]
    last: Dict[str, int] = {}
    out_of_order = 0
    for _, conversation, event_time in rows:
        if event_time < last.get(conversation, -1):
            out_of_order += 1
        last[conversation] = event_time
    dead = {json.loads(f[b"event"])["dedupe_key"] for _, f in store.xrange(DEAD_LETTERS)}
    unstored = [k for keys in generator.acknowledged for k in keys if k not in recorded and k not in dead]
    counted = db.execute("SELECT coalesce(sum(events), 0) FROM conversations").fetchone()

    figures = {
        "distinct events (those that always fail aside)": len(generator.expected),
        "deliveries answered 2xx": generator.deliveries,
        "deliveries killed at": killed_at,
        "pending entries claimed (XAUTOCLAIM)": int(store.get("stats:claimed") or 0),
        "deliveries retried": generator.retried,
        "deliveries sent twice": generator.duplicated,
        "events per second (whole pipeline)": round(len(generator.expected) / elapsed),
        "seconds sending / until drained": [round(sent - started, 2), round(elapsed, 2)],
        "receiver answer p50 ms": round(statistics.median(generator.latencies) * 1000, 2),
        "receiver answer p99 ms": round(percentile(generator.latencies, 0.99) * 1000, 2),
        "events lost": len(lost),
        "events handled twice": len(twice),
        "events out of order": out_of_order,
        "acknowledged but not stored": len(unstored),
        "dead letters": sorted(dead),
    }
    print(json.dumps(figures, indent=2))
    problems = []
    if lost or twice or unexpected or out_of_order or unstored:
        problems.append(f"lost {lost[:5]}, twice {twice[:5]}, unexpected {unexpected[:5]}, "
                        f"out of order {out_of_order}, unstored {unstored[:5]}")
    if dead != set(generator.poisoned):
        problems.append(f"dead letters {sorted(dead)} != poisoned {sorted(generator.poisoned)}")
    if counted is None or counted[0] != len(generator.expected):
        problems.append(f"conversation counts {counted} != {len(generator.expected)}")
    for err in errors:
        if "Traceback" in err and "KeyboardInterrupt" not in err:
            problems.append(err[-2000:])
    for problem in problems:
        print("FAILED:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
