"""Writes a seed corpus per fuzz target from the shared vectors (tests/vectors/*.json),
in each target's input format. Usage: python3 fuzz/seeds.py OUT_DIR"""

import hashlib
import json
import struct
import sys
from pathlib import Path

VECTORS = Path(__file__).resolve().parent.parent / "tests" / "vectors"


def cases(suite):
    return json.loads((VECTORS / f"{suite}.json").read_text(encoding="utf-8"))["cases"]


def body(inp):
    if "body_hex" in inp:
        return bytes.fromhex(inp["body_hex"])
    value = inp.get("body")
    return value.encode() if isinstance(value, str) else json.dumps(value).encode()


def seeds():
    out = {name: [] for name in ["webhook_parse", "signature", "dialect_compose", "shorthand",
                                 "validate_json", "graph_response", "c_entry_points"]}
    for c in cases("webhook"):
        if c["input"].get("call", "parse") == "parse":
            out["webhook_parse"].append(body(c["input"]))
            out["c_entry_points"].append(body(c["input"]))
    for c in cases("signature"):
        i = c["input"]
        header = i.get("header") or ""
        secret = i.get("app_secret") or (i.get("app_secrets") or [""])[-1]
        out["signature"].append(secret.encode() + b"\0" + header.encode() + b"\0" + body(i))
    for c in cases("dialect"):
        text = json.dumps(c["input"]["body"]).encode()
        out["dialect_compose"].append(text)
        out["c_entry_points"].append(text)
    for c in cases("compose"):
        if "message" in c["input"]:
            out["dialect_compose"].append(json.dumps(c["input"]["message"]).encode())
            text = c["input"]["message"].get("text")
            if isinstance(text, str):
                out["shorthand"].append(text.encode())
    out["shorthand"] += [b"%[Yes](postback:YES) %[No](reply:NO)", b"$[Buy](9.99)", b"![](https://x.example/a.png)",
                         b"%[Map](location) %[Site](https://example.com)", b"%[[nested]](postback:X"]
    for c in cases("send"):
        if "body" in c["input"]:
            out["validate_json"].append(json.dumps(c["input"]["body"]).encode())
    for c in cases("graph"):
        i = c["input"]
        if i["kind"] in ("response", "user_profile"):
            head = "\n".join(f"{n}: {v}" for n, v in i["headers"]).encode()
            out["graph_response"].append(struct.pack(">H", i["status"]) + head + b"\0" + i["body"].encode())
    return out


def main():
    root = Path(sys.argv[1])
    for target, items in seeds().items():
        folder = root / target
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            (folder / hashlib.sha1(item).hexdigest()).write_bytes(item)
        print(f"{target}: {len(items)} seeds")


if __name__ == "__main__":
    main()
