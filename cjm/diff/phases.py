"""Each phase in both versions: its score, depth, mean emotion and pain points, and whether it got
better or worse.

A phase is better when its score or its mean emotion rises or it has fewer pain points, and worse
when its score or its mean emotion falls or it has more pain points; it can be both at once
(`mixed`). Values are compared as reports show them (rounded half up to one decimal), and only
where both versions have one: a map that is not scored has no phase scores, a phase where no
touchpoint sets `emotion` has no mean emotion. A phase in one version only is `added` or
`removed` and neither better nor worse.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

from cjm.diff.values import Change, PhaseChange
from cjm.model import JourneyMap
from cjm.score import MapScore, round_half_up

T = TypeVar("T")


@dataclass(frozen=True)
class Measures:
    """One phase of one version, as the diff compares it."""

    score: float | None
    sequence: int | None
    depth: float | None
    emotion: float | None
    pain_points: int


def measure(journey: JourneyMap, score: MapScore, phase: str) -> Measures:
    phase_score = next(p for p in score.phases if p.phase == phase)
    touchpoints = journey.phase_touchpoints(phase)
    emotions = [tp.emotion for tp in touchpoints if tp.emotion is not None]
    mean = round_half_up(Fraction(sum(emotions), len(emotions))) if emotions else None
    return Measures(
        score=phase_score.score_value if score.scored else None,
        sequence=phase_score.sequence if score.scored else None,
        depth=phase_score.depth_value,
        emotion=mean,
        pain_points=sum(len(tp.texts("pain_points")) for tp in touchpoints),
    )


def compare_phases(old: JourneyMap, old_score: MapScore, new: JourneyMap, new_score: MapScore,
                   renames: dict[str, str]) -> list[PhaseChange]:
    """Every phase of the new map in its order, each removed phase after the one it followed."""
    renamed_to = {new_name: old_name for old_name, new_name in renames.items()}
    changes: list[PhaseChange] = []
    for phase in new.phases:
        after = measure(new, new_score, phase)
        old_name = renamed_to.get(phase, phase)
        if old_name in old.phases:
            before = measure(old, old_score, old_name)
            changes.append(_compared(phase, old_name if old_name != phase else None, before, after))
        else:
            changes.append(_one_side(phase, "added", after))
    for index, phase in enumerate(old.phases):
        if phase in new.phases or phase in renames:
            continue
        previous = {renames.get(p, p) for p in old.phases[:index]}
        at = max((i + 1 for i, c in enumerate(changes) if c.phase in previous), default=0)
        changes.insert(at, _one_side(phase, "removed", measure(old, old_score, phase)))
    return changes


def _compared(phase: str, renamed_from: str | None, before: Measures, after: Measures) -> PhaseChange:
    better: list[str] = []
    worse: list[str] = []
    for name, rise_is_better in (("score", True), ("emotion", True), ("pain_points", False)):
        old_value, new_value = getattr(before, name), getattr(after, name)
        if old_value is None or new_value is None or old_value == new_value:
            continue
        (better if (new_value > old_value) == rise_is_better else worse).append(name)
    changed = renamed_from is not None or before != after
    return PhaseChange(
        phase, "changed" if changed else "same", renamed_from,
        Change(before.score, after.score), Change(before.sequence, after.sequence),
        Change(before.depth, after.depth), Change(before.emotion, after.emotion),
        Change(before.pain_points, after.pain_points), tuple(better), tuple(worse),
    )


def _one_side(phase: str, status: str, measures: Measures) -> PhaseChange:
    """A phase in one version only: its values on that side, None on the other."""
    def pair(value: T | None) -> Change[T]:
        return Change(value, None) if status == "removed" else Change(None, value)

    return PhaseChange(phase, status, None, pair(measures.score), pair(measures.sequence),
                       pair(measures.depth), pair(measures.emotion), pair(measures.pain_points))
