"""`next` names an id that no touchpoint has, or `based_on` names no readable, valid map.

Every id in a touchpoint's `next` must be the id of a touchpoint of the map.
`based_on` (for a future-state map: the map it changes) must name another
map file, relative to this map's folder, that is valid itself.

Fails on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awareness
        touchpoints:
          - {id: tiktok-demo, title: TikTok demo, next: [landing-pgae]}
          - {id: landing-page, title: Landing page}

Passes on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awareness
        touchpoints:
          - {id: tiktok-demo, title: TikTok demo, next: [landing-page]}
          - {id: landing-page, title: Landing page}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Guesser, Severity
from cjm.model import JourneyMap

ID = "unknown-reference"
SEVERITY = Severity.ERROR
STRUCTURAL = True


def check(journey: JourneyMap) -> Iterator[Finding]:
    ids = [tp.id for tp in journey.touchpoints if tp.id]
    known = set(ids)
    guess = Guesser(ids)
    for tp in journey.touchpoints:
        raw_next = tp.raw.get("next")
        if not isinstance(raw_next, list):
            continue
        for i, target in enumerate(raw_next):
            if not isinstance(target, str) or target in known:
                continue
            close = guess(target)
            message = f"'{tp.label}' leads to '{target}', but no touchpoint has that id"
            if close:
                message += f"; did you mean '{close}'?"
            yield Finding(ID, message, journey.pos((*tp.path, "next", i)), phase=tp.phase, touchpoint=tp.id,
                          hint="use the id of a touchpoint in this map")
