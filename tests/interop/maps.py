"""Shared by the interop tests: the sample maps, export then import in memory, and a
strategy of valid maps that hold every kind of value a touchpoint can have."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from cjm.check.config import Config
from cjm.check.engine import check_file, check_loaded, check_text
from cjm.interop.csv_columns import NUMBER
from cjm.interop.draft import Imported
from cjm.interop.importing import import_map
from cjm.interop.map_yaml import map_text
from cjm.loader import Loaded
from cjm.loader.positions import Positions
from cjm.model import ACTORS, DEFAULT_PHASES, ENGAGEMENTS, STEPS, STORYTELLING, JourneyMap

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "sample_maps").rglob("*.cjm.yaml"))
HOSTILE = Path(__file__).parent / "hostile.cjm.yaml"


def journey_of(path: Path) -> JourneyMap:
    result = check_file(path)
    assert result.valid and result.journey is not None, path
    return result.journey


def reimported(text: str, name: str) -> Imported:
    """`text` (an export) imported again; it must import without an error, and warn only about
    the map's own actors (a CSV holds their ids, not their kinds)."""
    imported = import_map(text.encode("utf-8"), name)
    assert imported.data is not None, [d.message for d in imported.diagnostics]
    assert all("under `actors:`" in d.message for d in imported.diagnostics), imported.diagnostics
    return imported


def model_of(data: dict[str, Any]) -> JourneyMap:
    """The map `data` (a generated one), checked as a map and without YAML in between."""
    result = check_loaded(Loaded("generated.cjm.yaml", "", data, Positions()), Config())
    assert result.valid and result.journey is not None, [d.message for d in result.diagnostics]
    return result.journey


def journey_from(data: dict[str, Any]) -> JourneyMap:
    """The map `data` as `cjm import` writes it (cjm.interop.map_yaml), valid, loaded back."""
    result = check_text(map_text(data), "imported.cjm.yaml")
    assert result.valid and result.journey is not None, [d.message for d in result.diagnostics]
    return result.journey


def touchpoint_rows(journey: JourneyMap) -> list[dict[str, Any]]:
    """Each touchpoint as the CSV holds it: its phase and stage name, and every value it sets
    (empty lists and `x-` keys left out: a CSV has no place for them)."""
    rows = []
    for stage in journey.stages:
        for tp in stage.touchpoints:
            values = {key: value for key, value in tp.raw.items()
                      if not key.startswith("x-") and (value not in ([], {}) or key == "next")}
            if isinstance(values.get("metrics"), dict):
                values["metrics"] = {k: v for k, v in values["metrics"].items() if not k.startswith("x-")}
            rows.append({"phase": stage.phase, "stage": stage.name, **values})
    return rows


_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters="\t\n")
_SYNTAX = st.sampled_from([*":#;,%<>&\"'=+-@`~{}[]|\\", "%%", "#35;", "ﬂ°°", "¶ß", " · "])
words = st.lists(st.one_of(st.text(_CHARS, min_size=1, max_size=8), _SYNTAX), min_size=1, max_size=6).map(
    lambda parts: " ".join(parts).strip()).filter(bool)
"""Text that is not empty and has no space around it, full of syntax characters."""
one_line = words.filter(lambda text: "\n" not in text and "\r" not in text)
ids = st.text(string.ascii_lowercase + string.digits + "-_", min_size=1, max_size=12).filter(
    lambda text: text[0] not in "-_")
metric_values = st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
                          one_line.filter(lambda text: not NUMBER.fullmatch(text)))


@st.composite
def touchpoint(draw: st.DrawFn, tp_id: str, all_ids: list[str]) -> dict[str, Any]:
    tp: dict[str, Any] = {"id": tp_id, "title": draw(words.filter(lambda t: "\r" not in t))}
    optional: dict[str, st.SearchStrategy[Any]] = {
        "channel": one_line, "actor": st.sampled_from(ACTORS), "step": st.sampled_from(STEPS),
        "storytelling": st.sampled_from(STORYTELLING), "engagement": st.sampled_from(ENGAGEMENTS),
        "emotion": st.integers(-2, 2), "doing": words, "thinking": words, "feeling": one_line,
        "pain_points": st.lists(one_line, max_size=3), "opportunities": st.lists(one_line, max_size=3),
        "moment_of_truth": st.booleans(), "backstage": st.lists(one_line, max_size=2),
        "metrics": st.dictionaries(one_line.filter(lambda k: "=" not in k and not k.startswith("x-")),
                                   metric_values, max_size=3),
        "evidence": st.lists(one_line, max_size=2), "message": one_line, "steps_into_role": st.booleans(),
        "next": st.lists(st.sampled_from(all_ids), max_size=2, unique=True),
    }
    for key in draw(st.sets(st.sampled_from(sorted(optional)))):
        tp[key] = draw(optional[key])
    return tp


@st.composite
def maps(draw: st.DrawFn) -> dict[str, Any]:
    """A valid map: up to four stages over default and own phases, up to five touchpoints each."""
    phases = draw(st.lists(st.one_of(st.sampled_from(DEFAULT_PHASES), one_line.filter(
        lambda p: p.lower() not in DEFAULT_PHASES)), min_size=1, max_size=4, unique=True))
    sizes = draw(st.lists(st.integers(1, 5), min_size=1, max_size=4))
    all_ids = draw(st.lists(ids, min_size=sum(sizes), max_size=sum(sizes), unique=True))
    stages, taken = [], 0
    for size in sizes:
        stage: dict[str, Any] = {"phase": draw(st.sampled_from(phases))}
        if draw(st.booleans()):
            stage["name"] = draw(one_line)
        stage["touchpoints"] = [draw(touchpoint(tp_id, all_ids)) for tp_id in all_ids[taken:taken + size]]
        taken += size
        stages.append(stage)
    return {"cjm": 1, "title": draw(words), "phases": phases, "stages": stages}
