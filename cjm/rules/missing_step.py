"""A phase with touchpoints lacks one of connect, inform, entertain, share.

Engagement follows Connect -> Inform -> Entertain -> Share in every phase. A
phase that skips a step loses the customer there: they are reached but never
informed, informed but never entertained, or never given anything to share.

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
from cjm.model import STEPS, JourneyMap, Touchpoint
from cjm.rules._phases import phase_pos

ID = "missing-step"
SEVERITY = Severity.WARNING
STRUCTURAL = False


def check(journey: JourneyMap) -> Iterator[Finding]:
    for phase in journey.phases:
        touchpoints = journey.phase_touchpoints(phase)
        if not touchpoints:
            continue  # empty-phase reports it
        present = {tp.step for tp in touchpoints}
        if not present - {None}:
            yield Finding(ID, f"{phase} has no connect, inform, entertain or share touchpoint: "
                          "tag its touchpoints with `step:`", phase_pos(journey, phase), phase=phase,
                          hint="connect (reach them), inform, entertain, then share")
            continue
        for step in STEPS:
            if step not in present:
                yield Finding(ID, f"{phase} has no {step} touchpoint: {_where(step, touchpoints)}",
                              phase_pos(journey, phase), phase=phase,
                              hint=f"set `step: {step}` on a touchpoint, or add one")


def _where(step: str, touchpoints: list[Touchpoint]) -> str:
    """Suggest a place: after the last earlier step, before the first later one."""
    k = STEPS.index(step)
    before = [tp for tp in touchpoints if tp.step in STEPS[:k]]
    after = [tp for tp in touchpoints if tp.step in STEPS[k + 1:]]
    if before and after:
        return f"add one between '{before[-1].label}' and '{after[0].label}'"
    if before:
        return f"add one after '{before[-1].label}'"
    return f"add one before '{after[0].label}'"
