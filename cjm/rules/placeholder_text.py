"""The map still holds a placeholder `cjm init` wrote ("Your brand", "(replace me)"...).

A new map from `cjm init` is a skeleton: its example values show where
things go, and some are only placeholders to replace with your own research.
Until they are replaced, the map is not finished, however well it scores.

Fails on:

    cjm: 1
    title: Acme onboarding
    brand: Your brand
    stages: []

Passes on:

    cjm: 1
    title: Acme onboarding
    brand: Acme Notes
    stages: []
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cjm.diagnostic import Finding, Severity
from cjm.loader.positions import Path
from cjm.model import JourneyMap

ID = "placeholder-text"
SEVERITY = Severity.WARNING
STRUCTURAL = False
MARK = "(replace me)"
PLACEHOLDERS = frozenset({
    "Your brand",
    "Your product or service",
    "The team that keeps this map up to date",
    "Whose journey this is, where it starts and where it should end, in two or three sentences.",
    "Their job or situation",
    "One sentence in their own words, from an interview",
    "What they want to get done",
    "What gets in their way today",
    "How the hero changes along the journey, in one sentence",
    "What the customer does here",
    "What goes through their head",
    "The words a customer repeats to a friend",
})
"""The texts `templates/init.cjm.yaml.j2` writes as placeholders (a test holds the two together)."""


def _texts(node: Any, path: Path) -> Iterator[tuple[Path, str]]:
    stack: list[tuple[Path, Any]] = [(path, node)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            stack += [((*where, key), item) for key, item in reversed(list(value.items()))]
        elif isinstance(value, list):
            stack += [((*where, i), item) for i, item in reversed(list(enumerate(value)))]


def check(journey: JourneyMap) -> Iterator[Finding]:
    seen: set[int] = set()  # an alias repeats a value: say it once
    for path, text in _texts(journey.data, ()):
        if (text.strip() in PLACEHOLDERS or MARK in text) and id(text) not in seen:
            seen.add(id(text))
            yield Finding(ID, f"'{text}' is a placeholder from cjm init: replace it with your own text",
                          journey.pos(path), hint="write what your research says, or remove the key")
