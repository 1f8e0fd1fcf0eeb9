"""Meta's side of the load test: signed webhook deliveries, single events and batches, 10%
delivered twice, some redelivered after a timeout, and poison of every kind a helpdesk
meets: events its handler fails on, a text with NUL (PostgreSQL refuses it), an event
over the inbox's size bound, and signed deliveries that do not parse as a whole."""

import hashlib
import http.client
import json
import random
import threading
import time
from typing import Any, Callable, Dict, List, Tuple

import msgrkit
from common import APP_SECRET

PAGE = "106000000000001"
TIMEOUT = 20.0  # Meta's answer deadline
# What each poison event's text is, by kind; the load test expects each in the dead letters.
POISON_TEXTS = {
    "handler": lambda: "POISON",
    "nul": lambda: "a\u0000b",
    "oversize": lambda: "x" * 70_000,  # over schema.sql's bound on one stored event
}
# Signed, well-formed JSON, not a delivery: the splitter sets each aside whole.
UNPARSEABLE = [b'{"object":"page","entry":{}}', b'{"object":"page","entry":[{"id":"1","messaging":{}}],"object":"x"}',
               b'[1,2,3]']


class Generator:
    """Each thread owns some conversations and sends their events in order, the next only
    after the previous delivery was answered 2xx (Meta orders events only within a
    conversation, and so does this)."""

    def __init__(self, ports: List[int], conversations: int, events: int, batch: int, poison: int) -> None:
        self.ports = ports
        self.lock = threading.Lock()
        self.latencies: List[float] = []
        self.deliveries = self.retried = self.duplicated = self.events_acknowledged = 0
        # Called before each delivery: the fault schedule holds the load here until the
        # fault due at this point of the run has begun, so every fault happens under load.
        self.pace: Callable[[], None] = lambda: None
        self.acknowledged: List[List[str]] = []  # dedupe keys of each delivery answered 2xx
        self.expected: Dict[str, Tuple[str, int]] = {}  # dedupe key -> (conversation, timestamp)
        self.poisoned: Dict[str, str] = {}  # dedupe key -> poison kind
        self.unparseable: List[str] = []  # sha256 of each whole delivery that cannot parse
        per = [events // conversations + (1 if i < events % conversations else 0) for i in range(conversations)]
        self.queues: List[List[Dict[str, Any]]] = []
        base = int(time.time() * 1000) - 3_600_000
        rng = random.Random(7)
        kinds = list(POISON_TEXTS)
        poison_at = {n: kinds[i % len(kinds)] for i, n in enumerate(rng.sample(range(events), poison))}
        n = 0
        for c, count in enumerate(per):
            psid = str(6_500_000_000_000_000 + c)
            queue = []
            for seq in range(count):
                kind = poison_at.get(n)
                text = POISON_TEXTS[kind]() if kind else f"message {seq} of {psid}"
                item = {"sender": {"id": psid}, "recipient": {"id": PAGE}, "timestamp": base + seq * 10,
                        "message": {"mid": f"m_{c}_{seq}", "text": text}}
                key = f"message:m_{c}_{seq}"
                if kind:
                    self.poisoned[key] = kind
                else:
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

    def deliver_body(self, body: bytes, rng: random.Random) -> None:
        # Now and then the answer is too slow for Meta, which delivers again (a duplicate).
        timeout = 0.001 if rng.random() < 0.02 else TIMEOUT
        attempt = 0
        while not self.send(body, rng, timeout):
            attempt += 1
            timeout = TIMEOUT
            with self.lock:
                self.retried += 1
            time.sleep(min(0.05 * 2 ** attempt, 1.0))

    def deliver(self, items: List[Dict[str, Any]], rng: random.Random) -> None:
        body = json.dumps({"object": "page", "entry": [{"id": PAGE, "time": items[-1]["timestamp"],
                                                         "messaging": items}]}).encode()
        self.pace()
        self.deliver_body(body, rng)
        keys = [f"message:{i['message']['mid']}" for i in items]
        with self.lock:
            self.deliveries += 1
            self.events_acknowledged += len(items)
            self.acknowledged.append(keys)
        if rng.random() < 0.10:  # Meta delivers at least once: sometimes twice
            with self.lock:
                self.duplicated += 1
            while not self.send(body, rng, TIMEOUT):
                time.sleep(0.05)

    def deliver_unparseable(self, rng: random.Random) -> None:
        for body in UNPARSEABLE:
            self.deliver_body(body, rng)
            with self.lock:
                self.unparseable.append(hashlib.sha256(body).hexdigest())

    def run_thread(self, conversations: List[int], seed: int) -> None:
        rng = random.Random(seed)
        cursors = {c: 0 for c in conversations}
        if seed == 0:
            self.deliver_unparseable(rng)
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

    @property
    def total(self) -> int:
        return len(self.expected) + len(self.poisoned)
