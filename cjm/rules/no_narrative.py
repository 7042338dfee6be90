"""The map has no `narrative.open_role`: no role waits for the customer to step into.

The key to engagement is a narrative: a hero's journey with one role left
less defined, waiting for someone to step into it. Name that role, then mark
the touchpoint where a customer takes it (`steps_into_role: true`).

Fails on:

    cjm: 1
    title: Acme onboarding
    narrative:
      story: Maya stops losing notes.
    stages: []

Passes on:

    cjm: 1
    title: Acme onboarding
    narrative:
      story: Maya stops losing notes.
      open_role: The colleague who recommends Acme next
    stages: []
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap

ID = "no-narrative"
SEVERITY = Severity.INFO
STRUCTURAL = False


def check(journey: JourneyMap) -> Iterator[Finding]:
    if journey.open_role:
        return
    where = ("narrative",) if "narrative" in journey.data else ("title",)
    yield Finding(
        ID,
        "the map names no open role: add `narrative.open_role`, the part in the story a customer "
        "can step into (the one who recommends you, the team's champion, the host of the next meetup)",
        journey.positions.key(where),
        hint="for example `narrative: {open_role: The colleague who recommends us next}`",
    )
