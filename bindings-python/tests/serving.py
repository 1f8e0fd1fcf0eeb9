"""Example servers started as their own processes on 127.0.0.1, for the tests."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(script: Path, port: int, env: Dict[str, str]) -> Iterator[None]:
    """Runs `script` with `env` added, until it listens on `port`; stops it afterwards."""
    process = subprocess.Popen([sys.executable, str(script)], env=dict(os.environ, **env),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
                time.sleep(0.05)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)
