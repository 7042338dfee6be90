"""No touchpoint of the map sets `step`: the engagement sequence is not checked and the map is not scored.

The score measures how each phase walks Connect -> Inform -> Entertain ->
Share; until touchpoints say which step they are, there is nothing to
measure. cjm says so once, instead of a warning per phase, and holds back
the rules that read steps (missing-step, step-order, empty-phase,
no-advocate-story, long-message) until the map is tagged.

Fails on:

    cjm: 1
    title: Acme onboarding
    phases: [awareness]
    stages:
      - phase: awareness
        touchpoints:
          - {id: tiktok-demo, title: TikTok demo}
          - {id: blog-post, title: How-to blog post}

Passes on:

    cjm: 1
    title: Acme onboarding
    phases: [awareness]
    stages:
      - phase: awareness
        touchpoints:
          - {id: tiktok-demo, title: TikTok demo, step: connect}
          - {id: blog-post, title: How-to blog post}
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap

ID = "no-steps"
SEVERITY = Severity.INFO
STRUCTURAL = False
HINT = ("tag each touchpoint with `step:` connect (reach them), inform, entertain or share; "
        "`cjm rules missing-step` shows a tagged phase")


def applies(journey: JourneyMap) -> bool:
    """True when the map is not scored for want of steps (the engine then holds back the
    rules that read steps, whatever this rule's severity)."""
    return not journey.has_steps


def check(journey: JourneyMap) -> Iterator[Finding]:
    if not applies(journey):
        return
    count = len(journey.touchpoints)
    if count:
        message = (f"none of the map's {count} touchpoint{'s' if count != 1 else ''} sets `step`, "
                   "so the engagement sequence is not checked and the map is not scored")
    else:
        message = "the map has no touchpoints yet, so there is nothing to score"
    yield Finding(ID, message, journey.positions.key(("stages",)), hint=HINT)
