"""What got worse: the `perverse-consequence` and `regression` findings, on the new map.

One finding per phase that got worse. When another phase got better, it is a perverse
consequence naming the phase that got better the most (the most measures improved, then the
largest rise in score, then in mean emotion, then the largest fall in pain points, then the
earliest in the journey). When no phase got better at all, it is a regression. A phase that got
both better and worse, with no other phase better, traded one thing for another within itself:
neither finding. A finding points at the touchpoint through which the phase got worse when there
is exactly one (its emotion fell, or it gained pain points, or it came into the phase with them),
else at the phase.
"""

from __future__ import annotations

from cjm.diagnostic import Finding, Pos
from cjm.diff.values import PhaseChange
from cjm.diff.words import describe
from cjm.model import JourneyMap, Touchpoint
from cjm.rules import perverse_consequence, regression
from cjm.rules._phases import phase_pos


def change_findings(phases: list[PhaseChange], old: JourneyMap, new: JourneyMap,
                    against: str) -> list[Finding]:
    compared = [p for p in phases if p.status in ("same", "changed")]
    better = [p for p in compared if p.better]
    findings = []
    for phase in compared:
        if not phase.worse:
            continue
        others = [p for p in better if p is not phase]
        worse = f"{phase.phase} got worse ({describe(phase, phase.worse)})"
        if others:
            best = max(others, key=lambda p: (_gain(p), -compared.index(p)))
            rule = perverse_consequence.ID
            message = f"{best.phase} got better ({describe(best, best.better)}) but {worse}"
            hint = (f"compared with {against}: a fix in one phase can move the pain to another; "
                    f"keep what helped {best.phase} and repair {phase.phase}")
        elif not better:
            rule = regression.ID
            message = f"{worse} and no phase got better"
            hint = f"compared with {against}: rework the change to {phase.phase}, or undo it"
        else:
            continue
        pos, culprit = _where(phase, old, new)
        findings.append(Finding(rule, message, pos, phase=phase.phase, hint=hint, touchpoint=culprit))
    return findings


def _gain(phase: PhaseChange) -> tuple[float, ...]:
    def rise(name: str) -> float:
        change = getattr(phase, name)
        return 0.0 if change.old is None or change.new is None else float(change.new - change.old)

    return (len(phase.better), rise("score"), rise("emotion"), -rise("pain_points"))


def _where(phase: PhaseChange, old: JourneyMap, new: JourneyMap) -> tuple[Pos, str | None]:
    """The one touchpoint through which the phase got worse, else the phase."""
    culprits: dict[str, tuple[Touchpoint, str]] = {}
    if "score" not in phase.worse:
        before = {tp.id: tp for tp in old.touchpoints}
        for tp in new.phase_touchpoints(phase.phase):
            key = _what_got_worse(tp, before.get(tp.id), phase)
            if key is not None and tp.id is not None:
                culprits[tp.id] = (tp, key)
    if len(culprits) != 1:
        return phase_pos(new, phase.phase), None
    [(tp, key)] = culprits.values()
    return new.pos((*tp.path, key)), tp.id


def _what_got_worse(tp: Touchpoint, was: Touchpoint | None, phase: PhaseChange) -> str | None:
    """`emotion` or `pain_points` when this touchpoint made the phase worse that way."""
    came_in = was is None or was.phase not in (phase.phase, phase.renamed_from)
    if "emotion" in phase.worse and tp.emotion is not None:
        old_mean = phase.emotion.old
        if (came_in and old_mean is not None and tp.emotion < old_mean) or (
                not came_in and was is not None and was.emotion is not None and tp.emotion < was.emotion):
            return "emotion"
    pains = len(tp.texts("pain_points"))
    gained = came_in or (was is not None and pains > len(was.texts("pain_points")))
    if "pain_points" in phase.worse and pains and gained:
        return "pain_points"
    return None
