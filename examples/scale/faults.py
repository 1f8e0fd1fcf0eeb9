"""The faults the load test makes: processes killed, stalled and restarted under a
supervisor, Redis and PostgreSQL restarted (through the scripts `scripts/scale` leaves in
SCALE_SERVERS), and hostile requests to a receiver, with its peak memory read from /proc."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import psycopg

from common import PG_DSN

HERE = Path(__file__).resolve().parent
SERVERS = Path(os.environ.get("SCALE_SERVERS", "."))


class Process:
    """One pipeline process, restartable; its stderr is kept whole in a file."""

    def __init__(self, script: str, *args: str) -> None:
        self.name = args[0] if args else script
        self.command = [sys.executable, str(HERE / script), *args]
        self.popen: Optional["subprocess.Popen[bytes]"] = None
        self.log = open(SERVERS / f"{self.name}.stderr", "ab")  # noqa: SIM115 (lives with the process)
        self.expected_exit = False
        # Held while the process is swapped, so the supervisor never sees the old, killed
        # process together with the new one's `expected_exit = False`.
        self.lock = threading.Lock()
        self.start()

    def start(self) -> None:
        with self.lock:
            self.popen = subprocess.Popen(self.command, cwd=HERE, stderr=self.log)
            self.expected_exit = False

    def kill(self) -> None:
        assert self.popen is not None
        with self.lock:
            self.expected_exit = True
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait()

    def ended_unexpectedly(self) -> Optional[int]:
        """The exit code of a process that ended without being told to, else None."""
        with self.lock:
            popen = self.popen
            if popen is not None and popen.poll() is not None and not self.expected_exit:
                return popen.returncode
        return None

    def stop(self) -> str:
        assert self.popen is not None
        with self.lock:
            self.expected_exit = True
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGINT)
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        self.log.close()
        return (SERVERS / f"{self.name}.stderr").read_text(errors="replace")

    def peak_rss_kib(self) -> int:
        assert self.popen is not None
        for line in Path(f"/proc/{self.popen.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0


class Supervisor(threading.Thread):
    """Restarts a process that ended without being told to, as systemd would; every such
    end is counted (the test expects none: outages are to be waited out)."""

    def __init__(self, processes: List[Process]) -> None:
        super().__init__(daemon=True)
        self.processes = processes
        self.unexpected: List[str] = []
        self.running = True

    def run(self) -> None:
        while self.running:
            for process in list(self.processes):
                code = process.ended_unexpectedly()
                if code is not None:
                    self.unexpected.append(f"{process.name} exited with {code}")
                    process.start()
            time.sleep(0.05)


def server_script(name: str) -> None:
    subprocess.run([str(SERVERS / name)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def restart_redis(down_s: float) -> None:
    server_script("redis-stop")
    time.sleep(down_s)
    server_script("redis-start")


def restart_postgres(down_s: float) -> None:
    server_script("pg-stop")
    time.sleep(down_s)
    server_script("pg-start")


def stall(process: Process, seconds: float, in_transaction: bool) -> bool:
    """SIGSTOPs `process` for `seconds` (past its lease): inside a transaction if asked and
    it can be caught there (PostgreSQL then cuts its session off), else wherever it is
    (its next commit meets the new owner's fence). True when it was inside one."""
    assert process.popen is not None
    inside = False
    deadline = time.monotonic() + (3 if in_transaction else 0)
    with psycopg.connect(PG_DSN, autocommit=True) as db:
        while time.monotonic() < deadline and not inside:
            row = db.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s "
                             "AND state = 'idle in transaction'", [process.name]).fetchone()
            inside = bool(row and row[0])
    process.popen.send_signal(signal.SIGSTOP)
    time.sleep(seconds)
    process.popen.send_signal(signal.SIGCONT)
    return inside


def raw_request(port: int, head: bytes, body_bytes: int = 0, chunk: bytes = b"\0" * (1 << 16)) -> str:
    """Sends `head`, then up to `body_bytes` of body while the server reads it, and returns
    the answer's status line ('' when none came)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(head)
        sent = 0
        try:
            while sent < body_bytes:
                sent += s.send(chunk[: min(len(chunk), body_bytes - sent)])
        except OSError:
            pass  # the server answered and closed without reading: what it should do
        try:
            answer = s.recv(4096)
        except OSError:
            return ""
        return answer.split(b"\r\n", 1)[0].decode(errors="replace")


def hostile(port: int) -> Dict[str, Any]:
    """Garbage and oversize requests to a receiver: each must get an answer (or a closed
    connection for what is not HTTP), the receiver's memory must stay bounded."""
    big = 300 * 1024 * 1024
    post = "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    sig = "X-Hub-Signature-256: sha256=" + "0" * 64 + "\r\n"
    tries = {
        "unsigned 300 MB body, sent": (f"{post}Content-Length: {big}\r\n\r\n", big),
        "signed 300 MB Content-Length": (f"{post}{sig}Content-Length: {big}\r\n\r\n", big),
        "Content-Length: abc": (f"{post}{sig}Content-Length: abc\r\n\r\n", 0),
        "Content-Length: -1": (f"{post}{sig}Content-Length: -1\r\n\r\n", 0),
        "chunked, no Content-Length": (f"{post}{sig}Transfer-Encoding: chunked\r\n\r\n", 0),
        "a forged signature": (f"{post}{sig}Content-Length: 2\r\n\r\n{{}}", 0),
        "not HTTP": ("\x16\x03\x01\x02\x00garbage\r\n\r\n", 0),
        "GET": ("GET /webhook HTTP/1.1\r\nHost: x\r\n\r\n", 0),
    }
    return {name: raw_request(port, head.encode("latin-1"), size) for name, (head, size) in tries.items()}
