"""A checked map as the data the page templates read: plain dicts, lists and
strings, every key always present (the environment's undefined is strict).

    header, persona, narrative   who the map is about and what story it tells (with its `x-` notes)
    grid                         phases, stages, columns and lanes (cjm.render.grid), in the layout asked;
                                 past GRID_LIMIT touchpoints none of them, and `note`, why
    sheets                       the journey a phase at a time, for print and phones (cjm.render.sheets)
    scorecard                    per phase the Connect→Inform→Entertain→Share chain
    findings                     the checker's diagnostics with their messages (the first FINDINGS_SHOWN)
    findings_more                `And N more findings` past those, or None
    legend, palette              what the colours and marks mean
    page                         how the page is made: layout, poster size, the index link, print flow parts
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from cjm import __version__
from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic
from cjm.model import LAYOUTS, STEPS, JourneyMap
from cjm.render.grid import build_grid, grid_columns, grid_note
from cjm.render.notes import notes
from cjm.render.page import PageOptions, page_context
from cjm.render.palette import ADVOCATE_BORDER, EMOTION_TONES, STEP_COLOURS, UNTAGGED
from cjm.render.sheets import build_sheets
from cjm.safe import visible
from cjm.score import MapScore, PhaseScore

FINDINGS_SHOWN = 1_000
"""The most findings a page lists (in file order); the rest are counted, and `cjm validate` lists
them all. A map of thousands of touchpoints can have a finding on each."""

STEP_MEANINGS = {
    "connect": "The brand and the customer first meet.",
    "inform": "The customer learns something useful.",
    "entertain": "The customer enjoys the brand: an experience, not a message.",
    "share": "The customer passes it on: word of mouth, referral.",
}
ENGAGEMENT_MEANINGS = {
    "spectator": "watches, reads or listens",
    "participant": "takes part when asked",
    "engaged": "acts and invests of their own accord",
}


def build_context(result: FileResult, options: PageOptions | None = None) -> dict[str, Any]:
    """The template context of a valid, checked map (ValueError without a model)."""
    journey = result.journey
    if journey is None:
        raise ValueError(f"{result.path}: nothing to render, the map could not be read")
    options = options or PageOptions()
    persona = _persona(journey)
    note = grid_note(journey)
    grid = _no_grid(journey, options, note) if note else build_grid(journey, _layout(journey, options))
    return {
        "header": _header(journey),
        "persona": persona,
        "narrative": _narrative(journey, persona),
        "grid": grid,
        "sheets": [] if note else build_sheets(grid, grid_columns(journey)),
        "page": page_context(options, len(grid["columns"])),
        "scorecard": _scorecard(result.score) if result.score else None,
        "findings": [_finding(d) for d in result.diagnostics[:FINDINGS_SHOWN]],
        "findings_more": _more(len(result.diagnostics) - FINDINGS_SHOWN),
        "changes": _changes(result),
        "legend": _legend(),
        "palette": _palette(),
        "source": visible(PurePath(result.path).name),
        "generator": f"cjm {__version__}",
    }


def _more(count: int) -> str | None:
    """`And 11,007 more findings`, for those past FINDINGS_SHOWN; None when every one is shown."""
    return f"And {count:,} more finding{'s' if count != 1 else ''}" if count > 0 else None


def _no_grid(journey: JourneyMap, options: PageOptions, note: str) -> dict[str, Any]:
    """The grid of a map past GRID_LIMIT: none, and the note that says why (map.html.j2)."""
    return {"layout": _layout(journey, options), "phases": [], "stages": [], "columns": [], "lanes": [],
            "note": note}


def _layout(journey: JourneyMap, options: PageOptions) -> str:
    chosen = options.layout or journey.text("layout")
    return chosen if chosen in LAYOUTS else "journey"


def _header(journey: JourneyMap) -> dict[str, Any]:
    tags = journey.data.get("tags")
    state = journey.text("state") or "current"
    return {
        "title": journey.text("title") or "Untitled journey map",
        "brand": journey.text("brand"),
        "product": journey.text("product"),
        "owner": journey.text("owner"),
        "description": journey.text("description"),
        "state": state,
        "state_label": f"{state.capitalize()} state",
        "tags": [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
        "notes": notes(journey.data),
    }


def _persona(journey: JourneyMap) -> dict[str, Any] | None:
    raw = journey.section("persona")
    name = raw.get("name")
    if not isinstance(name, str):
        return None
    return {
        "name": name,
        "initials": "".join(word[0] for word in name.split()[:2]).upper(),
        "role": _text(raw, "role"),
        "quote": _text(raw, "quote"),
        "goals": _texts(raw, "goals"),
        "frustrations": _texts(raw, "frustrations"),
        "prosumer": raw.get("prosumer") is True,
    }


def _narrative(journey: JourneyMap, persona: dict[str, Any] | None) -> dict[str, Any] | None:
    raw = journey.section("narrative")
    hero = _text(raw, "hero") or (persona["name"] if persona else None)
    open_role, story = _text(raw, "open_role"), _text(raw, "story")
    if not (open_role or story or raw.get("hero")):
        return None
    return {"hero": hero, "open_role": open_role, "story": story}


def _scorecard(score: MapScore) -> dict[str, Any]:
    ratio = score.engagement_ratio
    return {
        "scored": score.scored,
        "score": score.score,
        "score_label": _number(score.score) if score.scored else "not scored",
        "sequence_label": _number(score.sequence),
        "depth_label": _number(score.depth),
        "engagement_ratio": None if ratio is None else f"{round(ratio * 100):d}%",
        "advocate_shares": score.advocate_shares,
        "phases": [_phase_score(p) for p in score.phases],
    }


def _phase_score(phase: PhaseScore) -> dict[str, Any]:
    cells = []
    for step in STEPS:
        status = "missing"
        if step in phase.chain:
            status = "filled"
        elif step in phase.out_of_order:
            status = "out-of-order"
        cells.append({"step": step, "label": step.capitalize(), "status": status})
    return {
        "phase": phase.phase,
        "label": phase.phase.capitalize(),
        "score": phase.score_value,
        "sequence": phase.sequence,
        "depth": _number(phase.depth_value),
        "cells": cells,
        "touchpoints": phase.touchpoints,
        "mix": [{"level": level, "count": count} for level, count in phase.mix.items()],
    }


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _finding(d: Diagnostic) -> dict[str, Any]:
    return {"severity": d.severity.value, "rule": d.rule, "message": d.message, "line": d.line,
            "column": d.column, "phase": d.phase, "hint": d.hint}


def _legend() -> dict[str, Any]:
    return {
        "steps": [{"step": s, "label": s.capitalize(), "meaning": STEP_MEANINGS[s]} for s in STEPS],
        "engagement": [{"level": level, "rank": rank, "meaning": meaning}
                       for rank, (level, meaning) in enumerate(ENGAGEMENT_MEANINGS.items(), start=1)],
    }


def _palette() -> dict[str, Any]:
    colours = {**STEP_COLOURS, "none": UNTAGGED}
    return {
        "steps": {step: {"fill": c.fill, "stroke": c.stroke, "ink": c.ink} for step, c in colours.items()},
        "tones": dict(EMOTION_TONES),
        "advocate": ADVOCATE_BORDER,
    }


def _text(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return value if isinstance(value, str) else None


def _texts(raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _changes(result: FileResult) -> dict[str, Any] | None:
    """What changed against the map's `based_on` (only such a map imports cjm.diff)."""
    if result.changes is None:
        return None
    from cjm.render.changes import build_changes

    return build_changes(result)
