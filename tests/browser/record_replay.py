"""Record and replay around the browser test: `msgrkit record` stands between the sandbox
and the Python example bot for the whole scenario; afterwards its recording, and the
sandbox's own export of the session, are replayed with `msgrkit replay` against a fresh
bot (every answer the same) and against a bot with a planted bug (the differing answers
reported, exit 1)."""

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Callable, Dict, List

ROOT = Path(__file__).resolve().parents[2]
TEST_SECRET = "replay-test-secret"
# The example bot, with one bug planted: every delivery holding a postback fails (500).
PLANTED = """
import sys
import time
sys.path.insert(0, sys.argv[1])
import app
real = app.msgrkit.parse_webhook
def parse_webhook(raw, **options):
    delivery = real(raw, **options)
    if any(event["type"] == "postback" for event in delivery["events"]):
        raise KeyError("payload")
    return delivery
app.msgrkit.parse_webhook = parse_webhook
app.app.run(host="127.0.0.1", port=int(sys.argv[2]))
"""

Start = Callable[[List[str], Dict[str, str], Path], "subprocess.Popen[bytes]"]


def recorder(binary: str, port: int, bot: str, secret: str, out: Path) -> List[str]:
    out.unlink(missing_ok=True)
    return [binary, "record", "--listen", f"127.0.0.1:{port}", "--forward", bot, "--app-secret", secret,
            "--out", str(out)]


def lines(path: Path) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def replay(binary: str, recording: Path, to: str) -> "subprocess.CompletedProcess[str]":
    return subprocess.run([binary, "replay", str(recording), "--to", to, "--app-secret", TEST_SECRET],
                          capture_output=True, text=True, timeout=120)


def settled(sandbox: str, recording: Path, exported: Path) -> bool:
    """Whether the sandbox's export holds what the recorder wrote: a delivery in flight is
    in the recording (written before the answer goes back) before it is in the log."""
    with urllib.request.urlopen(f"{sandbox}/sandbox/api/export", timeout=30) as answer:
        assert answer.headers["X-Msgrkit-Left-Out"] == "0"
        exported.write_text(answer.read().decode())
    # Deliveries in flight at once (a redelivery beside a delivery receipt) are written in
    # the order their answers came: compared as sets of bodies.
    return sorted(r["body"] for r in lines(exported)) == sorted(r["body"] for r in lines(recording))


def check(binary: str, sandbox: str, recording: Path, out: Path, start: Start, free_port: Callable[[], int],
          wait_for: Callable[[str], None]) -> None:
    exported = out / "export.jsonl"
    deadline = time.monotonic() + 15
    while not settled(sandbox, recording, exported):
        assert time.monotonic() < deadline, "the sandbox's export and the recording differ"
        time.sleep(0.2)
    recorded = lines(recording)
    assert len(recorded) >= 6, f"only {len(recorded)} deliveries recorded"
    assert all(r["signature_valid"] and r["answer"]["status"] == 200 for r in recorded), recorded
    assert all(r["headers"]["x-hub-signature-256"] == "<signed>" for r in recorded)
    assert "browser-test-secret" not in recording.read_text()
    kinds = {kind for r in recorded for kind in r["events"]}
    assert {"message", "postback"} <= kinds, kinds


    nowhere = f"http://127.0.0.1:{free_port()}"  # the bots' replies go nowhere: no side effects
    env = {"MSGRKIT_APP_SECRET": TEST_SECRET, "MSGRKIT_VERIFY_TOKEN": "v", "MSGRKIT_PAGE_TOKEN": "sandbox",
           "MSGRKIT_GRAPH_URL": nowhere}
    fresh_port, buggy_port = free_port(), free_port()
    bots = [
        start([sys.executable, str(ROOT / "examples" / "python" / "app.py")],
              {**env, "MSGRKIT_PORT": str(fresh_port)}, out / "fresh-bot.log"),
        start([sys.executable, "-c", PLANTED, str(ROOT / "examples" / "python"), str(buggy_port)], env,
              out / "buggy-bot.log"),
    ]
    try:
        fresh, buggy = f"http://127.0.0.1:{fresh_port}", f"http://127.0.0.1:{buggy_port}"
        wait_for(fresh)
        wait_for(buggy)
        for name, source in (("recording", recording), ("sandbox export", exported)):
            same = replay(binary, source, fresh)
            assert same.returncode == 0, f"{name} against a fresh bot: {same.stdout}{same.stderr}"
            report = json.loads(same.stdout)
            assert report == {"replayed": len(recorded), "differences": []}, report
            print(f"replay of the {name} against a fresh bot: {report['replayed']} deliveries, every answer the same")
        differs = replay(binary, recording, buggy)
        assert differs.returncode == 1, differs
        report = json.loads(differs.stdout)
        postbacks = {r["seq"] for r in recorded if "postback" in r["events"]}
        assert {d["seq"] for d in report["differences"]} == postbacks, report
        statuses = [(d["recorded"], d["replayed"]) for d in report["differences"] if d["field"] == "status"]
        assert statuses and all(s == ("200", "500") for s in statuses), report
        print(f"replay against the bot with a planted bug: {len(postbacks)} postback deliveries reported "
              f"(status 200, replayed 500)")
    finally:
        for bot in bots:
            bot.terminate()
            bot.wait(timeout=10)
