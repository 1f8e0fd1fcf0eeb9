"""A worker: owns some partitions at a time and handles each partition's events in stream
order, recording them in PostgreSQL with the dedupe key as the primary key of the row that
is the effect. Where a partition was handled up to (its cursor) commits in the same
transaction as the effect, so nothing is skipped and nothing is recorded twice.

Leases are fenced. Taking a partition (a lease in Redis) draws a token that only grows and
raises the partition's fence in PostgreSQL to it; every commit first checks the fence
under a row lock. A worker that stalled past its lease (a long pause, a slow disk) and
wakes up has its commit refused: the new owner carries on from the committed cursor, in
order. A stalled worker holding that row lock is cut off by PostgreSQL
(`idle_in_transaction_session_timeout` = the lease).

What it survives by itself: Redis or PostgreSQL going away (it waits, reconnects, takes its
partitions again); an event the database or the handler refuses (NUL in a text, over the
inbox's size bound, a handler bug): retried alone MAX_TRIES times, then set aside in the
dead-letter stream with its reason, and the partition moves on. What needs a supervisor
(systemd `Restart=always`, a Kubernetes Deployment): any other exception ends the process,
on purpose; restarted, it loses nothing, since the cursor is in the database.

    python worker.py NAME
"""

import json
import math
import sys
import time
from typing import Any, Dict, List, Optional, Tuple

import psycopg
import psycopg.errors
import redis

from common import (DEAD_LETTERS, LEASE_MS, MAX_TRIES, PARTITIONS, PG_DSN, REDIS_URL, Outage,
                    partition_stream)

Entry = Tuple[bytes, Dict[bytes, bytes]]
BATCH = 200

# A lease with a fresh token, only when nobody holds one.
ACQUIRE = """if redis.call('exists', KEYS[1]) == 1 then return 0 end
local token = redis.call('incr', KEYS[2])
redis.call('set', KEYS[1], ARGV[1] .. ':' .. token, 'PX', ARGV[2])
return token"""
RENEW = """if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end"""
RELEASE = """if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1]) else return 0 end"""
# After a Redis that lost its last writes: tokens must stay above every fence committed.
RAISE_TOKENS = """if tonumber(redis.call('get', KEYS[1]) or '0') < tonumber(ARGV[1]) then
  redis.call('set', KEYS[1], ARGV[1]) end return 1"""

TAKE = """
INSERT INTO partitions (partition, fence, cursor) VALUES (%(p)s, %(token)s, '0-0')
ON CONFLICT (partition) DO UPDATE SET fence = excluded.fence WHERE partitions.fence < excluded.fence
RETURNING cursor
"""

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
    """An event this helpdesk's handler cannot handle (the load test's stand-in for a bug)."""


class LostLease(Exception):
    """The partition's fence is another lease's: this worker must not commit."""


def check(event: Dict[str, Any]) -> None:
    if (event.get("message") or {}).get("text") == "POISON":
        raise Poisoned(f"cannot handle {event['dedupe_key']}")


def refused_for_its_data(error: BaseException, db: "psycopg.Connection[Any]") -> bool:
    """Whether the database refused this statement for what it holds (so it will refuse it
    again), as opposed to losing the connection or a passing conflict."""
    if isinstance(error, Poisoned):
        return True
    passing = (psycopg.errors.TransactionRollback, psycopg.errors.QueryCanceled,
               psycopg.errors.LockNotAvailable, psycopg.errors.AdminShutdown)
    return isinstance(error, psycopg.Error) and not db.broken and not db.closed and not isinstance(error, passing)


class Worker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.store = redis.Redis.from_url(REDIS_URL, socket_timeout=5, socket_connect_timeout=2)
        self.acquire = self.store.register_script(ACQUIRE)
        self.renew = self.store.register_script(RENEW)
        self.release = self.store.register_script(RELEASE)
        self.raise_tokens = self.store.register_script(RAISE_TOKENS)
        self.db: Optional["psycopg.Connection[Any]"] = None
        self.owned: Dict[int, Tuple[int, str]] = {}  # partition -> (token, cursor)
        self.tries: Dict[bytes, int] = {}  # entry -> failed tries

    def connect(self) -> "psycopg.Connection[Any]":
        if self.db is None or self.db.closed or self.db.broken:
            self.db = psycopg.connect(PG_DSN, application_name=self.name, connect_timeout=2)
            # A worker stalled inside a transaction would hold the fence's row lock.
            self.db.execute(f"SET idle_in_transaction_session_timeout = {int(LEASE_MS)}")
            self.db.commit()
        return self.db

    def lease_value(self, index: int) -> str:
        return f"{self.name}:{self.owned[index][0]}"

    def share(self) -> int:
        """Partitions per live worker, so the work spreads over all of them."""
        self.store.set(f"alive:{self.name}", 1, px=LEASE_MS)
        alive = sum(1 for _ in self.store.scan_iter("alive:*"))
        return math.ceil(PARTITIONS / max(alive, 1))

    def balance(self) -> None:
        share = self.share()
        for index in list(self.owned):
            if not self.renew(keys=[f"lease:p{index}"], args=[self.lease_value(index), LEASE_MS]):
                del self.owned[index]
        while len(self.owned) > share:
            index = max(self.owned)
            self.release(keys=[f"lease:p{index}"], args=[self.lease_value(index)])
            del self.owned[index]
        for index in range(PARTITIONS):
            if len(self.owned) >= share:
                break
            if index not in self.owned:
                token = int(self.acquire(keys=[f"lease:p{index}", f"fence:p{index}"], args=[self.name, LEASE_MS]))
                if token:
                    self.take(index, token)

    def take(self, index: int, token: int) -> None:
        """Raises the partition's fence to `token` and reads its cursor."""
        db = self.connect()
        with db.transaction():
            row = db.execute(TAKE, {"p": index, "token": token}).fetchone()
            if row is None:  # a fence above our token: Redis lost writes; catch its counter up
                fence = db.execute("SELECT fence FROM partitions WHERE partition = %s", [index]).fetchone()
        if row is None:
            self.raise_tokens(keys=[f"fence:p{index}"], args=[fence[0] if fence else 0])
            self.release(keys=[f"lease:p{index}"], args=[f"{self.name}:{token}"])
            return
        self.owned[index] = (token, row[0])
        self.store.incr("stats:taken")

    def step(self, index: int) -> int:
        token, cursor = self.owned[index]
        stream = partition_stream(index)
        entries: List[Entry] = self.store.xrange(stream, min=f"({cursor}", count=BATCH)
        if not entries:
            return 0
        events = [json.loads(fields[b"event"]) for _, fields in entries]
        try:
            self.commit(index, token, entries, events)
        except Exception as error:  # noqa: BLE001 (sorted by refused_for_its_data)
            if self.db is None or not refused_for_its_data(error, self.db):
                raise
            for entry, event in zip(entries, events):  # one by one: only the bad one is retried
                self.one(index, token, stream, entry, event)
        return len(entries)

    def one(self, index: int, token: int, stream: str, entry: Entry, event: Dict[str, Any]) -> None:
        entry_id, fields = entry
        while True:
            try:
                self.commit(index, token, [entry], [event])
                self.tries.pop(entry_id, None)
                return
            except Exception as error:  # noqa: BLE001
                if self.db is None or not refused_for_its_data(error, self.db):
                    raise
                tries = self.tries[entry_id] = self.tries.get(entry_id, 0) + 1
                reason = f"{type(error).__name__}: {error}".strip()
                if tries >= MAX_TRIES:
                    break
        # Set aside with its reason, then move the cursor past it (a crash in between sets
        # it aside twice; the dead-letter stream is read by entry ID).
        self.store.xadd(DEAD_LETTERS, {**{k.decode(): v for k, v in fields.items()}, "reason": reason,
                                       "tries": tries, "stream": stream, "entry_id": entry_id})
        self.commit(index, token, [entry], [])
        self.tries.pop(entry_id, None)

    def commit(self, index: int, token: int, entries: List[Entry], events: List[Dict[str, Any]]) -> None:
        """Records `events` and moves the cursor past `entries`, if the fence is still ours."""
        db = self.connect()
        last = entries[-1][0].decode()
        with db.transaction():
            row = db.execute("SELECT fence FROM partitions WHERE partition = %s FOR UPDATE", [index]).fetchone()
            if row is None or row[0] != token:
                raise LostLease()
            for event in events:
                check(event)
            if events:
                db.execute(RECORD, {
                    "keys": [e["dedupe_key"] for e in events],
                    "conversations": [e["conversation_key"] for e in events],
                    "kinds": [e["type"] for e in events],
                    "times": [e["timestamp"] or 0 for e in events],
                    "events": [json.dumps(e) for e in events],
                    "worker": self.name,
                })
            db.execute("UPDATE partitions SET cursor = %s WHERE partition = %s", [last, index])
        self.owned[index] = (token, last)
        # What is committed is never read again: the stream keeps only what is ahead.
        self.store.xtrim(partition_stream(index), minid=last, approximate=True)

    def run(self) -> None:
        outage = Outage(self.name)
        while True:
            try:
                self.balance()
                handled = 0
                for index in list(self.owned):
                    try:
                        handled += self.step(index)
                    except LostLease:
                        self.owned.pop(index, None)
                        self.store.incr("stats:fenced")
                outage.over()
                if not handled:
                    time.sleep(0.01)
            except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError,
                    psycopg.Error) as down:
                # A database error on a live connection is a bug: the supervisor's.
                if isinstance(down, psycopg.Error) and not self.connection_lost(down):
                    raise
                # Leases are retaken (with new tokens) once both are back: the cursor is
                # read again from the database, whatever the last commit's fate.
                self.owned.clear()
                outage.failed(down)

    def connection_lost(self, error: "psycopg.Error") -> bool:
        """Whether `error` means the database went away (restarted, unreachable, or it cut
        this session off, as it does a session stalled inside a transaction)."""
        gone = self.db is None or self.db.broken or self.db.closed
        return gone or isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError))


def main(name: Optional[str] = None) -> None:
    try:
        Worker(name or sys.argv[1]).run()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
