"""A diagnostic is a value with a position: what is wrong, where, and how to fix it."""

from __future__ import annotations

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
