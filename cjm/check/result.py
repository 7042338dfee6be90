"""What cjm found out about one map file: the value every reporter and renderer reads."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from cjm.check.config import Config
from cjm.diagnostic import Diagnostic, Severity
from cjm.model import JourneyMap
from cjm.score import MapScore


@dataclass
class FileResult:
    """Everything cjm found out about one map file."""

    path: str
    diagnostics: list[Diagnostic]
    lines: list[str] = field(default_factory=list)
    journey: JourneyMap | None = None
    score: MapScore | None = None
    config: Config = field(default_factory=Config)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def valid(self) -> bool:
        return self.count(Severity.ERROR) == 0

    def below(self, fail_under: float | None) -> bool:
        """True when the map scores under `fail_under` (or cannot be scored)."""
        if fail_under is None:
            return False
        return self.score is None or self.score.score < fail_under

    def failed(self, strict: bool = False, fail_under: float | None = None) -> bool:
        """The exit-code verdict: an error, a warning under strict, or a low score."""
        threshold = fail_under if fail_under is not None else self.config.fail_under
        if not self.valid or self.below(threshold):
            return True
        return strict and self.count(Severity.WARNING) > 0

    def only_errors(self) -> FileResult:
        """A copy that shows errors only (for `--quiet`)."""
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        return replace(self, diagnostics=errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "valid": self.valid,
            "score": self.score.score if self.score else None,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }
