"""The emotion curve: one point per touchpoint with an emotion, in SVG coordinates that line up
with the grid's columns (and, in print, with a sheet's columns)."""

from __future__ import annotations

from typing import Any

from cjm.model import Touchpoint

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
            "value": tp.emotion, "label": emotion_label(tp.emotion),
            "tone": emotion_tone(tp.emotion),
            "title": tp.title, "feeling": tp.text("feeling"), "moment_of_truth": tp.moment_of_truth,
        })
    if not dots:
        return None
    return {
        "width": count * COLUMN_UNITS, "height": CURVE_HEIGHT, "zero_y": curve_y(0),
        "points": " ".join(f"{d['x']:g},{d['y']:g}" for d in dots),
        "dividers": [i * COLUMN_UNITS for i in stage_starts],
        "scale": [{"value": v, "label": emotion_label(v), "y": curve_y(v)} for v in (2, 1, 0, -1, -2)],
        "dots": dots,
    }


def emotion_label(emotion: int) -> str:
    return f"{emotion:+d}" if emotion else "0"


def emotion_tone(emotion: int) -> str:
    return "positive" if emotion > 0 else "negative" if emotion < 0 else "neutral"
