"""`cjm validate` as a command of the typer app, from `cjm.cli.validate.OPTIONS`.

The app uses it for `cjm validate --help` (the same look as every other
command's help) and for shell completion; running the command goes through
the argparse parser of the same table, which starts faster. Flags and help
texts come from the table; tests/cli/test_validate_cli.py holds the two
parsers to the same options.
"""

from __future__ import annotations

from enum import Enum
from functools import partial
from typing import Annotated, Optional

import typer

from cjm import __version__
from cjm.cli.errors import EXIT_OK
from cjm.cli.typer_options import typer_option
from cjm.cli.validate import EPILOG, HELP, OPTIONS, PATHS_HELP, ValidateOptions, run_validate
from cjm.report import MAX_ANNOTATIONS

__all__ = ["EPILOG", "Format", "validate"]


class Format(str, Enum):
    """The choices of --format, as typer shows them (the same as cjm.cli.validate.FORMATS)."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


_option = partial(typer_option, OPTIONS)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cjm {__version__}")
        raise typer.Exit(EXIT_OK)


def validate(
    paths: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045 (typer on 3.10)
        metavar="[PATH...]", help=PATHS_HELP, show_default=False)] = None,
    format: Annotated[Format, _option("format")] = Format.text,
    strict: Annotated[bool, _option("strict")] = False,
    fail_under: Annotated[Optional[float], _option("fail_under", min=0, max=100)] = None,  # noqa: UP045
    quiet: Annotated[bool, _option("quiet")] = False,
    max_annotations: Annotated[int, _option("max_annotations", min=1)] = MAX_ANNOTATIONS,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> int:
    return run_validate(ValidateOptions(paths or ["."], format.value, strict, fail_under, quiet,
                                        max_annotations))


validate.__doc__ = HELP
