"""No touchpoint has `step: share` with advocate storytelling: referral never becomes word of mouth.

Good engagement turns corporate storytelling (the brand tells its story)
into advocate storytelling (customers tell it for the brand). A map without
a single share told by a customer or advocate never reaches word of mouth.
On a share, storytelling defaults to advocate when the actor is a customer
or an advocate.

Fails on:

    cjm: 1
    title: Acme onboarding
    phases: [referral]
    stages:
      - phase: referral
        touchpoints:
          - {id: brand-post, title: We post a customer quote, step: share, actor: brand}

Passes on:

    cjm: 1
    title: Acme onboarding
    phases: [referral]
    stages:
      - phase: referral
        touchpoints:
          - {id: maya-review, title: Maya reviews us on G2, step: share, actor: customer}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap

ID = "no-advocate-story"
SEVERITY = Severity.WARNING
STRUCTURAL = False
READS_STEPS = True


def check(journey: JourneyMap) -> Iterator[Finding]:
    touchpoints = journey.touchpoints
    if not touchpoints or any(tp.is_advocate_share for tp in touchpoints):
        return
    shares = [tp for tp in touchpoints if tp.step == "share"]
    if shares:
        last = shares[-1]
        yield Finding(
            ID,
            f"no share is advocate storytelling: let a customer or advocate tell "
            f"'{last.label}' (actor: customer, or storytelling: advocate)",
            journey.pos((*last.path, "step")),
            phase=last.phase if last.phase in journey.phases else None,
            touchpoint=last.id,
            hint="advocate storytelling is what turns a journey into word of mouth",
        )
        return
    last_tp = touchpoints[-1]
    yield Finding(
        ID,
        "no touchpoint shares the story: add a `step: share` touchpoint where a customer "
        "tells others (actor: customer or advocate)",
        journey.pos(last_tp.path),
        phase=last_tp.phase if last_tp.phase in journey.phases else None,
        touchpoint=last_tp.id,
        hint="referral is where advocate storytelling usually happens",
    )
