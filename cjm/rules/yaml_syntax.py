"""The file is not a YAML document cjm can read.

Produced by the loader: a syntax error at the parser's position, a file that
is empty, binary, not UTF-8 or larger than 10 MiB, nesting deeper than 64
levels, aliases that repeat more than 250,000 values, or a YAML tag such
as `!!python/object` (tags are never constructed).

Fails on:

    title: "Acme: first ad to first referral
    stages: []

Passes on:

    cjm: 1
    title: "Acme: first ad to first referral"
    stages: []
"""

from __future__ import annotations

from cjm.diagnostic import Severity

ID = "yaml-syntax"
SEVERITY = Severity.ERROR
STRUCTURAL = True
check = None  # the loader reports it
