"""`cjm validate`: argparse only, so the pre-commit hook starts fast.

This is the single definition of validate's options; the typer app forwards
to it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from cjm import __version__
from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError

FORMATS = ("text", "json", "github", "sarif")
HELP = "Check journey maps: structure, references and the engagement sequence."


@dataclass
class ValidateOptions:
    paths: list[str]
    format: str = "text"
    strict: bool = False
    fail_under: float | None = None
    quiet: bool = False


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `cjm validate --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cjm validate", description=HELP,
                     epilog="Exit codes: 0 nothing failed, 1 a map failed, 2 usage error.")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="map files, or folders holding *.cjm.yaml / *.cjm.yml maps")
    parser.add_argument("--format", "-f", choices=FORMATS, default="text",
                        help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument("--fail-under", type=_score, metavar="N",
                        help="a map scoring below N (0-100) fails")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="text format: show errors only, no summary when all pass")
    parser.add_argument("--version", "-V", action="version", version=f"cjm {__version__}")
    return parser


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("use a score from 0 to 100")
    return value


def parse(argv: Sequence[str]) -> ValidateOptions:
    ns = build_parser().parse_args(list(argv))
    return ValidateOptions(ns.paths, ns.format, ns.strict, ns.fail_under, ns.quiet)


def run_validate(options: ValidateOptions, stream: TextIO | None = None) -> int:
    """Check the maps, report them, and return the exit code."""
    from cjm.cli.checking import check_paths
    from cjm.report import get_reporter

    stream = stream or sys.stdout
    checked = check_paths(options.paths)
    results = [r.judged(options.strict, options.fail_under) for r in checked.results]
    quiet = options.quiet and options.format == "text"
    get_reporter("text-quiet" if quiet else options.format)(results, stream)
    failed = any(r.failed for r in results)
    return checked.exit_code(EXIT_FAILED if failed else EXIT_OK)


def main(argv: Sequence[str]) -> int:
    return run_validate(parse(argv))
