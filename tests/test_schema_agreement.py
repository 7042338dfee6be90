"""The schema is the one source of the format's keys and values: the model's enums
and cjm fmt's key order are written out for speed and must agree with it."""

from __future__ import annotations

from typing import Any

from cjm import fmt, model
from cjm.schema import schema


def _properties(section: str | None) -> dict[str, Any]:
    root = schema()
    node = root if section is None else root["$defs"][section]
    properties: dict[str, Any] = node["properties"]
    return properties


def test_fmt_orders_keys_as_the_schema_lists_them() -> None:
    assert fmt.TOP_KEYS == tuple(_properties(None))
    assert fmt.PERSONA_KEYS == tuple(_properties("persona"))
    assert fmt.NARRATIVE_KEYS == tuple(_properties("narrative"))
    assert fmt.STAGE_KEYS == tuple(_properties("stage"))
    assert fmt.TOUCHPOINT_KEYS == tuple(_properties("touchpoint"))


def test_the_models_enums_are_the_schemas() -> None:
    touchpoint = _properties("touchpoint")
    assert model.STEPS == tuple(touchpoint["step"]["enum"])
    assert model.ENGAGEMENTS == tuple(touchpoint["engagement"]["enum"])
    assert model.ACTORS == tuple(touchpoint["actor"]["enum"])
    assert model.STORYTELLING == tuple(touchpoint["storytelling"]["enum"])


def test_the_default_phases_are_the_schemas() -> None:
    phases = _properties(None)["phases"]
    assert model.DEFAULT_PHASES == tuple(phases["default"])
