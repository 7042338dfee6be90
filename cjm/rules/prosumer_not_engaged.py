"""The persona is a prosumer, and a touchpoint sets `engagement` to `spectator` or `participant`.

Prosumers co-create: they are always engaged. A prosumer journey that has
them watching or merely taking part describes someone else, or a touchpoint
that wastes them.

Fails on:

    cjm: 1
    title: Maker community
    persona: {name: Sam, prosumer: true}
    phases: [involvement]
    stages:
      - phase: involvement
        touchpoints:
          - {id: launch-video, title: Launch video, engagement: spectator}

Passes on:

    cjm: 1
    title: Maker community
    persona: {name: Sam, prosumer: true}
    phases: [involvement]
    stages:
      - phase: involvement
        touchpoints:
          - {id: launch-video, title: Sam remixes the launch video, engagement: engaged}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap

ID = "prosumer-not-engaged"
SEVERITY = Severity.WARNING
STRUCTURAL = False


def check(journey: JourneyMap) -> Iterator[Finding]:
    if not journey.prosumer:
        return
    for tp in journey.touchpoints:
        if tp.engagement not in ("spectator", "participant"):
            continue
        yield Finding(
            ID,
            f"the persona is a prosumer, but '{tp.label}' has them as a {tp.engagement}: "
            "prosumers co-create, so give them something to make or shape here",
            journey.pos((*tp.path, "engagement")),
            phase=tp.phase,
            touchpoint=tp.id,
            hint="set `engagement: engaged` once the touchpoint lets them co-create, "
                 "or set `prosumer: false` if this persona only consumes",
        )
