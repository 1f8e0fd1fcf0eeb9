"""The Python surface against the core's one table of entry points (schema/functions.json,
generated from `api::ENTRY_POINTS`): every entry is exposed (a function of `msgrkit`, or a
method of the class it names), and every function `msgrkit` exports is an entry."""

import inspect
import json
from typing import Any, Dict, List

from schema_support import ROOT, load

import msgrkit

FUNCTIONS: List[Dict[str, Any]] = json.loads((ROOT / "schema" / "functions.json").read_text())["functions"]
# Functions of the Python surface that are the host's own, not the core's.
PYTHON_ONLY: Dict[str, str] = {}
KINDS = {"string", "integer", "null", "boolean", "object"}


def method_name(entry: Dict[str, Any]) -> str:
    """`graph_request` of `Graph` is `Graph.request`; `client_send` of `Client`, `Client.send`."""
    prefix = entry["method_of"].lower() + "_"
    name: str = entry["name"]
    return name[len(prefix):] if name.startswith(prefix) else name


def exposed(entry: Dict[str, Any]) -> bool:
    if entry.get("method_of"):
        owner = getattr(msgrkit, entry["method_of"], None)
        return owner is not None and callable(getattr(owner, method_name(entry), None))
    return callable(getattr(msgrkit, entry["name"], None)) and entry["name"] in msgrkit.__all__


def test_every_entry_point_is_exposed_in_python() -> None:
    missing = [entry["name"] for entry in FUNCTIONS if not exposed(entry)]
    assert missing == [], f"not exposed in Python: {missing}"


def test_every_python_function_is_an_entry_point() -> None:
    names = {entry["name"] for entry in FUNCTIONS if not entry.get("method_of")}
    functions = [name for name in msgrkit.__all__
                 if callable(getattr(msgrkit, name)) and not inspect.isclass(getattr(msgrkit, name))]
    extra = [name for name in functions if name not in names and name not in PYTHON_ONLY]
    assert extra == [], f"exported by Python but not in the table (api::ENTRY_POINTS): {extra}"


def test_every_answer_is_described_by_the_schema() -> None:
    roots = load("outputs")["roots"]
    unknown = [entry["name"] for entry in FUNCTIONS
               if entry["output"].strip("[]") not in roots and entry["output"].strip("[]") not in KINDS]
    assert unknown == []


def test_an_entry_made_from_the_table_is_typed_and_checked_by_the_core() -> None:
    status = msgrkit.graph_version_status(version="v21.0", as_of="2026-12-08")
    assert status["state"] == "ending_soon" and status.get("replacement") == "v27.0"
    try:
        msgrkit.graph_version_status(version="v21.0", as_of="2026-02-30")
    except msgrkit.InputError as error:
        assert (error.code, error.field) == ("invalid_input", "as_of")
    else:
        raise AssertionError("an impossible date was accepted")


def test_the_generic_call_names_an_unknown_entry() -> None:
    from msgrkit import _native

    for name in ("no_such_entry", "codes"):  # not in the table; in it, but not made from it
        try:
            _native.call(name, {})
        except msgrkit.InputError as error:
            assert error.field == "function"
        else:
            raise AssertionError(name)
