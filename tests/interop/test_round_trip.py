"""Export, then import: every sample map both ways, and generated maps through CSV.

Through CSV a map's touchpoints come back exactly: every value they set, in
their phase and stage. Through Mermaid what a journey diagram can hold comes
back: the title, the description, each stage (its phase and name), each
touchpoint's title (on one line, cut at 80 characters), emotion (none reads back as the
neutral 0) and actor, the persona and the brand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from cjm.fmt import format_text
from cjm.interop.csv_out import to_csv
from cjm.interop.map_yaml import map_text
from cjm.interop.mermaid_out import shorten, to_mermaid
from cjm.model import ACTORS
from tests.interop.maps import (
    HOSTILE,
    SAMPLES,
    journey_from,
    journey_of,
    maps,
    model_of,
    reimported,
    touchpoint_rows,
)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_sample_comes_back_from_csv_with_the_same_touchpoints(path: Path) -> None:
    journey = journey_of(path)
    imported = reimported(to_csv(journey), "touchpoints.csv")
    assert imported.data is not None
    assert touchpoint_rows(journey_from(imported.data)) == touchpoint_rows(journey)


@given(maps())
@settings(max_examples=100)
def test_any_map_comes_back_from_csv_with_the_same_touchpoints(data: dict[str, Any]) -> None:
    journey = model_of(data)
    imported = reimported(to_csv(journey), "touchpoints.csv")
    assert imported.data is not None
    assert touchpoint_rows(journey_from(imported.data)) == touchpoint_rows(journey)


def diagram_view(journey: Any) -> dict[str, Any]:
    """What a Mermaid journey diagram holds of a map: the map's own actors come back as the brand's
    (and the brand's name with them only when it is the one name besides the persona)."""
    persona = journey.section("persona").get("name")
    brand = journey.text("brand") if not journey.declared_actors else None
    return {
        "title": " ".join(journey.text("title").split()),
        "description": " ".join((journey.text("description") or "").split()) or None,
        "persona": persona, "brand": brand,
        "stages": [(stage.phase, " ".join(stage.name.split())) for stage in journey.stages],
        "touchpoints": [(shorten(tp.title), tp.emotion or 0,
                         (tp.actor if tp.actor in ACTORS else "brand") if persona else None)
                        for tp in journey.touchpoints],
    }


@pytest.mark.parametrize("path", [*SAMPLES, HOSTILE], ids=lambda p: p.name)
def test_a_sample_comes_back_from_mermaid_with_what_the_diagram_holds(path: Path) -> None:
    journey = journey_of(path)
    for markdown in (False, True):
        name = "journey.md" if markdown else "journey.mmd"
        imported = reimported(to_mermaid(journey, markdown=markdown), name)
        assert imported.data is not None
        assert diagram_view(journey_from(imported.data)) == diagram_view(journey)


@given(maps())
@settings(max_examples=60)
def test_any_map_comes_back_from_mermaid_with_its_titles_and_emotions(data: dict[str, Any]) -> None:
    data["persona"] = {"name": "Maya"}
    journey = model_of(data)
    imported = reimported(to_mermaid(journey), "journey.mmd")
    assert imported.data is not None
    back = diagram_view(journey_from(imported.data))
    view = diagram_view(journey)
    assert back["title"] == view["title"]
    assert [t[:2] for t in back["touchpoints"]] == [t[:2] for t in view["touchpoints"]]
    assert [name for _, name in back["stages"]] == [name for _, name in view["stages"]]


@given(maps())
@settings(max_examples=25)
def test_the_map_import_writes_is_already_in_canonical_layout(data: dict[str, Any]) -> None:
    text = map_text(data)
    assert format_text(text) == text
