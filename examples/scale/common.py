"""Names and settings shared by the pipeline's processes (receiver, splitter, worker)."""

import os
import sys
import time
import zlib

REDIS_URL = os.environ.get("SCALE_REDIS_URL", "redis://127.0.0.1:6379/0")
PG_DSN = os.environ.get("SCALE_PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
APP_SECRET = os.environ.get("SCALE_APP_SECRET", "scale-app-secret")
PARTITIONS = int(os.environ.get("SCALE_PARTITIONS", "8"))
# How long a worker's claim on a partition lasts without renewal. A worker that dies or
# stalls longer loses it; the next owner's fence refuses the stalled worker's commits.
LEASE_MS = int(os.environ.get("SCALE_LEASE_MS", "1500"))
# Tries before an event the database or the handler refuses goes to the dead-letter stream.
MAX_TRIES = int(os.environ.get("SCALE_MAX_TRIES", "3"))
# How long the receiver waits for a body's bytes before it gives up on the connection.
READ_TIMEOUT_S = float(os.environ.get("SCALE_READ_TIMEOUT_S", "20"))
# How long the receiver reads and drops a refused body before closing (a lingering close).
LINGER_S = float(os.environ.get("SCALE_LINGER_S", "2"))
# Waits between reconnection attempts while Redis or PostgreSQL is down (doubling).
OUTAGE_WAIT_S = (0.05, 2.0)

INBOUND = "meta:deliveries"       # raw bodies and headers, as received
SPLITTER_GROUP = "splitters"
DEAD_LETTERS = "events:dead"      # events and whole deliveries set aside, with the reason


def partition_stream(index: int) -> str:
    return f"events:p{index}"


def partition_of(conversation_key: str) -> int:
    """A stable partition (Python's hash() differs per process; crc32 does not)."""
    return zlib.crc32(conversation_key.encode()) % PARTITIONS


class Outage:
    """Waits out an outage with doubling pauses, saying once on stderr that it began."""

    def __init__(self, who: str) -> None:
        self.who = who
        self.wait = 0.0

    def failed(self, error: BaseException) -> None:
        if not self.wait:
            print(f"{self.who}: {type(error).__name__}: {error}; retrying", file=sys.stderr, flush=True)
        self.wait = min(max(self.wait * 2, OUTAGE_WAIT_S[0]), OUTAGE_WAIT_S[1])
        time.sleep(self.wait)

    def over(self) -> None:
        self.wait = 0.0
