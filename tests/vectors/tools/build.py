#!/usr/bin/env python3
"""Writes tests/vectors/*.json from the case lists beside this file (stdlib only).

Run it after editing a case list; CI runs it with --check and fails on drift."""

import sys
import tempfile
import pathlib

import agreement_cases
import common
import conversation_cases
import compose_cases
import dialect_cases
import dialect_fidelity_cases
import emit_cases
import entries_cases
import webhook_entry_cases
import send_retired_cases
import graph_cases
import graph_2026_cases
import link_cases
import platform_2026_cases
import policy_cases
import send_cases
import record_cases
import signature_cases
import webhook_cases

SUITES = [
    ("signature", "X-Hub-Signature-256 (and legacy sha1) verification over raw webhook bodies",
     {**signature_cases.NOTES, **platform_2026_cases.NOTES, **agreement_cases.NOTES, **record_cases.NOTES},
     lambda: signature_cases.cases() + platform_2026_cases.signature_cases() + agreement_cases.signature_cases()
     + record_cases.cases()),
    ("webhook", "webhook parsing into normalised events, the verification handshake, and event helpers",
     {**webhook_cases.NOTES, **webhook_entry_cases.NOTES, **platform_2026_cases.NOTES, **agreement_cases.NOTES,
      **conversation_cases.NOTES},
     lambda: webhook_cases.cases() + webhook_entry_cases.cases() + platform_2026_cases.webhook_cases()
     + agreement_cases.webhook_cases() + conversation_cases.cases()),
    ("send", "Send API and Messenger Profile bodies: serialisation and validation against the dated profile",
     {**send_cases.NOTES, **send_retired_cases.NOTES, **platform_2026_cases.NOTES, **agreement_cases.NOTES},
     lambda: send_cases.cases() + send_retired_cases.cases() + platform_2026_cases.send_cases()
     + agreement_cases.send_cases()),
    ("policy", "the messaging window, message tags and private replies",
     {**policy_cases.NOTES, **agreement_cases.NOTES}, lambda: policy_cases.cases() + agreement_cases.policy_cases()),
    ("compose", "channel-neutral messages transcoded into Send API messages, with the report of every change",
     compose_cases.NOTES, compose_cases.cases),
    ("dialect", "Smooch, Sinch and Linktor messages read into the neutral form and transcoded, with every warning",
     {**dialect_cases.NOTES, **dialect_fidelity_cases.NOTES},
     lambda: dialect_cases.cases() + dialect_fidelity_cases.cases()),
    ("graph", "Graph API requests as data (method, URL, headers, body), answers classified, usage headers",
     {**graph_cases.NOTES, **graph_2026_cases.NOTES}, lambda: graph_cases.cases() + graph_2026_cases.cases()),
    ("link", "m.me and ig.me chat links with a ref, parsed back, as QR codes, and the ref's round trip through the webhook",
     link_cases.NOTES, link_cases.cases),
    ("emit", "Meta webhooks and send outcomes as Smooch, Sunshine Conversations, Sinch and Linktor callbacks, with their signatures",
     emit_cases.NOTES, emit_cases.cases),
    ("entries", "the entries made from the table, each called by its name with its input object through every "
     "language's generated wrapper", entries_cases.NOTES, entries_cases.cases),
]


def build(target):
    common.VECTORS = target
    return {name: common.write_suite(name, desc, notes, make()) for name, desc, notes, make in SUITES}


def main():
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            build(pathlib.Path(tmp))
            stale = [n for n, *_ in SUITES
                     if (pathlib.Path(tmp) / f"{n}.json").read_bytes() != (pathlib.Path(__file__).parent.parent / f"{n}.json").read_bytes()]
        if stale:
            sys.exit(f"vectors out of date, run tests/vectors/tools/build.py: {', '.join(stale)}")
        print("vectors up to date")
        return
    counts = build(pathlib.Path(__file__).resolve().parent.parent)
    print(", ".join(f"{n}: {c} cases" for n, c in counts.items()), f"(total {sum(counts.values())})")


if __name__ == "__main__":
    main()
