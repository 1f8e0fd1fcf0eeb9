"""The splitter: read raw deliveries in a consumer group, parse each with msgrkit, and
route every event to one partition stream by its conversation_key, so one conversation
is always in one stream, in order. A batch of deliveries' events and their acknowledgements
are one Redis transaction (MULTI/EXEC): a splitter that dies re-reads its pending deliveries, and
never appends a delivery's events twice.

A signed delivery that does not parse as a whole (`{"object":"page","entry":{}}`) is set
aside in the dead-letter stream with msgrkit's code and message, and acknowledged: it
can never block the deliveries behind it. Items that did not parse inside a delivery
that did go to `events:unparsed`. Redis going away is waited out. Any other exception ends
the process; restarted (by a supervisor), it re-reads its pending deliveries.

    python splitter.py NAME
"""

import json
import sys
from typing import Any, List, Tuple

import redis

import msgrkit
from common import (DEAD_LETTERS, INBOUND, REDIS_URL, SPLITTER_GROUP, Outage, partition_of,
                    partition_stream)


def ensure_group(store: "redis.Redis[bytes]") -> None:
    try:
        store.xgroup_create(INBOUND, SPLITTER_GROUP, id="0", mkstream=True)
    except redis.ResponseError as exists:
        if "BUSYGROUP" not in str(exists):
            raise


def split(store: "redis.Redis[bytes]", entries: List[Tuple[bytes, Any]]) -> None:
    pipe = store.pipeline(transaction=True)
    for entry_id, fields in entries:
        try:
            notification = msgrkit.parse_webhook(fields[b"body"])
        except msgrkit.MsgrkitError as refused:
            pipe.xadd(DEAD_LETTERS, {"delivery": fields[b"body"], "headers": fields.get(b"headers", b"[]"),
                                     "reason": f"{refused.code}: {refused}", "stream": INBOUND,
                                     "entry_id": entry_id})
        else:
            for event in notification["events"]:
                key = event["conversation_key"]
                pipe.xadd(partition_stream(partition_of(key)), {
                    "event": json.dumps(event), "dedupe_key": event["dedupe_key"], "conversation_key": key})
            # Items Meta sent that did not parse are kept, never dropped.
            for error in notification["errors"]:
                pipe.xadd("events:unparsed", {"error": json.dumps(error)})
        pipe.xack(INBOUND, SPLITTER_GROUP, entry_id)
    pipe.execute()


def main(name: str) -> None:
    store = redis.Redis.from_url(REDIS_URL, socket_timeout=5, socket_connect_timeout=2)
    outage = Outage(name)
    backlog = True  # first our own pending deliveries (after a crash), then new ones
    while True:
        try:
            ensure_group(store)
            answer = store.xreadgroup(SPLITTER_GROUP, name, {INBOUND: "0" if backlog else ">"}, count=200, block=200)
            entries = answer[0][1] if answer else []
            if backlog and not entries:
                backlog = False
                continue
            split(store, entries)
            outage.over()
        except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError) as down:
            backlog = True  # whether the last EXEC ran is unknown: read our pending ones again
            outage.failed(down)


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except KeyboardInterrupt:
        pass
