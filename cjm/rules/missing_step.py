"""A phase with touchpoints lacks one or more of connect, inform, entertain, share.

Engagement follows Connect -> Inform -> Entertain -> Share in every phase. A
phase that skips a step loses the customer there: they are reached but never
informed, informed but never entertained, or never given anything to share.
One finding per phase names every missing step and where each would go: in
the phase's longest Connect -> Inform -> Entertain -> Share chain, so the
place makes sense even when the order is broken too.

Fails on:

    cjm: 1
    title: Acme onboarding
    phases: [awareness]
    stages:
      - phase: awareness
        touchpoints:
          - {id: tiktok-demo, title: TikTok demo, step: connect}
          - {id: blog-post, title: How-to blog post, step: inform}
          - {id: share-quiz, title: Share your quiz result, step: share, actor: customer}

Passes on:

    cjm: 1
    title: Acme onboarding
    phases: [awareness]
    stages:
      - phase: awareness
        touchpoints:
          - {id: tiktok-demo, title: TikTok demo, step: connect}
          - {id: blog-post, title: How-to blog post, step: inform}
          - {id: note-quiz, title: What kind of note-taker are you?, step: entertain}
          - {id: share-quiz, title: Share your quiz result, step: share, actor: customer}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import STEPS, JourneyMap, Touchpoint, chain_indices
from cjm.rules._phases import phase_pos

ID = "missing-step"
SEVERITY = Severity.WARNING
STRUCTURAL = False
READS_STEPS = True


def check(journey: JourneyMap) -> Iterator[Finding]:
    for phase in journey.phases:
        touchpoints = journey.phase_touchpoints(phase)
        if not touchpoints:
            continue  # empty-phase reports it
        present = {tp.step for tp in touchpoints}
        missing = [step for step in STEPS if step not in present]
        if not missing:
            continue
        if len(missing) == len(STEPS):
            yield Finding(ID, f"{phase} has no connect, inform, entertain or share touchpoint: "
                          "tag its touchpoints with `step:`", phase_pos(journey, phase), phase=phase,
                          hint="connect (reach them), inform, entertain, then share", key=",".join(missing))
            continue
        yield Finding(ID, f"{phase} has no {_listed(missing, 'or')} touchpoint: "
                      f"{placement(missing, touchpoints)}",
                      phase_pos(journey, phase), phase=phase,
                      hint=f"set `step: {missing[0]}` on a touchpoint, or add one"
                      + ("; the same for each missing step" if len(missing) > 1 else ""),
                      key=",".join(missing))


def placement(missing: list[str], touchpoints: list[Touchpoint]) -> str:
    """Where each missing step goes: between the touchpoints of the phase's chain that come
    before and after it in the sequence. Steps that land in the same gap are named together."""
    chain = [touchpoints[i] for i in chain_indices([tp.step for tp in touchpoints])]
    gaps: dict[int, list[str]] = {}
    for step in missing:
        k = STEPS.index(step)
        gaps.setdefault(sum(1 for tp in chain if STEPS.index(str(tp.step)) < k), []).append(step)
    parts = []
    for gap, steps in gaps.items():
        what = _listed(steps, "and") + (", in that order," if len(steps) > 1 else "")
        before = chain[gap - 1] if gap > 0 else None
        after = chain[gap] if gap < len(chain) else None
        if before and after:
            parts.append(f"add {what} between '{before.label}' and '{after.label}'")
        elif before:
            parts.append(f"add {what} after '{before.label}'")
        elif after:
            parts.append(f"add {what} before '{after.label}'")
    return "; ".join(parts)


def _listed(steps: list[str], word: str) -> str:
    return steps[0] if len(steps) == 1 else ", ".join(steps[:-1]) + f" {word} {steps[-1]}"
