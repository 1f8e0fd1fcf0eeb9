"""The committed JSON Schema of the core's inputs (schema/inputs.schema.json) against what
Python hosts pass: the stubs' keyword arguments are the fields the core reads, required
exactly where the core requires them, and every input a vector passes and the core
accepts is valid against the schema (a schema stricter than the core would refuse real
input; a looser one would let a typo through)."""

import ast
import json
from typing import Any, Dict, List, Set, Tuple, get_args

import pytest

import msgrkit

from msgrkit.types import GraphCallName
from schema_support import ROOT, VECTORS, load, validator

INPUTS = load("inputs")
STUB = ROOT / "bindings-python" / "python" / "msgrkit" / "_native.pyi"

# Functions whose keyword arguments are one core input, by the schema root that reads
# them; the set names fields that are not keywords (parsed parts only, for chat links).
KEYWORDS: Dict[str, Tuple[str, Set[str]]] = {
    "validate": ("ProfileOptions", set()),
    "prepare_send": ("SendInput", set()),
    "decide_policy": ("PolicyInput", set()),
    "decide_private_reply": ("PrivateReplyInput", set()),
    "chat_link": ("ChatLink", {"other"}),
}


def definition(root: str) -> Dict[str, Any]:
    ref: str = INPUTS["roots"][root]["$ref"]
    found: Dict[str, Any] = INPUTS["$defs"][ref.rsplit("/", 1)[-1]]
    return found


def stub_keywords(name: str) -> Tuple[Set[str], Set[str]]:
    """The keyword-only parameters of `name` in the stub, and those without a default."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            names = {a.arg for a in node.args.kwonlyargs}
            required = {a.arg for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults) if d is None}
            return names, required
    raise AssertionError(f"{name} is not in {STUB}")


@pytest.mark.parametrize("function", sorted(KEYWORDS))
def test_stub_keywords_are_the_fields_the_core_reads(function: str) -> None:
    root, not_keywords = KEYWORDS[function]
    schema = definition(root)
    assert schema.get("additionalProperties") is False, f"{root} must refuse unknown keys"
    fields = set(schema["properties"]) - not_keywords
    required = set(schema.get("required", []))
    names, without_default = stub_keywords(function)
    assert sorted(names - fields) == [], f"{function} takes keywords the core refuses"
    assert sorted(fields - names) == [], f"{function} lacks keywords the core reads"
    assert sorted(without_default) == sorted(required), f"{function}'s required keywords"


def accepted_inputs() -> List[Any]:
    """(root, value, id) for every input a vector passes that the core accepts."""
    out: List[Any] = []

    def cases(suite: str) -> List[Dict[str, Any]]:
        with open(VECTORS / f"{suite}.json", encoding="utf-8") as f:
            found: List[Dict[str, Any]] = json.load(f)["cases"]
        return [c for c in found if "ok" in c["expect"]]

    for case in cases("graph"):  # requests and diagnose answers
        given = case["input"]
        if given["kind"] == "request":
            out.append(pytest.param("GraphCall", {given["call"]: given.get("args") or {}}, id=case["id"]))
        elif given["kind"] == "diagnose":
            out.append(pytest.param("DiagnoseInput", given["answers"], id=case["id"]))
    for case in cases("policy"):
        given = dict(case["input"])
        root = "PrivateReplyInput" if given.pop("call", "decide") == "private_reply" else "PolicyInput"
        out.append(pytest.param(root, given, id=case["id"]))
    for case in cases("link"):
        if case["input"].get("call", "link") == "link":
            out.append(pytest.param("ChatLink", case["input"]["link"], id=case["id"]))
    for case in cases("compose"):
        given = case["input"]
        if given.get("call") == "menu":
            out.append(pytest.param("Menu", given["menu"], id=case["id"] + ":menu"))
        else:
            out.append(pytest.param("Message", given["message"], id=case["id"] + ":message"))
        if given.get("options"):
            out.append(pytest.param("ComposeOptions", given["options"], id=case["id"] + ":options"))
    return out


@pytest.mark.parametrize("root,value", accepted_inputs())
def test_accepted_vector_inputs_match_the_schema(root: str, value: Any) -> None:
    check = validator(INPUTS, root, words=False)
    problems = [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in check.iter_errors(value)
    ]
    assert problems == []


def test_a_misspelt_input_key_is_outside_the_schema() -> None:
    # The schema refuses what the core refuses: a typo is not a valid input.
    check = validator(INPUTS, "GraphCall", words=False)
    assert not check.is_valid({"user_profile": {"psid": "1", "feilds": ["name"]}})
    assert check.is_valid({"user_profile": {"psid": "1", "fields": ["name"]}})
    assert not validator(INPUTS, "PolicyInput", words=False).is_valid(
        {"last_user_activity": 1, "now": 2, "tagg": "x"}
    )



def test_graph_call_names_are_the_core_calls() -> None:
    calls = {b["required"][0] for b in INPUTS["$defs"]["GraphCall"]["oneOf"]}
    names = [name for literal in get_args(GraphCallName) for name in get_args(literal)]
    assert sorted(names) == sorted(calls)


def test_a_wrong_call_is_refused_and_does_not_type_check() -> None:
    graph = msgrkit.Graph("EAAG-test-token")
    with pytest.raises(msgrkit.InputError) as caught:
        graph.request("user_profiles", psid="1")  # type: ignore[call-overload]
    assert caught.value.field == "call"
    with pytest.raises(msgrkit.InputError) as caught:
        graph.request("user_profile")  # type: ignore[call-overload]
    assert (caught.value.code, caught.value.field) == ("required", "args.psid")
    with pytest.raises(msgrkit.InputError) as caught:
        graph.request("user_profile", psid="1", feilds=["name"])  # type: ignore[call-overload]
    assert caught.value.field == "args.feilds"
    assert graph.request("user_profile", psid="1", fields=["name"])["method"] == "GET"


def overloads(cls: str, method: str) -> Dict[str, ast.FunctionDef]:
    """The stub's overloads of `cls.method`, by the call each one's Literal names."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    found: Dict[str, ast.FunctionDef] = {}
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name == cls):
            continue
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and item.name == method:
                annotation = item.args.posonlyargs[1].annotation
                assert isinstance(annotation, ast.Subscript) and isinstance(annotation.slice, ast.Constant)
                found[str(annotation.slice.value)] = item
    return found


@pytest.mark.parametrize("cls,method", [("Graph", "request"), ("Client", "call")])
def test_each_graph_call_overload_takes_the_arguments_the_core_reads(cls: str, method: str) -> None:
    calls = {b["required"][0]: b["properties"][b["required"][0]] for b in INPUTS["$defs"]["GraphCall"]["oneOf"]}
    found = overloads(cls, method)
    assert sorted(found) == sorted(calls)
    untyped = sorted(name for name, f in found.items() if f.args.kwarg is not None)
    # thread_control's argument `call` cannot sit beside the positional `call`.
    assert untyped == ["thread_control"]
    for name, f in found.items():
        if f.args.kwarg is not None:
            continue
        args = calls[name]
        keywords = {a.arg for a in f.args.kwonlyargs}
        without_default = {a.arg for a, d in zip(f.args.kwonlyargs, f.args.kw_defaults) if d is None}
        assert keywords == set(args.get("properties", {})), name
        assert without_default == set(args.get("required", [])), name


@pytest.mark.parametrize("cls,root", [("Graph", "GraphConfig"), ("Client", "ClientConfig")])
def test_constructor_arguments_are_the_settings_the_core_reads(cls: str, root: str) -> None:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    [new] = [item for node in tree.body if isinstance(node, ast.ClassDef) and node.name == cls
             for item in node.body if isinstance(item, ast.FunctionDef) and item.name == "__new__"]
    names = {a.arg for a in new.args.args[1:]} | {a.arg for a in new.args.kwonlyargs}
    schema = definition(root)
    assert schema.get("additionalProperties") is False
    assert sorted(names) == sorted(schema["properties"])
    assert schema.get("required", []) == []  # the token is checked after reading: `required` at token


def test_the_client_takes_every_graph_setting() -> None:
    # api::ClientConfig repeats graph::GraphConfig's settings (serde cannot refuse unknown
    # keys beside a flattened struct): a setting added to one only would fail here.
    def settings(root: str) -> Dict[str, Any]:
        props: Dict[str, Any] = definition(root)["properties"]
        return {k: {key: v for key, v in p.items() if key != "description"} for k, p in props.items()}

    graph, client = settings("GraphConfig"), settings("ClientConfig")
    assert {k: client.get(k) for k in graph} == graph
