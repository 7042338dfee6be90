"""What cjm found out about one map file: the value every reporter and renderer reads."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from cjm.check.config import Config
from cjm.diagnostic import Diagnostic, Severity
from cjm.model import JourneyMap
from cjm.score import MapScore

if TYPE_CHECKING:
    from cjm.diff.values import MapDiff  # only a map with `based_on` imports cjm.diff

NOT_SCORED = "not scored"
"""The reason (in JSON, as the spec words it) a map that is not scored fails under --fail-under."""
NOT_SCORED_WHY = "not scored (no touchpoint sets `step`, so there is no sequence to measure)"


@dataclass
class FileResult:
    """Everything cjm found out about one map file."""

    path: str
    diagnostics: list[Diagnostic]
    lines: list[str] = field(default_factory=list)
    journey: JourneyMap | None = None
    score: MapScore | None = None
    config: Config = field(default_factory=Config)
    reasons: list[str] | None = None
    """Why the map fails, once `judged` with the run's options (None before)."""
    base: FileResult | None = None
    """The map `based_on` names, checked, when it is readable and valid."""
    changes: MapDiff | None = None
    """What changed from `base` to this map (when the engagement rules ran)."""

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def valid(self) -> bool:
        return self.count(Severity.ERROR) == 0

    @property
    def score_value(self) -> float | None:
        """The map's score; None when it could not be read far enough, or is not scored."""
        return self.score.score if self.score else None

    @property
    def sequence_value(self) -> float | None:
        return self.score.sequence if self.score else None

    def judged(self, strict: bool = False, fail_under: float | None = None) -> FileResult:
        """A copy with `reasons` set: why the map fails under these options (empty: it passes).

        `fail_under` from the command line wins over `fail_under` in config.
        """
        return replace(self, reasons=self.fail_reasons(strict, fail_under))

    def fail_reasons(self, strict: bool = False, fail_under: float | None = None) -> list[str]:
        reasons = []
        errors, warnings = self.count(Severity.ERROR), self.count(Severity.WARNING)
        if errors:
            reasons.append(f"{errors} error{'s' if errors != 1 else ''}")
        if strict and warnings:
            reasons.append(f"{warnings} warning{'s' if warnings != 1 else ''} under --strict")
        threshold = fail_under if fail_under is not None else self.config.fail_under
        if threshold is not None and errors == 0:
            where = "--fail-under" if fail_under is not None else "fail_under"
            score = self.score_value
            if score is None:
                reasons.append(NOT_SCORED)
            elif score < threshold:
                reasons.append(f"score {score:g} is below {where} {threshold:g}")
        return reasons

    @property
    def why_failed(self) -> list[str]:
        """The reasons `judged` found (an unjudged result fails on its errors only)."""
        return self.reasons if self.reasons is not None else self.fail_reasons()

    @property
    def why_failed_text(self) -> str:
        """The reasons in words, for a person: `not scored` says why the map is not."""
        return "; ".join(NOT_SCORED_WHY if reason == NOT_SCORED else reason for reason in self.why_failed)

    @property
    def failed(self) -> bool:
        return bool(self.why_failed)

    def only_errors(self) -> FileResult:
        """A copy that shows errors only (for `--quiet`)."""
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        return replace(self, diagnostics=errors)

    def to_dict(self) -> dict[str, Any]:
        """The file's entry in `cjm validate --format json`."""
        return {
            "path": self.path,
            "valid": self.valid,
            "failed": self.failed,
            "reasons": self.why_failed,
            "score": self.score_value,
            "sequence": self.sequence_value,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }
