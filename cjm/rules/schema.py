"""A value has the wrong type, a required key is missing, a key is unknown, or a value is out of its range.

Checked against the JSON Schema that ships with cjm (`cjm schema` prints it).
The message names the path, such as `stages[1].touchpoints[0].emotion`, and
suggests the closest known key or value. Keys starting with `x-` are free.

Fails on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awareness
        touchpoints:
          - id: tiktok-demo
            title: 15-second demo
            emotoin: 3

Passes on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awareness
        touchpoints:
          - id: tiktok-demo
            title: 15-second demo
            emotion: 2
"""

from __future__ import annotations

from cjm.diagnostic import Severity

ID = "schema"
SEVERITY = Severity.ERROR
STRUCTURAL = True
check = None  # cjm.schema.check reports it, before the model is built
