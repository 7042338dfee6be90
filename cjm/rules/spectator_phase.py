"""Every touchpoint of a phase that sets `engagement` is `spectator`: customers only watch.

Engagement is rich interaction and involvement, not just showing up. A phase
where customers only watch gives them nothing to do, so nothing to share.

Fails on:

    cjm: 1
    title: Acme onboarding
    phases: [awareness]
    stages:
      - phase: awareness
        touchpoints:
          - {id: tv-spot, title: TV spot, engagement: spectator}
          - {id: banner, title: Banner ad, engagement: spectator}

Passes on:

    cjm: 1
    title: Acme onboarding
    phases: [awareness]
    stages:
      - phase: awareness
        touchpoints:
          - {id: tv-spot, title: TV spot, engagement: spectator}
          - {id: quiz, title: Which notes app fits you?, engagement: engaged}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap
from cjm.rules._phases import phase_pos

ID = "spectator-phase"
SEVERITY = Severity.WARNING
STRUCTURAL = False


def check(journey: JourneyMap) -> Iterator[Finding]:
    for phase in journey.phases:
        tagged = [tp for tp in journey.phase_touchpoints(phase) if tp.engagement is not None]
        if tagged and all(tp.engagement == "spectator" for tp in tagged):
            yield Finding(
                ID,
                f"in {phase}, customers only watch ({len(tagged)} spectator touchpoint"
                f"{'s' if len(tagged) > 1 else ''}): give them something to do, "
                "such as a quiz, a trial task or a community question",
                phase_pos(journey, phase),
                phase=phase,
                hint="make at least one touchpoint `engagement: participant` or `engaged`",
            )
