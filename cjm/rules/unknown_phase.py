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
from cjm.model import DEFAULT_PHASES, JourneyMap

ID = "unknown-phase"
SEVERITY = Severity.ERROR
STRUCTURAL = True


def _typo_in_phases(journey: JourneyMap, phase: str, guess: Guesser) -> str | None:
    """A declared phase that is a misspelling of `phase`, a phase of the brand-marketing process
    (`phases: [awarness, ...]` with `phase: awareness`): the suspect is the list, not the stage."""
    if not journey.phases_declared or phase not in DEFAULT_PHASES:
        return None
    close = guess(phase)
    return close if close is not None and close not in DEFAULT_PHASES else None


def check(journey: JourneyMap) -> Iterator[Finding]:
    known = set(journey.phases)
    guess = Guesser(journey.phases)
    choices = listed(journey.phases)
    for stage in journey.stages:
        if stage.phase is None or stage.phase in known:
            continue
        typo = _typo_in_phases(journey, stage.phase, guess)
        if typo is not None:
            yield Finding(ID, f"the phase '{stage.phase}' is not in `phases`, which lists '{typo}': the typo "
                          "seems to be in `phases`", journey.pos(("phases", journey.phase_index[typo])),
                          hint=f"write '{stage.phase}' in `phases`")
            continue
        close = guess(stage.phase)
        message = f"the phase '{stage.phase}' is not one of the map's phases"
        message += f"; did you mean '{close}'?" if close else ""
        hint = f"use one of: {choices}"
        if not close:
            hint += ", or add it to `phases`"
        yield Finding(ID, message, journey.pos((*stage.path, "phase")), hint=hint)
