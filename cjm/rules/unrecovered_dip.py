"""A touchpoint with negative emotion is followed, in its phase, by no touchpoint of higher emotion.

A bad moment is normal; leaving it unrepaired is not. After a dip, the same
phase needs a touchpoint that lifts the customer's feeling again.

Fails on:

    cjm: 1
    title: Acme onboarding
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {id: signup, title: Sign up, emotion: 1}
          - {id: card-wall, title: Credit card required, emotion: -2}

Passes on:

    cjm: 1
    title: Acme onboarding
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {id: signup, title: Sign up, emotion: 1}
          - {id: card-wall, title: Credit card required, emotion: -2}
          - {id: first-win, title: First note synced to phone, emotion: 1}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap

ID = "unrecovered-dip"
SEVERITY = Severity.WARNING
STRUCTURAL = False


def check(journey: JourneyMap) -> Iterator[Finding]:
    for phase in journey.phases:
        touchpoints = journey.phase_touchpoints(phase)
        for i, tp in enumerate(touchpoints):
            if tp.emotion is None or tp.emotion >= 0:
                continue
            later = [t.emotion for t in touchpoints[i + 1:] if t.emotion is not None]
            if any(e > tp.emotion for e in later):
                continue
            yield Finding(
                ID,
                f"'{tp.label}' leaves the customer at emotion {tp.emotion} and nothing later "
                f"in {phase} lifts it: add a recovery touchpoint after it",
                journey.pos(tp.path),
                phase=phase,
                hint="a follow-up, an apology with a fix, or a quick win that raises `emotion`",
            )
