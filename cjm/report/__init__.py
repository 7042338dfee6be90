"""Reporters, chosen by name. Each takes the results and a stream, and writes.

Reporters never analyse: they format FileResults (and, for `cjm diff`,
DiffResults). A validate reporter reads its results once, in order, from any
iterable: `cjm validate` hands it a generator of the maps as they are checked,
so each result is written as soon as the reporter can and then let go; what a
format can only write at the end (the summary, the counts) it keeps as
Totals or as a few lines, never as results. Modules load lazily so the hook
path imports only the reporter it uses.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence

from cjm.check.result import FileResult

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Protocol, TextIO

    class Reporter(Protocol):
        def __call__(self, results: Iterable[FileResult], stream: TextIO) -> None: ...

    class DiffReporter(Protocol):
        def __call__(self, results: Sequence[DiffResult], stream: TextIO, unchanged: int = 0) -> None: ...

if TYPE_CHECKING:
    from cjm.check.changes import DiffResult

MAX_ANNOTATIONS = 10
"""GitHub shows at most this many annotations of each kind per step (`--format github`)."""

REPORTERS = {
    "text": "cjm.report.text",
    "text-quiet": "cjm.report.text:report_quiet",
    "json": "cjm.report.json_report",
    "github": "cjm.report.github",
    "sarif": "cjm.report.sarif",
}
DIFF_REPORTERS = {
    "text": "cjm.report.diff_text",
    "json": "cjm.report.diff_json",
    "github": "cjm.report.diff_github",
}


def get_reporter(name: str) -> Reporter:
    """The `report` function of the reporter called `name` (KeyError when unknown)."""
    module_name, _, function = REPORTERS[name].partition(":")
    reporter: Reporter = getattr(importlib.import_module(module_name), function or "report")
    return reporter


def get_diff_reporter(name: str) -> DiffReporter:
    """The `report` function of the `cjm diff` reporter called `name`; `unchanged` counts the maps
    that were compared and found the same, and are not in `results`."""
    module = importlib.import_module(DIFF_REPORTERS[name])
    reporter: DiffReporter = module.report
    return reporter


class Totals:
    """The running counts of the maps a reporter has read: all it keeps of them for its summary."""

    def __init__(self) -> None:
        self.files = self.valid = self.failed = self.errors = self.warnings = self.infos = 0
        self.failing_valid = 0
        """Valid maps that fail (--strict, or a score under the threshold)."""
        self.first_failing_valid = ""
        """Why the first of them fails, in words."""

    def add(self, result: FileResult) -> FileResult:
        """Count `result`, and give it back (so `map(totals.add, results)` counts as it goes)."""
        from cjm.diagnostic import Severity

        self.files += 1
        errors = result.count(Severity.ERROR)
        self.valid += errors == 0
        self.errors += errors
        self.warnings += result.count(Severity.WARNING)
        self.infos += result.count(Severity.INFO)
        if result.failed:
            self.failed += 1
            if errors == 0:
                self.failing_valid += 1
                self.first_failing_valid = self.first_failing_valid or result.why_failed_text
        return result

    def counts(self) -> dict[str, int]:
        """The `summary` of `--format json`."""
        return {"files": self.files, "valid": self.valid, "failed": self.failed, "errors": self.errors,
                "warnings": self.warnings, "infos": self.infos}
