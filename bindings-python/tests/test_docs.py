"""The Python code blocks of the README and of docs/python.md, run as a reader would paste
them. The README's example stands alone. The page's blocks run in order in one namespace;
the names they assume (a signed delivery, a token) come from the preamble below, and the
client is pointed at a loopback stand-in instead of Meta."""

import json
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest

import msgrkit
from standin import StandIn

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PAGE = ROOT / "docs" / "python.md"


def python_blocks(path: Path) -> List[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def test_the_readme_example_runs_on_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    [example] = python_blocks(README)
    exec(compile(example, str(README), "exec"), {})
    assert capsys.readouterr().out == "message hello message:m_1\n"


def test_the_page_has_python_blocks() -> None:
    assert len(python_blocks(PAGE)) >= 4


def test_the_page_blocks_run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    secret, psid = "readme-app-secret", "6500000000000001"
    body = json.dumps({"object": "page", "entry": [{"id": "106000000000001", "time": 1, "messaging": [
        {"sender": {"id": psid}, "recipient": {"id": "106000000000001"}, "timestamp": 1,
         "message": {"mid": "m_readme", "text": "hello"}}]}]}).encode()
    namespace: Dict[str, Any] = {
        "APP_SECRET": secret, "PAGE_TOKEN": "EAAG-readme", "PSID": psid, "raw_body": body,
        "headers": {"Content-Type": "application/json",
                    "X-Hub-Signature-256": msgrkit.sign(secret, body)},
    }
    real_client = msgrkit.Client
    with StandIn() as graph:
        monkeypatch.setattr(msgrkit, "Client",
                            lambda *a, **k: real_client(*a, base_url=graph.url, **k))
        for block in python_blocks(PAGE):
            exec(compile(block, str(PAGE), "exec"), namespace)
    printed = capsys.readouterr().out
    assert f"{psid} hello message:m_readme" in printed
    assert "m_standin after 1 attempt(s)" in printed
    assert "MESSAGE_TAG HUMAN_AGENT Your ticket is answered" in printed  # prepare_send
    [sent] = [json.loads(s.body) for s in graph.seen]
    assert sent["tag"] == "HUMAN_AGENT" and sent["recipient"] == {"id": psid}
