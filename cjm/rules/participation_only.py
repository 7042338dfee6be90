"""In a phase, touchpoints set `engagement`, some `participant`, none `engaged`: customers never engage.

Engagement (rich interaction, involvement) is not participation (just
showing up). A phase where customers only take part when asked gives them no
reason to invest, and nothing of their own to pass on.

Fails on:

    cjm: 1
    title: Acme onboarding
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {id: signup, title: Sign up for the trial, engagement: participant}
          - {id: webinar, title: Onboarding webinar, engagement: spectator}

Passes on:

    cjm: 1
    title: Acme onboarding
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {id: signup, title: Sign up for the trial, engagement: participant}
          - {id: webinar, title: Build your first board live, engagement: engaged}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap
from cjm.rules._phases import phase_pos

ID = "participation-only"
SEVERITY = Severity.WARNING
STRUCTURAL = False


def check(journey: JourneyMap) -> Iterator[Finding]:
    for phase in journey.phases:
        levels = [tp.engagement for tp in journey.phase_touchpoints(phase) if tp.engagement]
        if not levels or "engaged" in levels or "participant" not in levels:
            continue
        shown = levels.count("participant")
        yield Finding(
            ID,
            f"in {phase}, customers take part but never engage ({shown} participant touchpoint"
            f"{'s' if shown != 1 else ''}, none engaged): let them create, choose or share something "
            "of their own",
            phase_pos(journey, phase),
            phase=phase,
            hint="make at least one touchpoint `engagement: engaged`: a challenge, a co-created result, "
                 "a community role",
        )
