"""Compares a Python annotation (a TypedDict, a list of them, a Literal, ...) with a JSON
Schema of the core's output: the keys, which are always present, and the JSON kinds of
every value, recursively. A host type may be coarser than the schema (``Dict[str, Any]``,
``Any``) but never claim a key, a kind or a presence the core does not write."""

import typing
from typing import Any, Dict, List, Set, Tuple

NONE = type(None)


class Schemas:
    def __init__(self, document: Dict[str, Any]) -> None:
        self.defs: Dict[str, Any] = document["$defs"]
        self.roots: Dict[str, Any] = document["roots"]

    def resolve(self, schema: Any) -> Any:
        """The schema behind `$ref`s (a description beside a `$ref` is dropped)."""
        while isinstance(schema, dict) and "$ref" in schema:
            ref = schema["$ref"]
            table = self.roots if ref.startswith("#/roots/") else self.defs
            schema = table[ref.rsplit("/", 1)[-1]]
        return schema

    def branches(self, schema: Any) -> List[Any]:
        """The alternatives of a schema (itself when it has none), resolved."""
        schema = self.resolve(schema)
        if isinstance(schema, dict):
            for key in ("oneOf", "anyOf"):
                if key in schema:
                    out: List[Any] = []
                    for branch in schema[key]:
                        out.extend(self.branches(branch))
                    return out
        return [schema]

    def constants(self, schema: Any) -> Any:
        """The values a schema of constants allows; None when it is not one."""
        out: Set[Any] = set()
        for branch in self.branches(schema):
            if not isinstance(branch, dict):
                return None
            if "const" in branch:
                out.add(branch["const"])
            elif "enum" in branch:
                out.update(branch["enum"])
            elif branch.get("type") == "null":
                out.add(None)
            else:
                return None
        return out

    def kinds(self, schema: Any) -> Set[str]:
        """The JSON kinds a schema allows; {"any"} when it does not say."""
        out: Set[str] = set()
        for branch in self.branches(schema):
            if branch is True or branch == {} or not isinstance(branch, dict):
                return {"any"}
            if "const" in branch:
                out.add(json_kind(branch["const"]))
            elif "enum" in branch:
                out.update(json_kind(v) for v in branch["enum"])
            elif "type" in branch:
                types = branch["type"]
                out.update([types] if isinstance(types, str) else types)
            else:
                return {"any"}
        return out


def json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def is_typed_dict(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "__required_keys__")


def members(annotation: Any) -> List[Any]:
    if typing.get_origin(annotation) is typing.Union:
        return list(typing.get_args(annotation))
    return [annotation]


def python_kinds(annotation: Any) -> Set[str]:
    out: Set[str] = set()
    for member in members(annotation):
        origin = typing.get_origin(member)
        if member is Any:
            return {"any"}
        if member is NONE:
            out.add("null")
        elif origin is typing.Literal:
            out.update(json_kind(v) for v in typing.get_args(member))
        elif member is bool:
            out.add("boolean")
        elif member is int:
            out.add("integer")
        elif member is float:
            out.update({"number", "integer"})
        elif member is str:
            out.add("string")
        elif origin in (list, tuple) or member in (list, tuple):
            out.add("array")
        elif origin is dict or member is dict or is_typed_dict(member):
            out.add("object")
        else:
            raise TypeError(f"no JSON kind for {member!r}")
    return out


def python_literals(annotation: Any) -> Any:
    """The values of a Literal (or a Union of them, with None); None when not one."""
    out: Set[Any] = set()
    for member in members(annotation):
        if member is NONE:
            out.add(None)
        elif typing.get_origin(member) is typing.Literal:
            out.update(typing.get_args(member))
        else:
            return None
    return out


class Comparison:
    def __init__(self, schemas: Schemas) -> None:
        self.schemas = schemas
        self.problems: List[str] = []
        self.seen: Set[Tuple[int, int]] = set()

    def problem(self, path: str, text: str) -> None:
        self.problems.append(f"{path}: {text}")

    def compare(self, annotation: Any, schema: Any, path: str) -> None:
        schema = self.schemas.resolve(schema)
        key = (id(annotation), id(schema))
        if key in self.seen:
            return
        self.seen.add(key)
        ours, theirs = python_kinds(annotation), self.schemas.kinds(schema)
        if "any" in ours or "any" in theirs:
            return
        if "number" in theirs:
            theirs = theirs | {"integer"}
        if ours != theirs:
            self.problem(path, f"the host type allows {sorted(ours)}, the core writes {sorted(theirs)}")
            return
        literals, constants = python_literals(annotation), self.schemas.constants(schema)
        if literals is not None and constants is not None and constants - literals:
            missing = sorted(constants - literals, key=str)
            self.problem(path, f"the core writes {missing}, which the host type's Literal lacks")
        values = [m for m in members(annotation) if m is not NONE]
        branches = [
            b for b in self.schemas.branches(schema) if not (isinstance(b, dict) and b.get("type") == "null")
        ]
        if len(values) == 1 and len(branches) == 1:
            self.compare_one(values[0], branches[0], path)
        elif values and all(is_typed_dict(v) for v in values):
            self.compare_variants(values, branches, path)

    def compare_one(self, annotation: Any, schema: Dict[str, Any], path: str) -> None:
        origin = typing.get_origin(annotation)
        if is_typed_dict(annotation):
            self.compare_object(annotation, schema, path)
        elif origin is list and isinstance(schema, dict) and "items" in schema:
            (item,) = typing.get_args(annotation) or (Any,)
            self.compare(item, schema["items"], f"{path}[]")

    def compare_object(self, annotation: Any, schema: Dict[str, Any], path: str) -> None:
        properties: Dict[str, Any] = schema.get("properties", {})
        if not properties:
            return
        hints = typing.get_type_hints(annotation)
        required = set(schema.get("required", []))
        ours_required = set(annotation.__required_keys__)
        open_schema = schema.get("additionalProperties", False) is not False
        for name in sorted(set(hints) - set(properties)):
            if not open_schema:
                self.problem(f"{path}.{name}", "the host type has a key the core never writes")
        for name in sorted(set(properties) - set(hints)):
            self.problem(f"{path}.{name}", "the core writes a key the host type lacks")
        for name in sorted(set(hints) & set(properties)):
            where = f"{path}.{name}"
            if name in required and name not in ours_required:
                self.problem(where, "always written, but optional in the host type")
            if name not in required and name in ours_required:
                self.problem(where, "left out when absent, but required in the host type")
            self.compare(hints[name], properties[name], where)

    def compare_variants(self, values: List[Any], branches: List[Any], path: str) -> None:
        """A Union of TypedDicts against a oneOf: paired by their `type` literal."""

        def tag_of_schema(branch: Any) -> Any:
            return branch.get("properties", {}).get("type", {}).get("const")

        def tag_of_host(value: Any) -> Any:
            args = typing.get_args(typing.get_type_hints(value).get("type"))
            return args[0] if len(args) == 1 else None

        hosts = {tag_of_host(v): v for v in values}
        cores = {tag_of_schema(b): b for b in branches}
        for tag in sorted(set(cores) - set(hosts), key=str):
            self.problem(path, f"the core writes a variant {tag!r} the host type lacks")
        for tag in sorted(set(hosts) - set(cores), key=str):
            self.problem(path, f"the host type has a variant {tag!r} the core never writes")
        for tag in sorted(set(hosts) & set(cores), key=str):
            self.compare_object(hosts[tag], cores[tag], f"{path}<{tag}>")


def drift(schemas: Schemas, annotation: Any, root: str) -> List[str]:
    comparison = Comparison(schemas)
    comparison.compare(annotation, schemas.roots[root], root)
    return comparison.problems
