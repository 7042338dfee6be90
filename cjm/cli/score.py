"""`cjm score`: check the maps, then show their engagement scorecards."""

from __future__ import annotations

import sys

from cjm.cli.checking import check_paths
from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError

FORMATS = {"text": "cjm.report.scorecard", "json": "cjm.report.score_json"}


def run_score(paths: list[str], format: str, strict: bool, fail_under: float | None) -> int:
    import importlib

    if format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not '{format}'")
    if fail_under is not None and not 0 <= fail_under <= 100:  # NaN fails this too
        raise UsageError(f"--fail-under {fail_under}: use a score from 0 to 100")
    checked = check_paths(paths)
    results = [r.judged(strict, fail_under) for r in checked.results]
    importlib.import_module(FORMATS[format]).report(results, sys.stdout)
    failed = any(r.failed for r in results)
    return checked.exit_code(EXIT_FAILED if failed else EXIT_OK)
