"""Helpers the engagement-sequence rules share."""

from __future__ import annotations

from cjm.diagnostic import Pos
from cjm.model import JourneyMap


def phase_pos(journey: JourneyMap, phase: str) -> Pos:
    """Where to point for a finding about a whole phase: its first stage's `phase` value,
    else the phase in the map's `phases` list, else the `stages` key."""
    stages = journey.phase_stages(phase)
    if stages:
        return journey.pos((*stages[0].path, "phase"))
    if journey.phases_declared and phase in journey.phase_index:
        return journey.pos(("phases", journey.phase_index[phase]))
    return journey.positions.key(("stages",))
