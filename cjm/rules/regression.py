"""The change makes a phase worse and no phase better.

Compared with the old version (with `cjm diff`, or with the map `based_on`
names under `cjm validate`), a phase got worse: its score or its mean emotion
fell, or it has more pain points, and nothing got better in return. The
finding is on the phase that got worse.

Fails on:

    cjm: 1
    title: Acme Notes trial
    phases: [trial, commitment]
    stages:
      - phase: trial
        touchpoints:
          - {id: trial-start, title: Start without a card, emotion: 1}
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
          - {id: trial-start, title: Start without a card, emotion: 1}
      - phase: commitment
        touchpoints:
          - id: first-invoice
            title: First invoice
            emotion: 1
            pain_points: [The price went up without notice]

Passes on:

    cjm: 1
    title: Acme Notes trial
    phases: [trial, commitment]
    stages:
      - phase: trial
        touchpoints:
          - {id: trial-start, title: Start without a card, emotion: 1}
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
          - {id: trial-start, title: Start without a card, emotion: 1}
      - phase: commitment
        touchpoints:
          - id: first-invoice
            title: First invoice, announced a week ahead
            emotion: 2
"""

from __future__ import annotations

from cjm.diagnostic import Severity

ID = "regression"
SEVERITY = Severity.WARNING
STRUCTURAL = False
COMPARES = True
"""Found by comparing two versions of a map, so its examples are a change (cjm.rules.docs)."""
check = None  # cjm.diff reports it
