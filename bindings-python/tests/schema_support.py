"""The committed JSON Schema (schema/*.schema.json) and which root describes the output of
each vector call, for tests/test_schema.py."""

import copy
import json
from pathlib import Path
from typing import Any, Dict, Tuple

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema"
VECTORS = ROOT / "tests" / "vectors"

# Free text the runners remove before comparing (vectors never hold words).
WORDS = ("message", "detail", "fix")

# (suite, call) -> the output root, or an inline schema over roots ("#/roots/X" refs).
# A call missing here fails the test: every vector output is described.
CALLS: Dict[Tuple[str, str], Any] = {
    ("signature", "verify"): "Algorithm",
    ("signature", "verify_headers"): "Algorithm",
    ("signature", "verify_any"): "Verified",
    ("signature", "sign"): {"type": "string", "pattern": "^sha256=[0-9a-f]{64}$"},
    # The number of body bytes to read.
    ("signature", "head"): {"type": "integer", "minimum": 0},
    # One line of a recording, read back.
    ("signature", "record"): "Recorded",
    ("webhook", "parse"): "Notification",
    ("webhook", "receive"): "Received",
    ("webhook", "handshake"): "HandshakeAnswer",
    ("webhook", "conversation_keys"): {"type": "array", "items": {"type": "string"}},
    ("webhook", "is_own_echo"): {"type": "array", "items": {"type": "boolean"}},
    ("webhook", "covered"): {
        "type": "array",
        "items": {"type": "array", "items": {"type": "string"}},
    },
    ("send", "validate"): {"type": "array", "items": {"$ref": "#/roots/Violation"}},
    # Meta's own body, written in Meta's form: the request, message or profile read back.
    ("send", "roundtrip"): {"type": "object"},
    ("send", "prepare"): "PrepareAnswer",
    ("policy", "decide"): "PolicyAnswer",
    ("policy", "private_reply"): "PolicyAnswer",
    ("compose", "compose"): "Composed",
    ("compose", "menu"): "MenuComposed",
    ("dialect", "transcode"): "Transcoded",
    ("dialect", "menu"): "MenuComposed",
    ("graph", "request"): "GraphRequest",
    ("graph", "response"): "ClassifiedResponse",
    ("graph", "usage"): "UsageReport",
    ("graph", "user_profile"): "ProfileAnswer",
    ("graph", "diagnose"): {"type": "array", "items": {"$ref": "#/roots/Finding"}},
    ("link", "link"): {"type": "string"},
    ("link", "parse"): "ChatLinkParts",
    ("link", "round_trip"): {
        "type": "object",
        "properties": {
            "parsed": {"$ref": "#/roots/ChatLinkParts"},
            "refs": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["parsed", "refs"],
        "additionalProperties": False,
    },
    ("link", "qr"): {"type": "boolean"},
    ("emit", "emit"): "Emitted",
    ("emit", "outcome"): "Emitted",
    ("emit", "verify"): {"const": True},
}

# The entries made from the table answer their table output root, by the function's name.
with open(SCHEMA / "functions.json", encoding="utf-8") as _table:
    CALLS.update({("entries", f["name"]): f["output"] for f in json.load(_table)["functions"] if "input" in f})

# Runners that compare only some keys of the output (tests/vectors/README.md names them):
# these definitions' keys are all optional when checking vectors.
PARTIAL = {("graph", "usage"): ("UsageReport",), ("graph", "diagnose"): ("Finding",)}

DEFAULT_CALL = {
    "signature": "verify",
    "webhook": "parse",
    "send": "validate",
    "policy": "decide",
    "compose": "compose",
    "dialect": "transcode",
    "link": "link",
    "emit": "emit",
}


def load(which: str) -> Dict[str, Any]:
    with open(SCHEMA / f"{which}.schema.json", encoding="utf-8") as f:
        document: Dict[str, Any] = json.load(f)
    return document


def call_of(suite: str, case: Dict[str, Any]) -> str:
    if suite == "graph":
        return str(case["input"]["kind"])
    if suite == "entries":
        return str(case["input"]["function"])
    return str(case["input"].get("call", DEFAULT_CALL[suite]))


def without_words(node: Any) -> Any:
    """The schema with the free-text keys optional everywhere."""
    if isinstance(node, dict):
        out = {k: without_words(v) for k, v in node.items()}
        if isinstance(out.get("required"), list):
            out["required"] = [k for k in out["required"] if k not in WORDS]
        return out
    if isinstance(node, list):
        return [without_words(v) for v in node]
    return node


def validator(
    document: Dict[str, Any], target: Any, words: bool = True, partial: Tuple[str, ...] = ()
) -> Draft202012Validator:
    """A validator of `target` (a root's name, or a schema that refers to `#/roots/X`)
    over `document`. With `words` false the free-text keys are required as the core
    writes them; `partial` names definitions whose keys are all optional."""
    schema: Dict[str, Any] = copy.deepcopy(document)
    if isinstance(target, str):
        schema["$ref"] = f"#/roots/{target}"
    else:
        schema["$defs"]["_target"] = target
        schema["$ref"] = "#/$defs/_target"
    for name in partial:
        schema["$defs"][name]["required"] = []
    if words:
        schema = without_words(schema)
    return Draft202012Validator(schema)
