"""The splitter: read raw deliveries in a consumer group, parse each with msgrkit, and
route every event to one partition stream by its conversation_key, so one conversation
is always in one stream, in order. A delivery is acknowledged only after its events are
appended; a splitter that dies re-reads its pending deliveries (duplicates are the
database's to refuse, by dedupe key).

    python splitter.py NAME
"""

import json
import sys

import redis

import msgrkit
from common import INBOUND, REDIS_URL, SPLITTER_GROUP, partition_of, partition_stream


def ensure_group(store: "redis.Redis[bytes]") -> None:
    try:
        store.xgroup_create(INBOUND, SPLITTER_GROUP, id="0", mkstream=True)
    except redis.ResponseError as exists:
        if "BUSYGROUP" not in str(exists):
            raise


def split(store: "redis.Redis[bytes]", entries: list) -> None:  # type: ignore[type-arg]
    pipe = store.pipeline(transaction=False)
    for entry_id, fields in entries:
        notification = msgrkit.parse_webhook(fields[b"body"])
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
    store = redis.Redis.from_url(REDIS_URL)
    ensure_group(store)
    backlog = True  # first our own pending deliveries (after a crash), then new ones
    while True:
        answer = store.xreadgroup(SPLITTER_GROUP, name, {INBOUND: "0" if backlog else ">"}, count=200, block=200)
        entries = answer[0][1] if answer else []
        if backlog and not entries:
            backlog = False
            continue
        if entries:
            split(store, entries)


if __name__ == "__main__":
    main(sys.argv[1])
