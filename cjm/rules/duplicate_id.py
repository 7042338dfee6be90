"""Two touchpoints share an `id`.

Ids name touchpoints in `next` and in reports, so each must be unique in the
map. The same holds for the ids of the map's `actors`, which touchpoints
name in `actor` and `to` (an actor and a touchpoint may share an id: they
are never named in the same place). The finding points at the second use.

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
    yield from _touchpoint_ids(journey)
    yield from _actor_ids(journey)


def _actor_ids(journey: JourneyMap) -> Iterator[Finding]:
    actors = journey.data.get("actors")
    first: dict[str, int] = {}
    for i, item in enumerate(actors if isinstance(actors, list) else []):
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str):
            continue
        pos = journey.pos(("actors", i, "id"))
        if ident in first:
            yield Finding(ID, f"the actor id '{ident}' is already used by the actor at line {first[ident]}",
                          pos, hint=f"give this actor another id, such as '{ident}-2'")
        else:
            first[ident] = pos.line


def _touchpoint_ids(journey: JourneyMap) -> Iterator[Finding]:
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
