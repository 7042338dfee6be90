"""A phase of `phases` has no touchpoints: the journey has a gap.

Every phase of the brand-marketing process (awareness, involvement, trial,
commitment, referral) needs at least one touchpoint, or customers fall out of
the journey there. An empty phase scores 0.

Fails on:

    cjm: 1
    title: Acme onboarding
    phases: [awareness, trial]
    stages:
      - phase: awareness
        touchpoints:
          - {id: tiktok-demo, title: TikTok demo, step: connect}

Passes on:

    cjm: 1
    title: Acme onboarding
    phases: [awareness, trial]
    stages:
      - phase: awareness
        touchpoints:
          - {id: tiktok-demo, title: TikTok demo, step: connect}
      - phase: trial
        touchpoints:
          - {id: free-trial, title: 14-day free trial, step: connect}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap
from cjm.rules._phases import phase_pos

ID = "empty-phase"
SEVERITY = Severity.WARNING
STRUCTURAL = False
READS_STEPS = True


def check(journey: JourneyMap) -> Iterator[Finding]:
    for i, phase in enumerate(journey.phases):
        if journey.phase_touchpoints(phase):
            continue
        stages = journey.phase_stages(phase)
        if stages:
            fix = f"add touchpoints to the '{stages[0].name}' stage"
        else:
            neighbours = _neighbours(journey.phases, i)
            fix = f"add a stage with `phase: {phase}`{neighbours}"
        yield Finding(ID, f"{phase} has no touchpoints, so the journey has a gap: {fix}",
                      phase_pos(journey, phase), phase=phase,
                      hint="or remove the phase from `phases` if this journey skips it")


def _neighbours(phases: list[str], i: int) -> str:
    if 0 < i < len(phases) - 1:
        return f" between {phases[i - 1]} and {phases[i + 1]}"
    if i == 0 and len(phases) > 1:
        return f" before {phases[1]}"
    if i > 0:
        return f" after {phases[i - 1]}"
    return ""
