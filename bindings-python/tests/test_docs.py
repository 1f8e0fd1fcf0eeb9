"""The README's Python snippets, run in order in one namespace, as a reader would paste
them. The names they assume (a signed delivery, a token) come from the preamble below;
the client is pointed at a loopback stand-in instead of Meta."""

import json
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest

import msgrkit
from standin import StandIn

README = Path(__file__).resolve().parents[2] / "README.md"


def python_snippets() -> List[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_the_readme_has_python_snippets() -> None:
    assert len(python_snippets()) >= 4


def test_the_readme_snippets_run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
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
        for snippet in python_snippets():
            exec(compile(snippet, str(README), "exec"), namespace)
    printed = capsys.readouterr().out
    assert f"{psid} hello message:m_readme" in printed
    assert "m_standin after 1 attempt(s)" in printed
    [sent] = [json.loads(s.body) for s in graph.seen]
    assert sent["tag"] == "HUMAN_AGENT" and sent["recipient"] == {"id": psid}
