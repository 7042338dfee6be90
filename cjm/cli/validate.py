"""`cjm validate`: one table of options, read two ways.

pre-commit runs `cjm validate` on every commit, so running it goes through a
small argparse parser built from OPTIONS (no typer, no rich on the happy
path). `cjm validate --help` and shell completion go through the typer app
like every other command, with a click command built from the same table
(`cjm.cli.validate_command`), so the help looks the same as the others'.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from cjm import __version__
from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError

FORMATS = ("text", "json", "github", "sarif")
HELP = "Check journey maps: structure, references and the engagement sequence."
EPILOG = "Exit codes: 0 nothing failed, 1 a map failed, 2 usage error."
PATHS_HELP = "Map files, or folders holding *.cjm.yaml / *.cjm.yml maps (default: the current folder)."


@dataclass(frozen=True)
class Option:
    """One option of `cjm validate`: its flags, what it sets, its help."""

    flags: tuple[str, ...]
    dest: str
    help: str
    flag: bool = False
    """A switch (no value)."""
    choices: tuple[str, ...] = ()
    score: bool = False
    """Takes a score from 0 to 100."""
    metavar: str | None = None
    default: str | None = None


OPTIONS = (
    Option(("--format", "-f"), "format",
           "text for people, json for tools, github for annotations in a pull request, sarif for "
           "code scanning.", choices=FORMATS,
           default="text"),
    Option(("--strict",), "strict", "Warnings fail too.", flag=True),
    Option(("--fail-under",), "fail_under", "A map scoring below N (0-100) fails.", score=True, metavar="N"),
    Option(("--quiet", "-q"), "quiet",
           "Text format: errors only, and one line per map that fails, saying why.", flag=True),
)
"""The single definition of validate's options (the version and help options are added to both)."""


@dataclass
class ValidateOptions:
    paths: list[str]
    format: str = "text"
    strict: bool = False
    fail_under: float | None = None
    quiet: bool = False


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message}; see `cjm validate --help`")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cjm validate", description=HELP, epilog=EPILOG, allow_abbrev=False)
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    for option in OPTIONS:
        if option.flag:
            parser.add_argument(*option.flags, dest=option.dest, action="store_true", help=option.help)
        else:
            kind = _score if option.score else _choice(option) if option.choices else str
            parser.add_argument(*option.flags, dest=option.dest, type=kind, default=option.default,
                                metavar=option.metavar or "|".join(option.choices), help=option.help)
    parser.add_argument("--version", "-V", action="version", version=f"cjm {__version__}")
    return parser


def flags() -> list[str]:
    """Every flag `cjm validate` takes, for "did you mean"."""
    return [flag for option in OPTIONS for flag in option.flags] + ["--version", "-V", "--help", "-h"]


def _choice(option: Option) -> Callable[[str], str]:
    def check(text: str) -> str:
        if text in option.choices:
            return text
        from cjm.diagnostic import did_you_mean

        raise argparse.ArgumentTypeError(f"'{text}' is not one of {', '.join(option.choices)}"
                                         f"{did_you_mean(text, option.choices)}")

    return check


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 0 <= value <= 100:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text} is not a score from 0 to 100")
    return value


def parse(argv: Sequence[str]) -> ValidateOptions:
    ns, extra = build_parser().parse_known_args(list(argv))
    if extra:
        from cjm.diagnostic import did_you_mean

        unknown = extra[0]
        raise UsageError(f"no such option: {unknown}{did_you_mean(unknown.split('=')[0], flags())}; "
                         "see `cjm validate --help`")
    return ValidateOptions(ns.paths or ["."], ns.format, ns.strict, ns.fail_under, ns.quiet)


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
