"""Names and settings shared by the pipeline's processes (receiver, splitter, worker)."""

import os
import zlib

REDIS_URL = os.environ.get("SCALE_REDIS_URL", "redis://127.0.0.1:6379/0")
PG_DSN = os.environ.get("SCALE_PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
APP_SECRET = os.environ.get("SCALE_APP_SECRET", "scale-app-secret")
PARTITIONS = int(os.environ.get("SCALE_PARTITIONS", "8"))
# How long a worker's claim on a partition lasts without renewal: a worker killed
# holding one frees it after this, and its pending entries are claimed (XAUTOCLAIM).
LEASE_MS = int(os.environ.get("SCALE_LEASE_MS", "1500"))
# Tries before an event goes to the dead-letter stream with its error.
MAX_TRIES = int(os.environ.get("SCALE_MAX_TRIES", "3"))

INBOUND = "meta:deliveries"       # raw bodies and headers, as received
SPLITTER_GROUP = "splitters"
WORKER_GROUP = "workers"
DEAD_LETTERS = "events:dead"


def partition_stream(index: int) -> str:
    return f"events:p{index}"


def partition_of(conversation_key: str) -> int:
    """A stable partition (Python's hash() differs per process; crc32 does not)."""
    return zlib.crc32(conversation_key.encode()) % PARTITIONS
