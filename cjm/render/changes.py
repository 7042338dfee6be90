"""The `changes` key of the page's context: what a map with `based_on` changes in the map it names.

None for a map without a readable, valid `based_on`. Otherwise plain data for
`changes.html.j2`: the score old → new, the change findings, each phase's
score, depth, mean emotion and pain points old → new, the touchpoints added,
removed, moved, reordered and changed, and the emotion curve of both states
(one point per touchpoint with an emotion, each phase a band of equal width,
so the two curves line up by phase whatever the touchpoints).
"""

from __future__ import annotations

from typing import Any

from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic
from cjm.diff.values import Changed, MapDiff, PhaseChange
from cjm.diff.words import changed_fields, moved, ordinal, plain, signed
from cjm.model import JourneyMap

BAND = 160
"""The width of a phase in the curve, in SVG units."""
HEIGHT = 150
PAD = 24
VERDICTS = {"better": "better", "worse": "worse", "mixed": "better and worse", "same": "",
            "added": "new phase", "removed": "phase gone"}


def build_changes(result: FileResult) -> dict[str, Any] | None:
    from cjm.rules import CHANGE_RULES

    diff, base, journey = result.changes, result.base, result.journey
    if diff is None or base is None or base.journey is None or journey is None:
        return None
    return {
        "based_on": journey.text("based_on"),
        "base_title": base.journey.text("title") or base.path,
        "base_state": base.journey.text("state") or "current",
        "score": moved(diff.score, plain, "not scored", delta=True),
        "findings": [_finding(d) for d in result.diagnostics if d.rule in CHANGE_RULES],
        "phases": [_phase(p) for p in diff.phases],
        "touchpoints": _touchpoints(diff),
        "curve": emotion_curves(diff, base.journey, journey),
    }


def _finding(d: Diagnostic) -> dict[str, Any]:
    return {"severity": d.severity.value, "rule": d.rule, "message": d.message, "line": d.line,
            "column": d.column, "phase": d.phase}


def _phase(phase: PhaseChange) -> dict[str, Any]:
    status = phase.status if phase.status in ("added", "removed") else phase.verdict
    return {
        "phase": phase.phase, "renamed_from": phase.renamed_from, "status": status,
        "verdict": VERDICTS[status],
        "score": moved(phase.score), "depth": moved(phase.depth), "emotion": moved(phase.emotion, signed),
        "pain_points": moved(phase.pain_points),
    }


def _touchpoints(diff: MapDiff) -> list[dict[str, Any]]:
    """One group per kind of change that happened, with CJML's word for it where there is one."""
    changes = diff.touchpoints
    groups: list[tuple[str, str, str | None, list[tuple[str, str | None, str]]]] = [
        ("added", "Added", "ad hoc", [(t.id, t.phase, t.title) for t in changes.added]),
        ("removed", "Removed", "missing", [(t.id, t.phase, t.title) for t in changes.removed]),
        ("moved", "Moved to another phase", None,
         [(t.id, f"{t.old_phase} → {t.new_phase}", t.title) for t in changes.moved]),
        ("reordered", "Reordered", "irregular sequence",
         [(t.id, t.phase, f"{t.title}: {ordinal(t.old_position)} → {ordinal(t.new_position)}")
          for t in changes.reordered]),
        ("changed", "Changed", None, [(t.id, t.phase, _what_changed(t)) for t in changes.changed]),
    ]
    return [{"kind": kind, "label": label, "cjml": cjml,
             "items": [{"id": id_, "where": where or "", "what": what} for id_, where, what in items]}
            for kind, label, cjml, items in groups if items]


def _what_changed(item: Changed) -> str:
    """`Title: emotion +1 → -1`; a new title is among the changes."""
    return changed_fields(item) if "title" in item.fields else f"{item.title}: {changed_fields(item)}"


def emotion_curves(diff: MapDiff, old: JourneyMap, new: JourneyMap) -> dict[str, Any] | None:
    """Both states' emotion curves over the phases of the diff, or None when neither has an emotion."""
    bands = [{"label": p.phase, "x": i * BAND + BAND / 2} for i, p in enumerate(diff.phases)]
    lines = {}
    for side, journey in (("old", old), ("new", new)):
        dots = []
        for i, phase in enumerate(diff.phases):
            name = (phase.renamed_from or phase.phase) if side == "old" else phase.phase
            touchpoints = journey.phase_touchpoints(name)
            found = [(tp.title, tp.emotion) for tp in touchpoints if tp.emotion is not None]
            for k, (title, emotion) in enumerate(found):
                x = round(i * BAND + (k + 0.5) * BAND / len(found), 2)
                dots.append({"x": x, "y": curve_y(emotion), "title": f"{title}: {signed(emotion)}"})
        lines[side] = {"dots": dots, "path": "M" + " L".join(f"{d['x']:g},{d['y']:g}" for d in dots)}
    if not (lines["old"]["dots"] or lines["new"]["dots"]):
        return None
    return {"width": BAND * len(bands), "height": HEIGHT + PAD, "zero_y": curve_y(0), "bands": bands,
            "label_y": HEIGHT + PAD / 2, "dividers": [i * BAND for i in range(1, len(bands))],
            "scale": [{"label": signed(v), "y": curve_y(v)} for v in (2, 0, -2)], **lines}


def curve_y(emotion: int) -> float:
    """The SVG y of an emotion, from +2 at the top to -2 at the bottom of the curve's area."""
    return PAD + (2 - emotion) * (HEIGHT - 2 * PAD) / 4
