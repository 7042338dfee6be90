"""A stage's `phase` is not one of the map's `phases`.

The phases default to awareness, involvement, trial, commitment, referral;
a map (or `phases` in config) may declare its own list.

Fails on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awarness
        touchpoints: []

Passes on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awareness
        touchpoints: []
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Guesser, Severity, listed
from cjm.model import JourneyMap

ID = "unknown-phase"
SEVERITY = Severity.ERROR
STRUCTURAL = True


def check(journey: JourneyMap) -> Iterator[Finding]:
    known = set(journey.phases)
    guess = Guesser(journey.phases)
    choices = listed(journey.phases)
    for stage in journey.stages:
        if stage.phase is None or stage.phase in known:
            continue
        close = guess(stage.phase)
        message = f"the phase '{stage.phase}' is not one of the map's phases"
        message += f"; did you mean '{close}'?" if close else ""
        hint = f"use one of: {choices}"
        if not close:
            hint += ", or add it to `phases`"
        yield Finding(ID, message, journey.pos((*stage.path, "phase")), hint=hint)
