"""The journey grid as template data: one column per touchpoint, grouped by stage and phase,
and one row (lane) per kind of content (cjm.render.lanes).

A stage without touchpoints still gets one (empty) column, so every stage
shows; a phase of `phases` that no stage covers gets a gap column where it
belongs in the journey, so the gap shows too.
"""

from __future__ import annotations

from typing import Any

from cjm.model import JourneyMap, Stage, Touchpoint
from cjm.records import record
from cjm.render.cards import ENGAGEMENT_RANK, card
from cjm.render.lanes import blueprint_lanes, journey_lanes
from cjm.render.notes import notes

__all__ = ["ENGAGEMENT_RANK", "GRID_LIMIT", "Column", "build_grid", "card", "grid_columns", "grid_note",
           "too_many_for_grid"]

GRID_LIMIT = 2_000
"""The most touchpoints the journey grid (and its print and phone sheets) is drawn for. A grid of
more reads on no screen or paper, and its page would take seconds to write and tens of megabytes
(12,000 touchpoints: 23 MB); past it the page keeps everything else and says why in its place."""


def too_many_for_grid(journey: JourneyMap) -> str | None:
    """Why a map of more than GRID_LIMIT touchpoints has no journey grid, or None."""
    count = len(journey.touchpoints)
    if count <= GRID_LIMIT:
        return None
    return (f"the map has {count:,} touchpoints and cjm draws the grid for up to {GRID_LIMIT:,}, more "
            "than reads on a screen or prints")


def grid_note(journey: JourneyMap) -> str | None:
    """The page's note in place of the grid, or None."""
    why = too_many_for_grid(journey)
    return None if why is None else (f"No journey grid: {why}. The scorecard below covers every "
                                     "touchpoint. To see the journey, split it into smaller maps.")


@record(hashable=True)
class Column:
    phase: str | None
    stage: Stage | None
    """None for the gap of a phase that no stage covers."""
    touchpoint: Touchpoint | None


def grid_columns(journey: JourneyMap) -> list[Column]:
    """The columns in journey order, with a gap column for each phase that has no stage."""
    covered = {stage.phase for stage in journey.stages}
    missing = [phase for phase in journey.phases if phase not in covered]
    columns: list[Column] = []
    for stage in journey.stages:
        rank = journey.phases.index(stage.phase) if stage.phase in journey.phases else len(journey.phases)
        while missing and journey.phases.index(missing[0]) < rank:
            columns.append(Column(missing.pop(0), None, None))
        own = [Column(stage.phase, stage, tp) for tp in stage.touchpoints]
        columns += own or [Column(stage.phase, stage, None)]
    return columns + [Column(phase, None, None) for phase in missing]


def build_grid(journey: JourneyMap, layout: str = "journey") -> dict[str, Any]:
    columns = grid_columns(journey)
    slots = [column.touchpoint for column in columns]
    starts = [i for i in range(1, len(columns)) if _run(columns[i]) != _run(columns[i - 1])]
    lanes = (blueprint_lanes if layout == "blueprint" else journey_lanes)(journey, slots, starts)
    return {
        "layout": layout,
        "phases": _groups(columns, lambda c: c.phase, _phase_group),
        "stages": _groups(columns, _run, _stage_group),
        "columns": [_column(column, i in starts or i == 0) for i, column in enumerate(columns)],
        "lanes": lanes,
        "note": None,
    }


def _run(column: Column) -> object:
    """What a column's stage header groups by: its stage, or its gap."""
    return column.stage.index if column.stage is not None else ("gap", column.phase)


def _groups(columns: list[Column], key: Any, make: Any) -> list[dict[str, Any]]:
    """Runs of consecutive columns with the same key, each spanning its columns."""
    groups: list[dict[str, Any]] = []
    last: object = object()
    for column in columns:
        if groups and key(column) == last:
            groups[-1]["span"] += 1
        else:
            groups.append({**make(column), "span": 1})
        last = key(column)
    return groups


def _phase_group(column: Column) -> dict[str, Any]:
    return {"phase": column.phase, "label": (column.phase or "").capitalize(), "gap": column.stage is None}


def _stage_group(column: Column) -> dict[str, Any]:
    stage = column.stage
    if stage is None:
        return {"name": "No stage yet", "goal": None, "phase": column.phase, "empty": True, "gap": True,
                "notes": []}
    return {"name": stage.name, "goal": stage.goal, "phase": stage.phase, "empty": not stage.touchpoints,
            "gap": False, "notes": notes(stage.raw)}


def _column(column: Column, first: bool) -> dict[str, Any]:
    return {"stage": column.stage.name if column.stage else None, "first_in_stage": first,
            "band": column.stage.index % 2 if column.stage else 0, "gap": column.stage is None,
            "phase": column.phase}
