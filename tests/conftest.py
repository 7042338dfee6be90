"""Shared test setup: a deterministic Hypothesis profile.

The default profile `cjm` is derandomized (the same examples on every run, so
the suite is deterministic) and has no deadline (tests never assert timings).
Set HYPOTHESIS_PROFILE=explore to search with fresh random examples (the
README's long fuzz run does, with CJM_FUZZ_EXAMPLES=100000).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "cjm",
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", deadline=None, max_examples=1000,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "cjm"))
