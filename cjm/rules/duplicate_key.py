"""A mapping repeats a key.

YAML keeps only one of the two values, so half of what you wrote would be
silently lost. cjm keeps the first and points at the second.

Fails on:

    cjm: 1
    title: Acme onboarding
    title: Acme onboarding, 2026
    stages: []

Passes on:

    cjm: 1
    title: Acme onboarding, 2026
    stages: []
"""

from __future__ import annotations

from cjm.diagnostic import Severity

ID = "duplicate-key"
SEVERITY = Severity.ERROR
STRUCTURAL = True
check = None  # the loader reports it
