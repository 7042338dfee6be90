"""A share told by customers or advocates has a `message` longer than `max_words` words (default 10).

Advocates retell the brand with brutal concision ("Got milk?"). The words a
sharer passes on must survive being said aloud by someone who is not
paid to say them. Set `max_words` in config to change the limit:
`long-message = { severity = "warning", max_words = 6 }`.

Fails on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: referral
        touchpoints:
          - id: maya-tells
            title: Maya tells her team
            step: share
            actor: customer
            message: Acme Notes is the app that finally keeps all of my client notes in one place

Passes on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: referral
        touchpoints:
          - id: maya-tells
            title: Maya tells her team
            step: share
            actor: customer
            message: Notes that never get lost
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap

ID = "long-message"
SEVERITY = Severity.WARNING
STRUCTURAL = False
READS_STEPS = True
OPTIONS = {"max_words": 10}
"""`max_words`: the most words an advocate's message may have (a whole number, 1 or more)."""


def words(message: str) -> int:
    """Words as people count them: runs of text between spaces."""
    return len(message.split())


def check(journey: JourneyMap, max_words: int = 10) -> Iterator[Finding]:
    for tp in journey.touchpoints:
        if not tp.is_advocate_share or tp.message is None:
            continue
        count = words(tp.message)
        if count <= max_words:
            continue
        yield Finding(
            ID,
            f"the message of '{tp.label}' has {count} words: advocates retell a brand with brutal "
            f"concision, so say it in {max_words} or fewer",
            journey.pos((*tp.path, "message")),
            phase=tp.phase,
            touchpoint=tp.id,
            hint="keep the words a customer would really repeat to a friend",
        )
