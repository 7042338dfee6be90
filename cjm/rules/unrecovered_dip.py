"""A touchpoint with negative emotion from which no touchpoint the customer can reach later lifts the emotion.

A bad moment is normal; leaving it unrepaired is not. From every dip, some
way forward through the journey must reach a touchpoint with a higher
emotion: later in the same phase or in a later one. The way forward follows
`next` (by default the next touchpoint in file order, across stages and
phases; `next: []` ends a path there). Only steps forward in the file count:
a loop back to the start is a new customer, not a recovery.

Fails on:

    cjm: 1
    title: Acme onboarding
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {id: signup, title: Sign up, emotion: 1}
          - {id: card-wall, title: Credit card required, emotion: -2}

Passes on:

    cjm: 1
    title: Acme onboarding
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {id: signup, title: Sign up, emotion: 1}
          - {id: card-wall, title: Credit card required, emotion: -2}
          - {id: first-win, title: First note synced to phone, emotion: 1}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap

ID = "unrecovered-dip"
SEVERITY = Severity.WARNING
STRUCTURAL = False
NONE = -3
"""Below every emotion: nothing with an emotion is reachable."""


def best_ahead(journey: JourneyMap, successors: list[list[int]]) -> list[int]:
    """For each touchpoint, the highest emotion the customer can still reach after it.

    Edges go forward in file order only, so the journey is a DAG in file
    order: one pass from the end computes it for every touchpoint, linear in
    touchpoints plus `next` entries.
    """
    touchpoints = journey.touchpoints
    best = [NONE] * len(touchpoints)
    for i in range(len(touchpoints) - 1, -1, -1):
        for j in successors[i]:
            if j > i:
                emotion = touchpoints[j].emotion
                best[i] = max(best[i], best[j], NONE if emotion is None else emotion)
    return best


def check(journey: JourneyMap) -> Iterator[Finding]:
    successors = journey.successors()
    ahead = best_ahead(journey, successors)
    for tp in journey.touchpoints:
        if tp.emotion is None or tp.emotion >= 0 or ahead[tp.index] > tp.emotion:
            continue
        if ahead[tp.index] == NONE:
            if tp.next == []:
                why = "and its path ends there (`next: []`)"
            elif not any(j > tp.index for j in successors[tp.index]):
                why = "and the journey ends after it"
            else:
                why = "and nothing after it has an emotion"
        else:
            why = "and nothing the customer can reach after it feels better"
        yield Finding(
            ID,
            f"'{tp.label}' leaves the customer at emotion {tp.emotion} {why}: add a recovery touchpoint "
            "after it",
            journey.pos(tp.path),
            phase=tp.phase,
            touchpoint=tp.id,
            hint="a follow-up, an apology with a fix, or a quick win that raises `emotion`",
        )
