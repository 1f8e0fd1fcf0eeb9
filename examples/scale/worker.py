"""A worker: owns some partitions at a time (a lease in Redis, renewed while it works),
handles each partition's events in stream order and records them in PostgreSQL with the
dedupe key as the primary key of the row that is the effect, in one transaction per
batch. Only after the commit are the entries acknowledged; a crash in between means the
entries are handled again and the primary key refuses them.

When a worker dies, its leases expire after LEASE_MS and another worker takes the
partition, first claiming the dead worker's pending entries (XAUTOCLAIM) so they are
handled before anything newer: one conversation stays in order. An event that keeps
failing goes to the dead-letter stream after MAX_TRIES, with its error.

    python worker.py NAME
"""

import json
import math
import sys
import time
from typing import Any, Dict, List, Optional, Tuple

import psycopg
import redis

from common import (DEAD_LETTERS, LEASE_MS, MAX_TRIES, PARTITIONS, PG_DSN, REDIS_URL, WORKER_GROUP,
                    partition_stream)

Entry = Tuple[bytes, Dict[bytes, bytes]]

# Extends a lease only if this worker still holds it.
RENEW = """if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end"""
RELEASE = """if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1]) else return 0 end"""

RECORD = """
WITH batch AS (
    SELECT * FROM unnest(%(keys)s::text[], %(conversations)s::text[], %(kinds)s::text[],
                         %(times)s::bigint[], %(events)s::jsonb[]) WITH ORDINALITY
                  AS b(dedupe_key, conversation_key, kind, event_time, event, position)
), recorded AS (
    INSERT INTO inbox (dedupe_key, conversation_key, kind, event_time, event, worker)
    SELECT dedupe_key, conversation_key, kind, event_time, event, %(worker)s FROM batch ORDER BY position
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING conversation_key, event_time
)
INSERT INTO conversations (conversation_key, events, last_event_time)
SELECT conversation_key, count(*), max(event_time) FROM recorded GROUP BY conversation_key
ON CONFLICT (conversation_key) DO UPDATE
    SET events = conversations.events + excluded.events,
        last_event_time = greatest(conversations.last_event_time, excluded.last_event_time)
"""


class Poisoned(Exception):
    """An event this helpdesk cannot handle (the load test's stand-in for a real bug)."""


def check(event: Dict[str, Any]) -> None:
    if (event.get("message") or {}).get("text") == "POISON":
        raise Poisoned(f"cannot handle {event['dedupe_key']}")


class Worker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.store = redis.Redis.from_url(REDIS_URL)
        self.db = psycopg.connect(PG_DSN)
        self.renew = self.store.register_script(RENEW)
        self.release = self.store.register_script(RELEASE)
        self.owned: Dict[int, bool] = {}  # partition -> its dead owner's entries are claimed
        for index in range(PARTITIONS):
            try:
                self.store.xgroup_create(partition_stream(index), WORKER_GROUP, id="0", mkstream=True)
            except redis.ResponseError as exists:
                if "BUSYGROUP" not in str(exists):
                    raise

    def share(self) -> int:
        """Partitions per live worker, so the work spreads over all of them."""
        self.store.set(f"alive:{self.name}", 1, px=LEASE_MS)
        alive = sum(1 for _ in self.store.scan_iter("alive:*"))
        return math.ceil(PARTITIONS / max(alive, 1))

    def balance(self) -> None:
        share = self.share()
        for index in list(self.owned):
            if not self.renew(keys=[f"lease:p{index}"], args=[self.name, LEASE_MS]):
                del self.owned[index]
        while len(self.owned) > share:
            index = max(self.owned)
            self.release(keys=[f"lease:p{index}"], args=[self.name])
            del self.owned[index]
        for index in range(PARTITIONS):
            if len(self.owned) >= share:
                break
            if index not in self.owned and self.store.set(f"lease:p{index}", self.name, nx=True, px=LEASE_MS):
                self.owned[index] = False

    def pending(self, stream: str) -> List[Entry]:
        """Entries read but never acknowledged, by this worker or a dead one, oldest first:
        the lease is this worker's, so nobody else is handling them."""
        entries: List[Entry] = []
        start = "0-0"
        while True:
            start_next, claimed, *_ = self.store.xautoclaim(stream, WORKER_GROUP, self.name, 0, start, count=500)
            entries += [(i, f) for i, f in claimed if f]
            start = start_next.decode() if isinstance(start_next, bytes) else start_next
            if start == "0-0":
                return entries

    def step(self, index: int) -> int:
        stream = partition_stream(index)
        if not self.owned[index]:
            entries = self.pending(stream)
            self.owned[index] = True
            self.store.incrby("stats:claimed", len(entries))
        else:
            answer = self.store.xreadgroup(WORKER_GROUP, self.name, {stream: ">"}, count=200)
            entries = answer[0][1] if answer else []
        if entries:
            self.handle(index, stream, entries)
        return len(entries)

    def still_mine(self, index: int) -> bool:
        return bool(self.renew(keys=[f"lease:p{index}"], args=[self.name, LEASE_MS]))

    def handle(self, index: int, stream: str, entries: List[Entry]) -> None:
        events = [json.loads(fields[b"event"]) for _, fields in entries]
        try:
            for event in events:
                check(event)
            self.record(index, events)
        except Poisoned:
            # One by one, so only the bad event is retried and, in the end, set aside.
            for (entry_id, fields), event in zip(entries, events):
                self.one(index, stream, entry_id, fields, event)
            return
        self.store.xack(stream, WORKER_GROUP, *[i for i, _ in entries])

    def one(self, index: int, stream: str, entry_id: bytes, fields: Dict[bytes, bytes], event: Dict[str, Any]) -> None:
        for attempt in range(1, MAX_TRIES + 1):
            try:
                check(event)
                self.record(index, [event])
                break
            except Poisoned as failed:
                if attempt == MAX_TRIES:
                    self.store.xadd(DEAD_LETTERS, {**{k.decode(): v for k, v in fields.items()},
                                                   "error": str(failed), "tries": attempt, "stream": stream})
        self.store.xack(stream, WORKER_GROUP, entry_id)

    def record(self, index: int, events: List[Dict[str, Any]]) -> None:
        with self.db.transaction():
            self.db.execute(RECORD, {
                "keys": [e["dedupe_key"] for e in events],
                "conversations": [e["conversation_key"] for e in events],
                "kinds": [e["type"] for e in events],
                "times": [e["timestamp"] or 0 for e in events],
                "events": [json.dumps(e) for e in events],
                "worker": self.name,
            })
            # A worker that lost its lease (stalled past LEASE_MS) must not commit: the
            # partition's new owner may be handling these very events, in order.
            if not self.still_mine(index):
                raise LostLease()

    def run(self) -> None:
        while True:
            self.balance()
            handled = 0
            for index in list(self.owned):
                try:
                    handled += self.step(index)
                except LostLease:
                    self.owned.pop(index, None)
            if not handled:
                time.sleep(0.01)


class LostLease(Exception):
    pass


def main(name: Optional[str] = None) -> None:
    Worker(name or sys.argv[1]).run()


if __name__ == "__main__":
    main()
