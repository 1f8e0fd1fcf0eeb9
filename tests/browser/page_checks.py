"""The page as a helpdesk developer judges it (run by sandbox_browser.py, in its scenario):
a send Meta refused looks refused and nothing in it can be tapped; the thread has times
and day separators; nothing is marked read until asked; a `user_email` quick reply offers
the person's own address; the log filters by customer and kind and a row opens into its
headers, pretty JSON and the app's answer; at 420 px nothing runs off the side. Each
screenshot it takes is written to target/browser/ (and docs/ with --update-screenshot)."""

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, List

from playwright.sync_api import Page, expect

ADA = "7000000000000001"
CAROUSEL_BUTTON = "Buy the red one"


def graph_send(sandbox: str, body: Dict[str, Any]) -> Any:
    request = urllib.request.Request(f"{sandbox}/v27.0/me/messages", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer sandbox"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return json.loads(refused.read())


def webhooks(sandbox: str) -> List[Dict[str, Any]]:
    with urllib.request.urlopen(f"{sandbox}/sandbox/api/log", timeout=30) as answer:
        return [e for e in json.loads(answer.read()) if e["kind"] == "webhook"]


def refused_carousel_is_inert(page: Page, sandbox: str, out: Path) -> Path:
    card = {"title": "Red shoes", "subtitle": "x" * 200,  # over the 80 characters of a subtitle
            "buttons": [{"type": "postback", "title": CAROUSEL_BUTTON, "payload": "BUY_RED"}]}
    answer = graph_send(sandbox, {"recipient": {"id": ADA}, "messaging_type": "RESPONSE", "message": {
        "attachment": {"type": "template", "payload": {"template_type": "generic", "elements": [card]}}}})
    assert answer["error"]["code"] == 100, answer
    refused = page.locator(".msg.refused", has=page.locator(".carousel")).last
    expect(refused).to_be_visible(timeout=10_000)
    expect(refused.locator(".refusal")).to_contain_text("Meta refused it: 100")
    button = refused.locator("button", has_text=CAROUSEL_BUTTON)
    expect(button).to_be_disabled()
    button.dispatch_event("click")  # what a determined click does: nothing
    page.wait_for_timeout(500)
    assert not any("BUY_RED" in e["body"] for e in webhooks(sandbox)), "a refused carousel's button sent a postback"
    refused.scroll_into_view_if_needed()
    refused.screenshot(path=str(out / "sandbox-refused.png"))
    return out / "sandbox-refused.png"


def times_and_reading(page: Page, sandbox: str) -> None:
    thread = page.locator("#thread")
    expect(thread.locator(".day").first).to_be_visible()
    expect(thread.locator(".msg.customer .mark").first).to_have_text(re.compile(r"\d\d:\d\d"))
    page_items = thread.locator(".msg.page .mark")
    expect(page_items.filter(has_text="Seen")).to_have_count(0)  # opening the thread read nothing
    reads = [e for e in webhooks(sandbox) if "read" in e["events"]]
    assert reads == [], reads
    page.click("#mark-read")
    expect(page_items.filter(has_text="Seen").first).to_be_visible(timeout=10_000)
    assert any("read" in e["events"] for e in webhooks(sandbox))


def email_quick_reply(page: Page, sandbox: str) -> None:
    graph_send(sandbox, {"recipient": {"id": ADA}, "messaging_type": "RESPONSE", "message": {
        "text": "Where should we send the receipt?", "quick_replies": [{"content_type": "user_email"}]}})
    chip = page.locator(".chip.own")
    expect(chip).to_have_text("ada.lovelace@example.com", timeout=10_000)
    chip.click()
    expect(page.locator("#thread").get_by_text("You picked ada.lovelace@example.com.")).to_be_visible(timeout=15_000)
    taps = [m["message"] for e in webhooks(sandbox) for entry in json.loads(e["body"])["entry"]
            for m in entry["messaging"] if "quick_reply" in m.get("message", {})]
    assert {"text": "ada.lovelace@example.com", "payload": "ada.lovelace@example.com"} in [
        {"text": t.get("text"), "payload": t["quick_reply"]["payload"]} for t in taps], taps


def log_filtered_and_expanded(page: Page, out: Path) -> Path:
    page.select_option("#log-customer", ADA)
    page.select_option("#log-kind", "webhook")
    entries = page.locator("#log .entry")
    expect(entries.first).to_be_visible()
    assert entries.count() == page.locator("#log .entry.webhook").count()
    entries.first.locator(".head").click()
    details = page.locator("#log .entry.open .details")
    expect(details).to_contain_text("X-Hub-Signature-256: sha256=")
    expect(details).to_contain_text("your app's answer")
    expect(details).to_contain_text("EVENT_RECEIVED")
    expect(details).to_contain_text('"object": "page"')
    page.locator("#log-pane").screenshot(path=str(out / "sandbox-log.png"))
    return out / "sandbox-log.png"


def narrow(page: Page, out: Path) -> Path:
    page.set_viewport_size({"width": 420, "height": 900})
    page.wait_for_timeout(300)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 420, f"the page is {width} px wide at 420 px"
    expect(page.locator("#send")).to_be_in_viewport()
    page.locator("#log-pane").scroll_into_view_if_needed()
    expect(page.locator("#log .entry").first).to_be_in_viewport()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(out / "sandbox-narrow.png"))
    page.set_viewport_size({"width": 1280, "height": 800})
    return out / "sandbox-narrow.png"
