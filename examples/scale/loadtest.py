"""The pipeline's load and fault test, on loopback: a generator delivers signed webhooks as
Meta does (generator.py) to two receivers; a splitter and four workers handle them under a
supervisor that restarts what ends unexpectedly. While the load runs it makes, in turn:
hostile requests to a receiver (300 MB bodies, garbage), a worker stalled past its lease
(SIGSTOP, not killed), a worker and a receiver SIGKILLed, the splitter SIGKILLed,
PostgreSQL stopped and started, Redis restarted. At the end it checks and prints: every
distinct event recorded exactly once; each conversation in timestamp order; every
delivery answered 2xx stored; every poison in the dead-letter stream with its reason; no
process ended on its own; the receiver's peak memory; and the figures.

    python loadtest.py --events 20000 --conversations 400

Redis and PostgreSQL must be running (scripts/scale starts them and leaves the scripts
that stop and start them in SCALE_SERVERS).
"""

import argparse
import hashlib
import json
import socket
import statistics
import sys
import threading
import time
from typing import Any, Callable, Dict, List, Tuple

import psycopg
import redis

from common import DEAD_LETTERS, INBOUND, LEASE_MS, PARTITIONS, PG_DSN, REDIS_URL, partition_stream
from faults import HERE, Process, Supervisor, hostile, restart_postgres, restart_redis, stall
from generator import Generator

# The receiver's peak resident memory may not pass this, 300 MB bodies sent to it or not.
RECEIVER_PEAK_KIB = 100 * 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(port: int) -> None:
    for _ in range(400):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.025)
    raise RuntimeError(f"nothing listens on {port}")


def reset(store: "redis.Redis[bytes]", db: "psycopg.Connection[Any]") -> None:
    store.flushdb()
    db.execute("DROP TABLE IF EXISTS inbox, conversations, partitions")
    db.execute((HERE / "schema.sql").read_text())
    db.commit()


def fence_refuses_a_stale_lease() -> bool:
    """Worker A takes partition 0, then B takes it with a newer token: A's commit must be
    refused by the database, whatever A believes about its lease."""
    from worker import LostLease, Worker
    a, b = Worker("fence-check-a"), Worker("fence-check-b")
    a.take(0, 1)
    b.take(0, 2)
    try:
        a.commit(0, 1, [(b"1-0", {})], [])
        return False
    except LostLease:
        return True
    finally:
        for w in (a, b):
            if w.db is not None:
                w.db.execute("DELETE FROM partitions")
                w.db.commit()
                w.db.close()


def drained(store: "redis.Redis[bytes]") -> bool:
    """Every delivery split, and every partition's cursor at its stream's last entry."""
    try:
        if store.exists(INBOUND):
            last = store.xinfo_stream(INBOUND)["last-generated-id"]
            for group in store.xinfo_groups(INBOUND):
                if group["pending"] or group["last-delivered-id"] != last:
                    return False
        with psycopg.connect(PG_DSN, connect_timeout=2) as db:
            cursors = dict(db.execute("SELECT partition, cursor FROM partitions").fetchall())
        for i in range(PARTITIONS):
            stream = partition_stream(i)
            if store.exists(stream):
                last = store.xinfo_stream(stream)["last-generated-id"].decode()
                if cursors.get(i, "0-0") != last:
                    return False
        return True
    except (redis.RedisError, psycopg.OperationalError):
        return False  # a server is being restarted


class Faults(threading.Thread):
    """Makes each fault once the load has reached its share of the events; the generator
    waits at that point until the fault has begun, so the rest of the load runs into it."""

    def __init__(self, generator: Generator, steps: List[Tuple[float, str, Callable[[], Any]]]) -> None:
        super().__init__(daemon=True)
        self.generator, self.steps = generator, steps
        self.done: Dict[str, Any] = {}
        self.failed: List[str] = []
        self.begun = 0  # how many faults have begun
        generator.pace = self.pace

    def due(self) -> bool:
        return (self.begun < len(self.steps)
                and self.generator.events_acknowledged >= self.steps[self.begun][0] * self.generator.total)

    def pace(self) -> None:
        while self.due():
            time.sleep(0.002)

    def begin(self, index: int) -> None:
        self.begun = max(self.begun, index + 1)

    def run(self) -> None:
        for index, (_, name, fault) in enumerate(self.steps):
            while not self.due():
                time.sleep(0.002)
            at = self.generator.deliveries
            # Faults that begin by themselves (a stall, a restart) let the load go on at once.
            threading.Timer(0.05, self.begin, args=(index,)).start()
            started = time.perf_counter()
            try:
                result = fault()
            except Exception as failed:  # noqa: BLE001 (reported, and the test fails)
                self.failed.append(f"{name}: {failed!r}")
                continue
            self.begin(index)
            self.done[name] = {"at delivery": at,
                               "seconds": round(time.perf_counter() - started, 2), **(result or {})}
            print(f"fault: {name}: {json.dumps(self.done[name])}", flush=True)


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
    parser.add_argument("--poison", type=int, default=6)
    parser.add_argument("--deadline", type=float, default=300.0, help="give up after this many seconds")
    parser.add_argument("--no-faults", action="store_true", help="the load alone, for throughput figures")
    args = parser.parse_args()

    store = redis.Redis.from_url(REDIS_URL)
    with psycopg.connect(PG_DSN) as db:
        reset(store, db)
    fenced = fence_refuses_a_stale_lease()
    print(f"fence: a stale lease's commit is refused by the database: {fenced}", flush=True)
    store.flushdb()
    ports = [free_port(), free_port()]
    receivers = [Process("receiver.py", str(p)) for p in ports]
    for p in ports:
        wait_for(p)
    splitter = Process("splitter.py", "splitter-1")
    workers = [Process("worker.py", f"worker-{i}") for i in range(4)]
    children += receivers + [splitter] + workers
    supervisor = Supervisor(children)
    supervisor.start()
    generator = Generator(ports, args.conversations, args.events, args.batch, args.poison)

    def kill_worker_and_receiver() -> Dict[str, Any]:
        workers[1].kill()
        receivers[0].kill()
        time.sleep(0.5)
        receivers[0].start()
        workers[1] = Process("worker.py", "worker-1-restarted")  # its entries are another's now
        children.append(workers[1])
        return {}

    def kill_splitter() -> Dict[str, Any]:
        splitter.kill()
        time.sleep(0.5)
        splitter.start()
        return {}

    lease_s = LEASE_MS / 1000
    steps = [
        (0.05, "hostile requests to a receiver", lambda: hostile(ports[1])),
        (0.10, "a worker stalled past its lease inside a transaction (SIGSTOP, not killed)",
         lambda: {"caught inside one": stall(workers[2], 3 * lease_s, in_transaction=True)}),
        (0.20, "a worker stalled past its lease between commits",
         lambda: {"caught inside one": stall(workers[3], 3 * lease_s, in_transaction=False)}),
        (0.30, "a worker and a receiver SIGKILLed", kill_worker_and_receiver),
        (0.45, "the splitter SIGKILLed", kill_splitter),
        (0.60, "PostgreSQL stopped and started", lambda: restart_postgres(2 * lease_s)),
        (0.75, "Redis restarted", lambda: restart_redis(lease_s)),
    ]
    faults = Faults(generator, [] if args.no_faults else steps)

    started = time.perf_counter()
    sending = threading.Thread(target=generator.run, args=(args.threads,))
    sending.start()
    faults.start()
    sending.join()
    sent = time.perf_counter()
    while not drained(store) or faults.is_alive():
        if time.perf_counter() - started > args.deadline:
            raise SystemExit("the pipeline did not drain before the deadline")
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    supervisor.running = False
    peak = receivers[1].peak_rss_kib()

    errors = [p.stop() for p in children]
    with psycopg.connect(PG_DSN) as db:
        rows = db.execute("SELECT dedupe_key, conversation_key, event_time FROM inbox ORDER BY handled_seq").fetchall()
        counted = db.execute("SELECT coalesce(sum(events), 0) FROM conversations").fetchone()
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
    dead_events: Dict[str, str] = {}
    dead_deliveries: Dict[str, str] = {}
    for _, f in store.xrange(DEAD_LETTERS):
        if b"event" in f:
            dead_events[json.loads(f[b"event"])["dedupe_key"]] = f[b"reason"].decode(errors="replace")
        else:
            dead_deliveries[hashlib.sha256(f[b"delivery"]).hexdigest()] = f[b"reason"].decode(errors="replace")
    unstored = [k for keys in generator.acknowledged for k in keys
                if k not in recorded and k not in dead_events]

    figures = {
        "distinct events (poison aside)": len(generator.expected),
        "deliveries answered 2xx": generator.deliveries,
        "faults": faults.done,
        "partitions taken (leases drawn)": int(store.get("stats:taken") or 0),
        "late commits refused by the fence": int(store.get("stats:fenced") or 0),
        "a stale lease's commit refused (checked before the run)": fenced,
        "deliveries retried": generator.retried,
        "deliveries sent twice": generator.duplicated,
        "events per second (whole pipeline)": round(len(generator.expected) / elapsed),
        "seconds sending / until drained": [round(sent - started, 2), round(elapsed, 2)],
        "receiver answer p50 ms": round(statistics.median(generator.latencies) * 1000, 2),
        "receiver answer p99 ms": round(percentile(generator.latencies, 0.99) * 1000, 2),
        "receiver peak RSS MiB (bound)": [round(peak / 1024, 1), RECEIVER_PEAK_KIB // 1024],
        "processes that ended on their own": supervisor.unexpected,
        "events lost": len(lost),
        "events handled twice": len(twice),
        "events out of order": out_of_order,
        "acknowledged but not stored": len(unstored),
        "dead letters (events)": {k: f"{generator.poisoned.get(k, '?')}: {r[:90]}" for k, r in sorted(dead_events.items())},
        "dead letters (whole deliveries)": sorted(r[:90] for r in dead_deliveries.values()),
    }
    print(json.dumps(figures, indent=2))
    problems = list(faults.failed)
    if not fenced:
        problems.append("a commit under a stale lease was not refused")
    if lost or twice or unexpected or out_of_order or unstored:
        problems.append(f"lost {lost[:5]}, twice {twice[:5]}, unexpected {unexpected[:5]}, "
                        f"out of order {out_of_order}, unstored {unstored[:5]}")
    if set(dead_events) != set(generator.poisoned):
        problems.append(f"dead letters {sorted(dead_events)} != poisoned {sorted(generator.poisoned)}")
    if set(dead_deliveries) != set(generator.unparseable):
        problems.append(f"{len(dead_deliveries)} whole deliveries dead-lettered, {len(generator.unparseable)} sent")
    if counted is None or counted[0] != len(generator.expected):
        problems.append(f"conversation counts {counted} != {len(generator.expected)}")
    if supervisor.unexpected:
        problems.append(f"processes ended on their own: {supervisor.unexpected}")
    if peak > RECEIVER_PEAK_KIB:
        problems.append(f"the receiver's peak RSS {peak} KiB is past {RECEIVER_PEAK_KIB} KiB")
    hostile_answers = faults.done.get("hostile requests to a receiver", {})
    if not args.no_faults and len(faults.done) != len(steps):
        problems.append(f"only {len(faults.done)} of {len(steps)} faults were made")
    for name, status in hostile_answers.items():
        if name not in ("at delivery", "seconds", "not HTTP") and not status.startswith("HTTP/1."):
            problems.append(f"no answer to {name}: {status!r}")
    if not args.no_faults and hostile_answers.get("unsigned 300 MB body, sent", "").split(" ")[1:2] != ["401"]:
        problems.append(f"an unsigned 300 MB POST was answered {hostile_answers.get('unsigned 300 MB body, sent')!r}")
    for err in errors:
        if "Traceback" in err and "KeyboardInterrupt" not in err:
            problems.append(err[-2000:])
    for problem in problems:
        print("FAILED:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
