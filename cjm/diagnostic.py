"""A diagnostic is a value with a position: what is wrong, where, and how to fix it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How much a finding matters. `off` never reaches a report."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OFF = "off"

    @classmethod
    def parse(cls, text: str) -> Severity:
        """The severity named by `text`; ValueError names the allowed ones."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            allowed = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {text!r}: use one of {allowed}") from None


@dataclass(frozen=True, slots=True)
class Pos:
    """A 1-based line and column in the user's file."""

    line: int
    column: int


START = Pos(1, 1)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: the engine turns it into a Diagnostic."""

    rule: str
    message: str
    pos: Pos
    phase: str | None = None
    hint: str | None = None
    touchpoint: str | None = None
    """The id of the touchpoint the finding is about, for findings about one (cjm diff matches on it)."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding with its severity, ready for a reporter."""

    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    phase: str | None = None
    hint: str | None = None
    touchpoint: str | None = None

    @classmethod
    def from_finding(cls, finding: Finding, severity: Severity) -> Diagnostic:
        return cls(
            rule=finding.rule,
            severity=severity,
            message=finding.message,
            line=finding.pos.line,
            column=finding.pos.column,
            phase=finding.phase,
            hint=finding.hint,
            touchpoint=finding.touchpoint,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the spec; `phase`, `id` (the touchpoint) and `hint` only when set."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }
        if self.phase is not None:
            out["phase"] = self.phase
        if self.touchpoint is not None:
            out["id"] = self.touchpoint
        if self.hint is not None:
            out["hint"] = self.hint
        return out


MAX_CANDIDATES = 1000
"""A "did you mean" compares a name with at most this many known names, the closest in length."""
MAX_GUESSES = 25
"""A map gets at most this many "did you mean"s per kind of name; the rest are reported without one."""
MAX_LISTED = 10
"""A hint lists no more than this many names, then says how many more there are."""


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name `word` was most likely meant to be (None if none is close); for a few words."""
    return Guesser(choices, cutoff=cutoff)(word)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` to put after an unknown name in a message, or `` when none is close."""
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


class Guesser:
    """"Did you mean" for many unknown names against many known ones, in bounded time.

    The known names are sorted by length once; each guess compares the word with at most
    MAX_CANDIDATES of them (the nearest in length), and only the first `budget` different words
    get a guess. So a map with thousands of unknown names is still checked in linear time.
    """

    def __init__(self, choices: Iterable[str], *, budget: int = MAX_GUESSES, cutoff: float = 0.6) -> None:
        self.pool = sorted(dict.fromkeys(choices), key=len)
        self.lengths = [len(choice) for choice in self.pool]
        self.budget = budget
        self.cutoff = cutoff
        self.guessed: dict[str, str | None] = {}

    def __call__(self, word: str) -> str | None:
        if word in self.guessed:
            return self.guessed[word]
        if self.budget <= 0:
            return None
        self.budget -= 1
        import bisect
        import difflib

        middle = bisect.bisect_left(self.lengths, len(word))
        low = max(0, middle - MAX_CANDIDATES // 2)
        window = self.pool[low: low + MAX_CANDIDATES]
        found = difflib.get_close_matches(word, window, n=1, cutoff=self.cutoff)
        self.guessed[word] = found[0] if found else None
        return self.guessed[word]


def listed(names: Sequence[str], limit: int = MAX_LISTED) -> str:
    """`a, b, c` for a hint, or `a, b, ... and 12 more` when there are more than `limit`."""
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit:,} more"
