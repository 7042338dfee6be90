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
    assert tuple(_properties(None)) == fmt.TOP_KEYS
    assert tuple(_properties("persona")) == fmt.PERSONA_KEYS
    assert tuple(_properties("narrative")) == fmt.NARRATIVE_KEYS
    assert tuple(_properties("stage")) == fmt.STAGE_KEYS
    assert tuple(_properties("touchpoint")) == fmt.TOUCHPOINT_KEYS


def test_the_models_enums_are_the_schemas() -> None:
    touchpoint = _properties("touchpoint")
    assert tuple(touchpoint["step"]["enum"]) == model.STEPS
    assert tuple(touchpoint["engagement"]["enum"]) == model.ENGAGEMENTS
    assert tuple(touchpoint["actor"]["examples"]) == model.ACTORS
    assert tuple(touchpoint["storytelling"]["enum"]) == model.STORYTELLING
    assert tuple(_properties("actor")["kind"]["enum"]) == model.ACTOR_KINDS
    assert tuple(_properties(None)["layout"]["enum"]) == model.LAYOUTS


def test_every_kind_of_actor_is_on_one_side() -> None:
    """Customers tell advocate stories and may step into the open role; every other kind acts for the
    brand; every built-in actor is of a known kind."""
    assert set(model.SHARE_TELLERS) | set(model.BRAND_SIDE) == set(model.ACTOR_KINDS)
    assert not set(model.SHARE_TELLERS) & set(model.BRAND_SIDE)
    assert set(model.BUILTIN_KINDS) == set(model.ACTORS)
    assert set(model.BUILTIN_KINDS.values()) <= set(model.ACTOR_KINDS)


def test_the_default_phases_are_the_schemas() -> None:
    phases = _properties(None)["phases"]
    assert tuple(phases["default"]) == model.DEFAULT_PHASES


def test_the_engines_limits_are_the_schemas() -> None:
    from cjm.check import engine

    assert _properties(None)["phases"]["maxItems"] == engine.MAX_PHASES
    assert _properties(None)["stages"]["maxItems"] == engine.MAX_STAGES
    assert _properties("stage")["touchpoints"]["maxItems"] == engine.MAX_TOUCHPOINTS
