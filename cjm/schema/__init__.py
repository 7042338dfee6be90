"""The JSON Schema of the map format, shipped in the package, and its checker.

`journey-map.schema.json` (draft 2020-12) is the single source of the map's
structure (`data.py` holds the same as Python data, for speed). `check`
walks it with a small interpreter of the keywords the schema uses: it is
fast (no jsonschema import on every commit), reports every violation rather
than the first, and words each one for a marketer. The test
suite proves it agrees with the `jsonschema` reference implementation.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache

from cjm.diagnostic import Finding
from cjm.loader.positions import Path, Positions
from cjm.loader.scalars import LongNumber
from cjm.schema.messages import Messages

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

SCHEMA_FILE = "journey-map.schema.json"
SUPPORTED = frozenset({
    "$schema", "$id", "$defs", "$ref", "title", "description", "default", "examples", "type",
    "markdownDescription", "markdownEnumDescriptions",  # read by editors (VS Code, yaml-language-server)
    "properties", "required", "additionalProperties", "patternProperties", "items",
    "enum", "const", "minimum", "maximum", "minLength", "minItems", "maxItems", "uniqueItems", "pattern",
})


def schema_text() -> str:
    """The schema as shipped, for `cjm schema` and editors.

    Read beside this module (importlib.resources would add ~4 ms of imports to
    every `cjm validate`); cjm is never run from a zip file.
    """
    with open(os.path.join(os.path.dirname(__file__), SCHEMA_FILE), encoding="utf-8") as handle:
        return handle.read()


def schema() -> dict[str, Any]:
    """The schema as data: cjm/schema/data.py, the JSON file written as a Python literal (a test
    holds the two equal), so that checking a map needs no JSON parse nor the json module."""
    from cjm.schema.data import SCHEMA

    return SCHEMA


def check(data: Any, positions: Positions) -> list[Finding]:
    """Every schema violation in `data`, each at its node."""
    messages = Messages(positions, data)
    _Walker(schema(), messages).walk(schema(), data, ())
    return messages.findings


class _Walker:
    def __init__(self, root: dict[str, Any], messages: Messages) -> None:
        self.root = root
        self.say = messages

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/$defs/"):
                raise ValueError(f"unsupported $ref {ref!r}")
            node = self.root["$defs"][ref.removeprefix("#/$defs/")]
        return node

    def walk(self, node: dict[str, Any], value: Any, path: Path) -> None:
        if isinstance(value, LongNumber):
            return  # the loader reported it
        node = self.resolve(node)
        if "const" in node and not _same(value, node["const"]):
            self.say.const(path, value, node["const"])
            return
        if "enum" in node and not any(_same(value, e) for e in node["enum"]):
            self.say.enum(path, value, node["enum"])
            return
        if "type" in node and not _is_type(value, node["type"]):
            self.say.type(path, value, node["type"])
            return
        if isinstance(value, dict):
            self.walk_object(node, value, path)
        elif isinstance(value, list):
            self.walk_array(node, value, path)
        elif isinstance(value, str):
            self.walk_string(node, value, path)
        elif _is_number(value):
            self.walk_number(node, value, path)

    def walk_object(self, node: dict[str, Any], value: dict[str, Any], path: Path) -> None:
        props: dict[str, Any] = node.get("properties", {})
        for key in node.get("required", []):
            if key not in value:
                self.say.required(path, key, value)
        patterns: dict[str, Any] = node.get("patternProperties", {})
        extra = node.get("additionalProperties", True)
        previous: Any = None
        previous_key = ""
        for key, item in value.items():
            if item is None and isinstance(previous, int) and _thousands(key):
                self.say.thousands((*path, key), previous, key)  # `{visits: 12,000}` read as 12 and `000:`
                continue
            if (item is None and isinstance(previous, str) and extra is False and key not in props
                    and self.say.same_line((*path, previous_key), (*path, key))):
                self.say.comma_in_value(path, previous_key, previous, key)  # `{title: A, b, step: x}`
                continue
            previous, previous_key = item, key
            if key in props:
                self.walk(props[key], item, (*path, key))
            elif any(_search(p, key) for p in patterns):
                for pattern, sub in patterns.items():
                    if _search(pattern, key):
                        self.walk(sub, item, (*path, key))
            elif extra is False:
                self.say.unknown_key(path, key, list(props))
            elif isinstance(extra, dict):
                self.walk(extra, item, (*path, key))

    def walk_array(self, node: dict[str, Any], value: list[Any], path: Path) -> None:
        if len(value) < node.get("minItems", 0):
            self.say.min_items(path, node["minItems"])
        if "maxItems" in node and len(value) > node["maxItems"]:
            self.say.max_items(path, len(value), node["maxItems"])
            return  # a limit: the items beyond it are not checked one by one
        if node.get("uniqueItems"):
            seen: set[str] = set()
            for i, item in enumerate(value):
                key = _identity(item)
                if key in seen:
                    self.say.repeated(path, i, item)
                seen.add(key)
        if "items" in node:
            for i, item in enumerate(value):
                self.walk(node["items"], item, (*path, i))

    def walk_string(self, node: dict[str, Any], value: str, path: Path) -> None:
        if len(value) < node.get("minLength", 0):
            self.say.empty(path)
        if "pattern" in node and not _search(node["pattern"], value):
            self.say.pattern(path, value, node.get("description", ""))

    def walk_number(self, node: dict[str, Any], value: float, path: Path) -> None:
        low, high = node.get("minimum"), node.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            self.say.range(path, value, low, high)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: _is_number(v) and (isinstance(v, int) or v.is_integer()),
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def _is_type(value: Any, wanted: str | list[str]) -> bool:
    names = [wanted] if isinstance(wanted, str) else wanted
    return any(_TYPE_CHECKS[name](value) for name in names)


def _thousands(key: str) -> bool:
    return len(key) == 3 and key.isdigit()


def _identity(value: Any) -> str:
    """A key equal for JSON-equal values (true is not 1, 1 is 1.0), so repeats are found in one pass.
    Scalars (nearly every list item) are keyed without the json module: start-up."""
    if isinstance(value, str):
        return f"s:{value}"
    if isinstance(value, bool) or value is None:
        return f"b:{value}"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            return f"n:{value!r}"
        return f"n:{int(value)}"
    import json

    return json.dumps(value, sort_keys=True, default=repr)  # a list or mapping: "[..." or "{..."


def _same(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1."""
    return isinstance(a, bool) == isinstance(b, bool) and a == b


@cache
def _compiled(pattern: str) -> Any:
    import re

    return re.compile(pattern)


def _search(pattern: str, text: str) -> bool:
    return _compiled(pattern).search(text) is not None
