"""Editors show the schema's words on hover and in completion: every property of the
shipped schema says what it is for, and the Markdown variants agree with the plain ones."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from cjm.schema import schema


def property_schemas(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema that describes a key someone can write, with a path naming it: the
    properties, the `x-` pattern properties, the values of free-form mappings and the `$defs`."""
    if not isinstance(node, dict):
        return
    for name, sub in node.get("properties", {}).items():
        yield f"{path}.{name}", sub
        yield from property_schemas(sub, f"{path}.{name}")
    for pattern, sub in node.get("patternProperties", {}).items():
        yield f"{path}[{pattern}]", sub
        yield from property_schemas(sub, f"{path}[{pattern}]")
    if isinstance(node.get("additionalProperties"), dict):
        yield f"{path}[*]", node["additionalProperties"]
        yield from property_schemas(node["additionalProperties"], f"{path}[*]")
    if isinstance(node.get("items"), dict):
        yield from property_schemas(node["items"], f"{path}[]")
    for name, sub in node.get("$defs", {}).items():
        yield f"$defs.{name}", sub
        yield from property_schemas(sub, f"$defs.{name}")


PROPERTIES = dict(property_schemas(schema()))


def test_the_walk_sees_every_section_of_the_schema() -> None:
    for key in (".cjm", ".stages", "$defs.touchpoint.step", "$defs.persona.prosumer",
                "$defs.narrative.open_role", "$defs.stage.touchpoints", "$defs.touchpoint.metrics[*]",
                "$defs.touchpoint[^x-]"):
        assert key in PROPERTIES
    assert len(PROPERTIES) > 50


@pytest.mark.parametrize("path", sorted(PROPERTIES))
def test_every_property_has_a_description(path: str) -> None:
    description = PROPERTIES[path].get("description")
    assert isinstance(description, str) and len(description.split()) >= 4, \
        f"{path} needs a `description` in plain words (editors show it on hover)"
    assert description[:1].isupper() and description.endswith((".", ")")), path


@pytest.mark.parametrize("path", sorted(PROPERTIES))
def test_markdown_variants_go_with_the_plain_ones(path: str) -> None:
    node = PROPERTIES[path]
    if "markdownEnumDescriptions" in node:
        assert len(node["markdownEnumDescriptions"]) == len(node["enum"]), path
    if "examples" in node:
        assert isinstance(node["examples"], list) and node["examples"], path


def test_the_schema_describes_the_whole_map() -> None:
    root = schema()
    assert root["description"] and root["title"]
    assert "$id" not in root, "a schema $id would name a URL that nothing publishes"
