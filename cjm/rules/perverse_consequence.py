"""The change makes one phase worse while it makes another better.

A fix in one place can make another worse: the card wall taken out of the
trial, and the pain moves to the first invoice. `cjm diff` compares two
versions of a map (and `cjm validate` compares a map with the one its
`based_on` names). A phase is better when its score or its mean emotion
rises or it has fewer pain points, and worse when its score or its mean
emotion falls or it has more pain points. The finding is on the phase that
got worse and names the phase that got better.

Fails on:

    cjm: 1
    title: Acme Notes trial
    phases: [trial, commitment]
    stages:
      - phase: trial
        touchpoints:
          - {id: trial-start, title: Card details before the trial, emotion: -2}
      - phase: commitment
        touchpoints:
          - {id: first-invoice, title: First invoice, emotion: 1}
    # --- changed to ---
    cjm: 1
    title: Acme Notes trial
    phases: [trial, commitment]
    stages:
      - phase: trial
        touchpoints:
          - {id: trial-start, title: Start without a card, emotion: 2}
      - phase: commitment
        touchpoints:
          - {id: first-invoice, title: First invoice, emotion: -2}

Passes on:

    cjm: 1
    title: Acme Notes trial
    phases: [trial, commitment]
    stages:
      - phase: trial
        touchpoints:
          - {id: trial-start, title: Card details before the trial, emotion: -2}
      - phase: commitment
        touchpoints:
          - {id: first-invoice, title: First invoice, emotion: 1}
    # --- changed to ---
    cjm: 1
    title: Acme Notes trial
    phases: [trial, commitment]
    stages:
      - phase: trial
        touchpoints:
          - {id: trial-start, title: Start without a card, emotion: 2}
      - phase: commitment
        touchpoints:
          - {id: first-invoice, title: First invoice with a reminder a week ahead, emotion: 1}
"""

from __future__ import annotations

from cjm.diagnostic import Severity

ID = "perverse-consequence"
SEVERITY = Severity.WARNING
STRUCTURAL = False
COMPARES = True
"""Found by comparing two versions of a map, so its examples are a change (cjm.rules.docs)."""
check = None  # cjm.diff reports it
