"""`cjm score`: check the maps, then show their engagement scorecards.

One table of options, read two ways, as for `cjm validate`: a plain command
line is read by the small loop of cjm.cli.options (no argparse, no typer, and
no rich unless the scorecard goes to a terminal); its help, shell completion
and any command line that loop does not take go through the typer app, with
the click command built from the same table (`cjm.cli.score_command`), so
every message stays the app's own.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError
from cjm.cli.options import Option, read_plain
from cjm.records import record

REPORTERS = {"text": "cjm.report.scorecard", "json": "cjm.report.score_json"}
HELP = "The engagement scorecard: per phase, the chain found, its score, what is missing."
PATHS_HELP = "Map files or folders (default: the current folder)."
OPTIONS = (
    Option(("--format", "-f"), "format", "text or json.", choices=tuple(REPORTERS), default="text"),
    Option(("--strict",), "strict", "Warnings fail too.", flag=True),
    Option(("--fail-under",), "fail_under", "A map scoring below N fails.", score=True),
)
"""The single definition of score's options."""


@record
class ScoreOptions:
    paths: list[str]
    format: str = "text"
    strict: bool = False
    fail_under: float | None = None


def parse(argv: Sequence[str]) -> ScoreOptions | None:
    """The options of a plain command line; None when the typer app should read it instead (a
    mistake, which the app words; a format or score it refuses with run_score's message)."""
    plain = read_plain(argv, OPTIONS)
    if plain is None:
        return None
    paths, values = plain
    return ScoreOptions(paths or ["."], **values)  # type: ignore[arg-type]


def run_score(options: ScoreOptions) -> int:
    """Check the maps, show their scorecards, and return the exit code."""
    import importlib

    from cjm.cli.checking import check_paths

    if options.format not in REPORTERS:
        raise UsageError(f"--format must be one of {', '.join(REPORTERS)}, not '{options.format}'")
    if options.fail_under is not None and not 0 <= options.fail_under <= 100:  # NaN fails this too
        raise UsageError(f"--fail-under {options.fail_under}: use a score from 0 to 100")
    checked = check_paths(options.paths)
    results = [r.judged(options.strict, options.fail_under) for r in checked.results]
    importlib.import_module(REPORTERS[options.format]).report(results, sys.stdout)
    failed = any(r.failed for r in results)
    return checked.exit_code(EXIT_FAILED if failed else EXIT_OK)


def main(argv: Sequence[str]) -> int | None:
    """Run `cjm score ARGV`, or None when the typer app should."""
    options = parse(argv)
    return None if options is None else run_score(options)
