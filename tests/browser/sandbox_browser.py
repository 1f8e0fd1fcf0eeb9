"""msgrkit sandbox in a real browser: Debian's Chromium driven by Playwright (launched
with the system Chromium; nothing downloads a browser). It starts the sandbox and the
Python example bot (examples/python/app.py) on 127.0.0.1 and, in the chat page: sends
"hi" and sees the bot's reply; taps a quick reply; sends "menu" and sees the carousel with
its cards and buttons; clicks a postback button and sees the bot's answer; sets a
persistent menu through the Graph stand-in and sees it in the page; asks for a duplicate
delivery and sees the bot answer once; presses "+25 h" and sees the bot's next proactive
send refused with 10/2018278 in the log. It saves a screenshot to target/sandbox.png
(with --update-screenshot also to docs/sandbox.png, the README's). `msgrkit record` stands
between the sandbox and the bot throughout; record_replay.py then replays what it wrote.

    python tests/browser/sandbox_browser.py MSGRKIT_BINARY [--update-screenshot]
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional

from playwright.sync_api import Page, expect, sync_playwright

import page_checks
import record_replay

ROOT = Path(__file__).resolve().parents[2]
SECRET, VERIFY = "browser-test-secret", "browser-test-verify-token"
ADA = "7000000000000001"
CHROMIUM = os.environ.get("MSGRKIT_CHROMIUM", "/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening(url: str) -> bool:
    host, port = url.rsplit("/", 1)[-1].split(":")
    with socket.socket() as probe:
        return probe.connect_ex((host, int(port))) == 0


def http(url: str, body: Optional[Dict[str, Any]] = None, token: Optional[str] = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=30) as answer:
        return json.loads(answer.read())


def wait_until(check: Any, what: str, seconds: float = 20) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = check()
            if found:
                return found
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def start(command: List[str], env: Dict[str, str], log: Path) -> "subprocess.Popen[bytes]":
    return subprocess.Popen(command, env={**os.environ, **env}, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def scenario(page: Page, sandbox: str, bot: str, out: Path) -> List[Path]:
    thread = page.locator("#thread")
    page.goto(sandbox)
    expect(page.locator(f'.customer[data-psid="{ADA}"]')).to_be_visible()

    page.fill("#text", "hi")
    page.click("#send")
    expect(thread.get_by_text("You said: hi")).to_be_visible(timeout=15_000)

    page_checks.times_and_reading(page, sandbox)
    page.locator(".chip", has_text="Talk to a human").click()
    expect(thread.get_by_text("A person from our team will answer here within a day.")).to_be_visible(timeout=15_000)

    page.fill("#text", "menu")
    page.click("#send")
    cards = thread.locator(".carousel .card")
    expect(cards).to_have_count(3, timeout=15_000)
    expect(cards.nth(0).locator(".title")).to_have_text("Track an order")
    expect(cards.nth(2).locator("button")).to_have_text("Talk to a human")

    cards.nth(0).locator("button", has_text="Track").click()
    expect(thread.get_by_text("Your order #1042 is on its way and arrives tomorrow.")).to_be_visible(timeout=15_000)

    profile = {
        "get_started": {"payload": "GET_STARTED"},
        "greeting": [{"locale": "default", "text": "Hi! We answer within minutes."}],
        "persistent_menu": [{"locale": "default", "composer_input_disabled": False, "call_to_actions": [
            {"type": "postback", "title": "Show the menu", "payload": "MENU"},
            {"type": "web_url", "title": "Our shop", "url": "https://shop.example.com"},
        ]}],
    }
    assert http(f"{sandbox}/v27.0/me/messenger_profile", profile, token="sandbox") == {"result": "success"}
    expect(page.locator("#menu-button")).to_be_visible(timeout=10_000)
    page.click("#menu-button")
    expect(page.locator(".menu-item", has_text="Our shop")).to_be_visible()
    page.locator(".menu-item", has_text="Show the menu").click()
    expect(thread.locator(".carousel")).to_have_count(2, timeout=15_000)

    shots = [page_checks.refused_carousel_is_inert(page, sandbox, out)]
    page_checks.email_quick_reply(page, sandbox)

    page.select_option("#delivery-mode", "duplicate")
    page.fill("#text", "only once please")
    page.click("#send")
    expect(thread.get_by_text("You said: only once please")).to_be_visible(timeout=15_000)
    wait_until(lambda: any(e.get("redelivery") for e in http(f"{sandbox}/sandbox/api/log")), "the redelivery")
    time.sleep(1.0)  # time for a second answer, if the bot were to send one
    expect(thread.get_by_text("You said: only once please")).to_have_count(1)

    page.click("#clock-25h")
    outcome = http(f"{bot}/notify/{ADA}", {})
    assert outcome.get("error") == "graph_outside_window", outcome
    expect(page.locator("#log .entry.graph.failed", has_text="2018278").first).to_be_visible(timeout=10_000)
    expect(thread.locator(".refusal", has_text="10/2018278")).to_be_visible()
    expect(thread.locator(".day")).to_have_count(2)  # "+25 h" starts a new day in the thread
    shots.append(page_checks.log_filtered_and_expanded(page, out))
    shots.append(page_checks.narrow(page, out))
    page.select_option("#log-customer", "")
    page.select_option("#log-kind", "")
    page.fill("#text", "hello again")  # for the screenshot: the composer in use
    page.wait_for_timeout(300)
    return shots


def main() -> None:
    binary = sys.argv[1]
    update = "--update-screenshot" in sys.argv
    out = ROOT / "target" / "browser"
    out.mkdir(parents=True, exist_ok=True)
    sandbox_port, bot_port, recorder_port = free_port(), free_port(), free_port()
    sandbox, bot = f"http://127.0.0.1:{sandbox_port}", f"http://127.0.0.1:{bot_port}"
    recording = out / "deliveries.jsonl"
    bot_env = {"MSGRKIT_APP_SECRET": SECRET, "MSGRKIT_VERIFY_TOKEN": VERIFY, "MSGRKIT_PAGE_TOKEN": "sandbox",
               "MSGRKIT_GRAPH_URL": sandbox, "MSGRKIT_PORT": str(bot_port)}
    processes = [
        start([sys.executable, str(ROOT / "examples" / "python" / "app.py")], bot_env, out / "bot.log"),
        start(record_replay.recorder(binary, recorder_port, bot, SECRET, recording), {}, out / "recorder.log"),
    ]
    try:
        # The recorder answers 502 while the bot is not up, which ends the sandbox's handshake.
        for url in (bot, f"http://127.0.0.1:{recorder_port}"):
            wait_until(lambda: listening(url), url)
        processes.append(start([binary, "sandbox", "--webhook", f"http://127.0.0.1:{recorder_port}/webhook",
                                "--app-secret", SECRET, "--verify-token", VERIFY, "--port", str(sandbox_port),
                                "--retry-delay-ms", "200"], {}, out / "sandbox.log"))
        wait_until(lambda: any(e["kind"] == "handshake" and e["verified"] for e in http(f"{sandbox}/sandbox/api/log")),
                   "the sandbox's handshake with the bot")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            try:
                shots = scenario(page, sandbox, bot, out)
            finally:
                page.screenshot(path=str(out / "sandbox.png"))
                browser.close()
        record_replay.check(binary, sandbox, recording, out, start, free_port,
                            lambda url: wait_until(lambda: listening(url), url))
        if update:
            for shot in [out / "sandbox.png", *shots]:
                shutil.copy(shot, ROOT / "docs" / shot.name)
        print("browser test passed; screenshot at", out / "sandbox.png")
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
