"""Keys of what Meta sent and msgrkit does not know are kept as sent, however the binding
reuses the Python strings it makes for keys (bindings-python/src/pyser/names.rs)."""

import json
import threading
from typing import Any, Dict, List

import msgrkit


def body_with_key(key: str, value: object) -> bytes:
    message = {"mid": "m1", "text": "hi", key: value}
    entry = {"id": "1", "time": 1763712000000, "messaging": [
        {"sender": {"id": "2"}, "recipient": {"id": "1"}, "timestamp": 1763712000000, "message": message}]}
    return json.dumps({"object": "page", "entry": [entry]}).encode()


def message_of(body: bytes) -> Dict[str, Any]:
    event = msgrkit.parse_webhook(body)["events"][0]
    assert event["type"] == "message"
    message: Dict[str, Any] = dict(event["message"])
    return message


def test_unknown_keys_of_the_same_length_never_mix() -> None:
    # Freed keys' memory is reused from call to call: a key cached by address alone
    # would come back as the previous call's key.
    for n in range(500):
        key, inner = f"k{n:04d}", f"i{n:04d}"
        message = message_of(body_with_key(key, {inner: n}))
        assert set(message) == {"mid", "text", key}, n
        assert message[key] == {inner: n}


def test_field_names_are_shared_strings() -> None:
    first = msgrkit.parse_webhook(body_with_key("extra", 1))["events"][0]
    second = msgrkit.parse_webhook(body_with_key("extra", 2))["events"][0]
    # The same interned str for a field name in every call: dict lookups compare by identity.
    assert [k for k in first if k == "conversation_key"][0] is [k for k in second if k == "conversation_key"][0]


def test_keys_stay_right_from_many_threads() -> None:
    failures: List[str] = []

    def parse(worker: int) -> None:
        for n in range(200):
            key = f"w{worker}k{n:03d}"
            message = message_of(body_with_key(key, n))
            if message.get(key) != n or len(message) != 3:
                failures.append(f"{worker}/{n}: {sorted(message)}")

    threads = [threading.Thread(target=parse, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []

