"""`cjm score`: check the maps, then show their engagement scorecards.

One table of options, read two ways, as for `cjm validate`: running the
command goes through a small argparse parser built from OPTIONS (no typer,
and no rich unless a text scorecard is printed); its help, shell completion
and any command line that parser does not take as it is go through the typer
app, with the click command built from the same table
(`cjm.cli.score_command`), so every message stays the app's own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError
from cjm.cli.validate import Option

REPORTERS = {"text": "cjm.report.scorecard", "json": "cjm.report.score_json"}
HELP = "The engagement scorecard: per phase, the chain found, its score, what is missing."
PATHS_HELP = "Map files or folders (default: the current folder)."
OPTIONS = (
    Option(("--format", "-f"), "format", "text or json.", default="text"),
    Option(("--strict",), "strict", "Warnings fail too.", flag=True),
    Option(("--fail-under",), "fail_under", "A map scoring below N fails.", score=True),
)
"""The single definition of score's options."""


@dataclass
class ScoreOptions:
    paths: list[str]
    format: str = "text"
    strict: bool = False
    fail_under: float | None = None


class _NotPlain(Exception):
    """The command line needs the typer app: a mistake it words, or something argparse reads otherwise."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotPlain(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cjm score", add_help=False, allow_abbrev=False)
    parser.add_argument("paths", nargs="*")
    for option in OPTIONS:
        if option.flag:
            parser.add_argument(*option.flags, dest=option.dest, action="store_true")
        else:
            parser.add_argument(*option.flags, dest=option.dest, type=_score if option.score else str,
                                default=option.default)
    return parser


def _score(text: str) -> float:
    """click's FloatRange(0, 100): a number, and not outside 0-100 (NaN passes, as with click)."""
    value = float(text)
    if value < 0 or value > 100:
        raise ValueError(text)
    return value


def parse(argv: Sequence[str]) -> ScoreOptions | None:
    """The options of a plain command line; None when the typer app should read it instead."""
    if "--" in argv:
        return None  # argparse and click differ on what follows `--`
    try:
        ns, extra = build_parser().parse_known_intermixed_args(list(argv))
    except _NotPlain:
        return None
    if extra or any(path.startswith("-") and path != "-" for path in ns.paths):
        return None  # click calls "-a b" an option; argparse, a path
    return ScoreOptions(ns.paths or ["."], ns.format, ns.strict, ns.fail_under)


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
