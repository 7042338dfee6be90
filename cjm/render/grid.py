"""The journey grid as template data: one column per touchpoint, grouped by
stage and phase, and one row (lane) per kind of content.

A stage without touchpoints still gets one (empty) column, so every stage
shows. Lanes with nothing in them are left out. The emotion curve's points
are computed here, in SVG coordinates that line up with the columns.
"""

from __future__ import annotations

from typing import Any

from cjm.model import JourneyMap, Stage, Touchpoint

ENGAGEMENT_RANK = {"spectator": 1, "participant": 2, "engaged": 3}
FRONT_LANES = (("doing", "Doing", "text"), ("thinking", "Thinking", "text"), ("feeling", "Feeling", "text"))
MIDDLE_LANES = (("pain_points", "Pain points", "list"), ("opportunities", "Opportunities", "list"))
BACK_LANES = (("backstage", "Backstage", "list"), ("metrics", "Metrics", "metrics"),
              ("evidence", "Evidence", "list"))

Column = tuple[Stage, Touchpoint | None]
# Print: the grid is laid out with these widths, then zoomed to fit the printable
# width of a landscape page (US Letter's, the narrower of Letter and A4, at 96 px/in).
PRINT_WIDTH = 980
PRINT_LANE = 110
PRINT_COLUMN = 150


def build_grid(journey: JourneyMap) -> dict[str, Any]:
    columns: list[Column] = []
    for stage in journey.stages:
        columns += [(stage, tp) for tp in stage.touchpoints] or [(stage, None)]
    return {
        "phases": _phase_groups(journey.stages),
        "stages": [_stage(stage) for stage in journey.stages],
        "columns": [_column(stage, tp, columns, i) for i, (stage, tp) in enumerate(columns)],
        "lanes": _lanes(columns),
        "print": print_layout(len(columns)),
    }


def print_layout(columns: int) -> dict[str, Any]:
    """Column widths (px) and the zoom that fits `columns` columns to the page width."""
    natural = PRINT_LANE + columns * PRINT_COLUMN
    return {"lane": PRINT_LANE, "column": PRINT_COLUMN, "zoom": min(1.0, round(PRINT_WIDTH / natural, 3))}


def _phase_groups(stages: list[Stage]) -> list[dict[str, Any]]:
    """Runs of consecutive stages in the same phase, each spanning its columns."""
    groups: list[dict[str, Any]] = []
    for stage in stages:
        span = max(len(stage.touchpoints), 1)
        if groups and groups[-1]["phase"] == stage.phase:
            groups[-1]["span"] += span
            groups[-1]["stages"] += 1
        else:
            groups.append({"phase": stage.phase, "label": (stage.phase or "").capitalize(),
                           "span": span, "stages": 1})
    return groups


def _stage(stage: Stage) -> dict[str, Any]:
    return {"name": stage.name, "goal": stage.goal, "phase": stage.phase,
            "span": max(len(stage.touchpoints), 1), "empty": not stage.touchpoints}


def _column(stage: Stage, tp: Touchpoint | None, columns: list[Column], index: int) -> dict[str, Any]:
    first = index == 0 or columns[index - 1][0] is not stage
    return {"stage": stage.name, "first_in_stage": first, "band": stage.index % 2,
            "card": card(tp) if tp else None}


def card(tp: Touchpoint) -> dict[str, Any]:
    """What the touchpoint card shows."""
    return {
        "id": tp.id,
        "title": tp.title,
        "channel": tp.text("channel"),
        "actor": tp.actor,
        "step": tp.step,
        "step_class": tp.step or "none",
        "step_label": (tp.step or "no step").capitalize(),
        "storytelling": tp.storytelling,
        "engagement": tp.engagement,
        "engagement_rank": ENGAGEMENT_RANK.get(tp.engagement or "", 0),
        "emotion": tp.emotion,
        "moment_of_truth": tp.moment_of_truth,
        "message": tp.message if tp.step == "share" else None,
        "steps_into_role": tp.steps_into_role,
    }


def _lanes(columns: list[Column]) -> list[dict[str, Any]]:
    touchpoints = [tp for _, tp in columns]
    lanes: list[dict[str, Any]] = []
    if any(touchpoints):
        lanes.append({"key": "touchpoints", "label": "Touchpoints", "kind": "cards"})
    lanes += _content_lanes(FRONT_LANES, touchpoints)
    stage_starts = [i for i in range(1, len(columns)) if columns[i][0] is not columns[i - 1][0]]
    curve = emotion_curve(touchpoints, stage_starts)
    if curve is not None:
        lanes.append({"key": "emotion", "label": "Emotion", "kind": "emotion", "curve": curve})
    lanes += _content_lanes(MIDDLE_LANES, touchpoints)
    backstage = _content_lanes(BACK_LANES, touchpoints)
    if backstage:
        lanes.append({"key": "visibility", "label": "Line of visibility", "kind": "visibility"})
    return lanes + backstage


def _content_lanes(specs: tuple[tuple[str, str, str], ...],
                   touchpoints: list[Touchpoint | None]) -> list[dict[str, Any]]:
    lanes = []
    for key, label, kind in specs:
        cells = [_cell(tp, key, kind) if tp else None for tp in touchpoints]
        if any(cells):
            lanes.append({"key": key, "label": label, "kind": kind, "cells": cells})
    return lanes


def _cell(tp: Touchpoint, key: str, kind: str) -> Any:
    if kind == "text":
        return tp.text(key)
    if kind == "list":
        return tp.texts(key)
    metrics = tp.raw.get(key)
    if not isinstance(metrics, dict):
        return []
    return [{"name": str(name), "value": format_metric(value)} for name, value in metrics.items()]


def format_metric(value: Any) -> str:
    """12000 -> `12,000`; other numbers and strings as written."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


CURVE_HEIGHT = 136
CURVE_PAD = 26
COLUMN_UNITS = 100


def curve_y(emotion: int) -> float:
    """The SVG y of an emotion from -2 (bottom) to 2 (top)."""
    return CURVE_PAD + (2 - emotion) * (CURVE_HEIGHT - 2 * CURVE_PAD) / 4


def emotion_curve(touchpoints: list[Touchpoint | None], stage_starts: list[int]) -> dict[str, Any] | None:
    """One point per touchpoint with an emotion, at the centre of its column.

    x is given twice: in `COLUMN_UNITS` per column for the polyline (its SVG
    stretches across the columns) and as a percentage for the dots and
    labels (drawn unstretched). `stage_starts` are the columns that begin a
    stage, where the curve draws a divider.
    """
    count = len(touchpoints)
    dots = []
    for index, tp in enumerate(touchpoints):
        if tp is None or tp.emotion is None:
            continue
        x, y = (index + 0.5) * COLUMN_UNITS, curve_y(tp.emotion)
        dots.append({
            "x": x, "x_pct": f"{(index + 0.5) * 100 / count:.4f}%", "y": y,
            "label_y": y - 15 if tp.emotion >= 0 else y + 23,
            "value": tp.emotion, "label": f"{tp.emotion:+d}" if tp.emotion else "0",
            "tone": "positive" if tp.emotion > 0 else "negative" if tp.emotion < 0 else "neutral",
            "title": tp.title, "feeling": tp.text("feeling"), "moment_of_truth": tp.moment_of_truth,
        })
    if not dots:
        return None
    return {
        "width": count * COLUMN_UNITS, "height": CURVE_HEIGHT, "zero_y": curve_y(0),
        "points": " ".join(f"{d['x']:g},{d['y']:g}" for d in dots),
        "dividers": [i * COLUMN_UNITS for i in stage_starts],
        "scale": [{"value": v, "label": f"{v:+d}" if v else "0", "y": curve_y(v)} for v in (2, 1, 0, -1, -2)],
        "dots": dots,
    }
