"""`cjm diff --format json`: one object on stdout, in the spec's shape.

    {"version": 2, "maps": [{"old", "new", "score": {"old", "new"}, "phases": [...],
      "touchpoints": {...}, "findings": [...], "appeared": [...], "resolved": [...]}]}

Added by cjm: per map `status`, `compared`, `valid`, `failed`, `reasons`,
`sequence` and `errors` (each side's errors); a `summary` of the run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TextIO

from cjm.check.changes import DiffResult
from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.diff.values import TouchpointChanges
from cjm.safe import dump_json


def report(results: Sequence[DiffResult], stream: TextIO, unchanged: int = 0) -> None:
    dump_json(document(results, unchanged), stream)


def document(results: Sequence[DiffResult], unchanged: int = 0) -> dict[str, Any]:
    return {"version": 2, "maps": [map_entry(r) for r in results], "summary": summary(results, unchanged)}


def map_entry(result: DiffResult) -> dict[str, Any]:
    old, new, diff = result.old, result.new, result.diff
    return {
        "old": result.old_label,
        "new": result.new_label,
        "status": result.status,
        "compared": diff is not None,
        "valid": _sides(old, new, lambda r: r.valid),
        "failed": result.failed,
        "reasons": result.reasons or [],
        "score": _sides(old, new, lambda r: r.score_value),
        "sequence": _sides(old, new, lambda r: r.sequence_value),
        "phases": [phase.to_dict() for phase in diff.phases] if diff else [],
        "touchpoints": (diff.touchpoints if diff else TouchpointChanges()).to_dict(),
        "findings": [d.to_dict() for d in result.findings],
        "appeared": [listed(d) for d in result.appeared],
        "resolved": [listed(d) for d in result.resolved],
        "errors": _sides(old, new, _errors, missing=[]),
    }


def listed(d: Diagnostic) -> dict[str, Any]:
    """A validate finding, always with `phase` and `id` (the touchpoint; null when none)."""
    return {**d.to_dict(), "phase": d.phase, "id": d.touchpoint}


def summary(results: Sequence[DiffResult], unchanged: int) -> dict[str, int]:
    statuses = [r.status for r in results]
    return {
        "maps": len(results) + unchanged,
        "changed": statuses.count("changed"),
        "new": statuses.count("new"),
        "gone": statuses.count("gone"),
        "unchanged": statuses.count("unchanged") + unchanged,
        "failed": sum(1 for r in results if r.failed),
        "findings": sum(len(r.findings) for r in results),
        "appeared": sum(len(r.appeared) for r in results),
        "resolved": sum(len(r.resolved) for r in results),
    }


def _sides(old: FileResult | None, new: FileResult | None, value: Callable[[FileResult], Any],
           missing: Any = None) -> dict[str, Any]:
    return {"old": value(old) if old else missing, "new": value(new) if new else missing}


def _errors(result: FileResult) -> list[dict[str, Any]]:
    return [d.to_dict() for d in result.diagnostics if d.severity is Severity.ERROR]
