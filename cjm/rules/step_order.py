"""Within a phase, a step first appears before a step that comes earlier in the sequence.

Customers share what entertained them, are entertained by what informed
them, and are informed once connected. A share that comes before the
connect asks for word of mouth from someone the brand has not reached yet.

Fails on:

    cjm: 1
    title: Acme onboarding
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {id: invite-friend, title: Invite a friend, step: share, actor: customer}
          - {id: welcome-mail, title: Welcome email, step: connect}
          - {id: setup-guide, title: Setup guide, step: inform}
          - {id: template-gallery, title: Template gallery, step: entertain}

Passes on:

    cjm: 1
    title: Acme onboarding
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {id: welcome-mail, title: Welcome email, step: connect}
          - {id: setup-guide, title: Setup guide, step: inform}
          - {id: template-gallery, title: Template gallery, step: entertain}
          - {id: invite-friend, title: Invite a friend, step: share, actor: customer}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import STEPS, JourneyMap, Touchpoint

ID = "step-order"
SEVERITY = Severity.WARNING
STRUCTURAL = False
READS_STEPS = True


def check(journey: JourneyMap) -> Iterator[Finding]:
    for phase in journey.phases:
        first: dict[str, tuple[int, Touchpoint]] = {}
        for index, tp in enumerate(journey.phase_touchpoints(phase)):
            if tp.step and tp.step not in first:
                first[tp.step] = (index, tp)
        for step, (index, tp) in first.items():
            later = [s for s in STEPS[: STEPS.index(step)] if s in first and first[s][0] > index]
            if not later:
                continue
            target = first[later[-1]][1]
            yield Finding(
                ID,
                f"in {phase}, {step} ('{tp.label}') comes before {' and '.join(later)}: "
                f"move it after '{target.label}'",
                journey.pos((*tp.path, "step")),
                phase=phase,
                touchpoint=tp.id,
                hint="the sequence is connect, inform, entertain, share",
            )
