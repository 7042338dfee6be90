"""Two touchpoints share an `id`.

Ids name touchpoints in `next` and in reports, so each must be unique in the
map. The finding points at the second use.

Fails on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awareness
        touchpoints:
          - {id: demo, title: TikTok demo}
          - {id: demo, title: YouTube demo}

Passes on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awareness
        touchpoints:
          - {id: tiktok-demo, title: TikTok demo}
          - {id: youtube-demo, title: YouTube demo}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap

ID = "duplicate-id"
SEVERITY = Severity.ERROR
STRUCTURAL = True


def check(journey: JourneyMap) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for tp in journey.touchpoints:
        if tp.id is None:
            continue
        pos = journey.pos((*tp.path, "id"))
        if tp.id in first:
            yield Finding(
                ID,
                f"the id '{tp.id}' is already used by the touchpoint at line {first[tp.id]}",
                pos,
                phase=tp.phase,
                touchpoint=tp.id,
                hint=f"give this touchpoint another id, such as '{tp.id}-2'",
            )
        else:
            first[tp.id] = pos.line
