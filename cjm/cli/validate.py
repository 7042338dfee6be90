"""`cjm validate`: one table of options, read two ways.

pre-commit runs `cjm validate` on every commit, so running it reads its
arguments with a small loop over OPTIONS (cjm.cli.options: no typer, no rich,
not even argparse on the happy path); anything that loop does not simply accept (an
unknown or malformed option, a bad value, `--version`) goes to an argparse
parser built from the same table, which gives the message. Options and paths
may come in any order. `cjm validate --help` and shell completion go through
the typer app like every other command, with a click command built from the
same table (`cjm.cli.validate_command`), so the help looks the same as the
others'.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import partial

from cjm import __version__
from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError
from cjm.cli.options import Option, count_value, read_plain, score_value
from cjm.records import record
from cjm.report import MAX_ANNOTATIONS

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import TextIO

if TYPE_CHECKING:
    import argparse

FORMATS = ("text", "json", "github", "sarif")
HELP = "Check journey maps: structure, references and the engagement sequence."
EPILOG = "Exit codes: 0 nothing failed, 1 a map failed, 2 usage error."
PATHS_HELP = "Map files, or folders holding *.cjm.yaml / *.cjm.yml maps (default: the current folder)."


OPTIONS = (
    Option(("--format", "-f"), "format",
           "text for people, json for tools, github for annotations in a pull request, sarif for "
           "code scanning.", choices=FORMATS,
           default="text"),
    Option(("--strict",), "strict", "Warnings fail too.", flag=True),
    Option(("--fail-under",), "fail_under", "A map scoring below N (0-100) fails.", score=True, metavar="N"),
    Option(("--quiet", "-q"), "quiet",
           "Text format: errors only, and one line per map that fails, saying why.", flag=True),
    Option(("--max-annotations",), "max_annotations",
           "GitHub format: at most N annotations of each kind (GitHub shows 10 per step); the rest go "
           "to the log.", count=True, metavar="N",
           default=str(MAX_ANNOTATIONS)),
)
"""The single definition of validate's options (the version and help options are added to both)."""


@record
class ValidateOptions:
    paths: list[str]
    format: str = "text"
    strict: bool = False
    fail_under: float | None = None
    quiet: bool = False
    max_annotations: int = MAX_ANNOTATIONS


def build_parser() -> argparse.ArgumentParser:
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            raise UsageError(f"{message}; see `cjm validate --help`")

    parser = Parser(prog="cjm validate", description=HELP, epilog=EPILOG, allow_abbrev=False)
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    for option in OPTIONS:
        if option.flag:
            parser.add_argument(*option.flags, dest=option.dest, action="store_true", help=option.help)
        else:
            kind = (_score if option.score else _count if option.count
                    else _choice(option) if option.choices else str)
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

        raise _bad(f"'{text}' is not one of {', '.join(option.choices)}{did_you_mean(text, option.choices)}")

    return check


def _score(text: str) -> float:
    value = score_value(text)
    if value is None:
        try:
            float(text)
        except ValueError:
            raise _bad(f"'{text}' is not a number") from None
        raise _bad(f"{text} is not a score from 0 to 100")
    return value


def _count(text: str) -> int:
    value = count_value(text)
    if value is None:
        raise _bad(f"'{text}' is not a whole number of at least 1")
    return value


def _bad(message: str) -> Exception:
    import argparse

    return argparse.ArgumentTypeError(message)


def _quick(argv: Sequence[str]) -> ValidateOptions | None:
    """The options, read without argparse when every argument is plain (cjm.cli.options); None for
    anything else, which argparse then reads and explains."""
    plain = read_plain(argv, OPTIONS)
    if plain is None:
        return None
    paths, values = plain
    return ValidateOptions(paths or ["."], **values)  # type: ignore[arg-type]


def parse(argv: Sequence[str]) -> ValidateOptions:
    quick = _quick(argv)
    if quick is not None:
        return quick
    ns, extra = build_parser().parse_known_intermixed_args(list(argv))
    if extra:
        from cjm.diagnostic import did_you_mean

        unknown = extra[0]
        raise UsageError(f"no such option: {unknown}{did_you_mean(unknown.split('=')[0], flags())}; "
                         "see `cjm validate --help`")
    return ValidateOptions(ns.paths or ["."], ns.format, ns.strict, ns.fail_under, ns.quiet,
                           int(ns.max_annotations))


def run_validate(options: ValidateOptions, stream: TextIO | None = None) -> int:
    """Check the maps, report each as it is checked (cjm.cli.checking), and return the exit code."""
    from cjm.check.result import FileResult
    from cjm.cli.checking import stream_paths
    from cjm.report import get_reporter

    stream = stream or sys.stdout
    judge = partial(FileResult.judged, strict=options.strict, fail_under=options.fail_under)
    results = stream_paths(options.paths, judge)  # judged and lean already
    if options.format == "github":
        from cjm.cli.job_summary import append_job_summary, wanted_summary
        from cjm.report.github import report

        summary = wanted_summary()
        report(results if summary is None else map(summary.add, results), stream, options.max_annotations)
        if summary is not None:
            append_job_summary(summary)
    else:
        quiet = options.quiet and options.format == "text"
        get_reporter("text-quiet" if quiet else options.format)(results, stream)
    return results.exit_code(EXIT_FAILED if results.failed else EXIT_OK)


def main(argv: Sequence[str]) -> int:
    return run_validate(parse(argv))
