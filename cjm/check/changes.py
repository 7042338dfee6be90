"""Two versions of one map, checked and compared: the value every `cjm diff` reporter reads.

Either side may be missing (a map that is new, or gone) or invalid. Only two
valid versions are compared (phases, touchpoints and the change findings);
the findings that appeared and went away are matched in every case where both
versions exist, except that a new version with errors resolves nothing (its
engagement checks did not run). A map that is new, or that was invalid
before, brings every finding it has.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cjm.check.engine import stamp
from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.diff.values import MapDiff


@dataclass
class DiffResult:
    old_label: str | None
    """The old version's path (or `REF:path`); None for a map that is new."""
    new_label: str | None
    """The new version's path; None for a map that is gone."""
    old: FileResult | None
    new: FileResult | None
    diff: MapDiff | None = None
    """The comparison, when both versions are valid."""
    findings: list[Diagnostic] = field(default_factory=list)
    """The diff's own findings (`perverse-consequence`, `regression`), on the new map."""
    appeared: list[Diagnostic] = field(default_factory=list)
    resolved: list[Diagnostic] = field(default_factory=list)
    reasons: list[str] | None = None

    @property
    def status(self) -> str:
        """`new`, `gone`, `unchanged` (the same text) or `changed`."""
        if self.old is None:
            return "new"
        if self.new is None:
            return "gone"
        return "unchanged" if self.old.lines == self.new.lines else "changed"

    @property
    def brought(self) -> list[Diagnostic]:
        """What the change brings, as annotations and `--strict` see it: the diff's findings, the
        findings that appeared and, when the new version is invalid, all its errors."""
        errors = [d for d in self.new.diagnostics if d.severity is Severity.ERROR] if self.new else []
        unique = dict.fromkeys([*errors, *self.findings, *self.appeared])
        return sorted(unique, key=lambda d: (d.line, d.column, d.rule))

    def fail_reasons(self, strict: bool = False) -> list[str]:
        reasons = []
        errors = self.new.count(Severity.ERROR) if self.new else 0
        if errors:
            reasons.append(f"{errors} error{'s' if errors != 1 else ''}")
        warnings = sum(1 for d in self.brought if d.severity is Severity.WARNING)
        if strict and warnings:
            reasons.append(f"{warnings} warning{'s' if warnings != 1 else ''} under --strict")
        return reasons

    def judged(self, strict: bool = False) -> DiffResult:
        return replace(self, reasons=self.fail_reasons(strict))

    @property
    def failed(self) -> bool:
        return bool(self.reasons if self.reasons is not None else self.fail_reasons())


def compare_results(old: FileResult | None, new: FileResult | None,
                    old_label: str | None = None, new_label: str | None = None) -> DiffResult:
    """Compare two checked versions of a map (labels default to their paths)."""
    from cjm.diff.appeared import appeared_and_resolved
    from cjm.rules import CHANGE_RULES

    result = DiffResult(old_label or (old.path if old else None), new_label or (new.path if new else None),
                        old, new)
    if old is None or new is None:
        result.appeared = [d for d in (new.diagnostics if new else []) if d.rule not in CHANGE_RULES]
        return result
    if old.valid and new.valid and old.journey and new.journey and old.score and new.score:
        from cjm.diff.compare import diff_maps

        result.diff = diff_maps(old.journey, old.score, new.journey, new.score, result.old_label or old.path)
        result.findings = stamp(result.diff.findings, new.config, new.lines)
    renames = result.diff.renames if result.diff else {}
    result.appeared, result.resolved = appeared_and_resolved(old.diagnostics, new.diagnostics, renames,
                                                             ignore=CHANGE_RULES)
    if not new.valid:
        result.resolved = []
    return result
