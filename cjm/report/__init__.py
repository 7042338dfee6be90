"""Reporters, chosen by name. Each takes the results and a stream, and writes.

Reporters never analyse: they format FileResults (and, for `cjm diff`,
DiffResults). Modules load lazily so the hook path imports only the reporter
it uses.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TextIO

from cjm.check.result import FileResult

if TYPE_CHECKING:
    from cjm.check.changes import DiffResult

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


class Reporter(Protocol):
    def __call__(self, results: Sequence[FileResult], stream: TextIO) -> None: ...


def get_reporter(name: str) -> Reporter:
    """The `report` function of the reporter called `name` (KeyError when unknown)."""
    module_name, _, function = REPORTERS[name].partition(":")
    reporter: Reporter = getattr(importlib.import_module(module_name), function or "report")
    return reporter


class DiffReporter(Protocol):
    def __call__(self, results: Sequence[DiffResult], stream: TextIO, unchanged: int = 0) -> None: ...


def get_diff_reporter(name: str) -> DiffReporter:
    """The `report` function of the `cjm diff` reporter called `name`; `unchanged` counts the maps
    that were compared and found the same, and are not in `results`."""
    module = importlib.import_module(DIFF_REPORTERS[name])
    reporter: DiffReporter = module.report
    return reporter


def summary_counts(results: Sequence[FileResult]) -> dict[str, int]:
    from cjm.diagnostic import Severity

    return {
        "files": len(results),
        "valid": sum(1 for r in results if r.valid),
        "failed": sum(1 for r in results if r.failed),
        "errors": sum(r.count(Severity.ERROR) for r in results),
        "warnings": sum(r.count(Severity.WARNING) for r in results),
        "infos": sum(r.count(Severity.INFO) for r in results),
    }
