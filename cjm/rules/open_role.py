"""The narrative's open role is never stepped into, stepped into without being named, or taken by the brand.

An open role is an invitation: it works only when the journey shows a
customer taking it. Mark that touchpoint `steps_into_role: true`. The role
is the customer's to step into, so the actor of that touchpoint is a
customer or an advocate (or one of the map's `actors` of kind customer),
never the brand, a partner, or an actor who works for the brand
(frontstage, backstage, support, system).

Fails on:

    cjm: 1
    title: Acme onboarding
    narrative:
      open_role: The colleague who recommends Acme next
    stages:
      - phase: referral
        touchpoints:
          - {id: priya-recommends, title: Maya's colleague Priya recommends Acme to her team, actor: advocate}

Passes on:

    cjm: 1
    title: Acme onboarding
    narrative:
      open_role: The colleague who recommends Acme next
    stages:
      - phase: referral
        touchpoints:
          - id: priya-recommends
            title: Maya's colleague Priya recommends Acme to her team
            actor: advocate
            steps_into_role: true
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap

ID = "open-role"
SEVERITY = Severity.WARNING
STRUCTURAL = False


def check(journey: JourneyMap) -> Iterator[Finding]:
    takers = [tp for tp in journey.touchpoints if tp.steps_into_role]
    if journey.open_role and not takers:
        yield Finding(
            ID,
            f"no touchpoint steps into the open role ('{journey.open_role}'): mark the moment a "
            "customer takes it with `steps_into_role: true`",
            journey.pos(("narrative", "open_role")),
            hint="usually a referral or community touchpoint with `actor: customer` or `actor: advocate`",
        )
    for tp in takers:
        where = journey.pos((*tp.path, "steps_into_role"))
        if not journey.open_role:
            yield Finding(ID, f"'{tp.label}' steps into the open role, but the map names none: "
                          "add `narrative.open_role`", where, phase=tp.phase, touchpoint=tp.id,
                          hint="for example `narrative: {open_role: The colleague who recommends us next}`")
        elif tp.by_brand:
            yield Finding(ID, f"'{tp.label}' steps into the open role as {_who(journey, tp.actor)}: the role "
                          "is the customer's to take, so set `actor: customer` or `actor: advocate`",
                          where, phase=tp.phase, touchpoint=tp.id,
                          hint="the brand invites; a customer steps in")


def _who(journey: JourneyMap, actor: str) -> str:
    """`the brand`, or a declared actor by name and kind: `Permit officer (backstage)`."""
    found = journey.actors[actor]
    return f"the {actor}" if found.builtin else f"{found.name} ({found.kind})"
