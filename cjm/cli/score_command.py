"""`cjm score` as a command of the typer app, from `cjm.cli.score.OPTIONS`.

The app uses it for `cjm score --help`, shell completion and the command
lines the quick loop leaves to it (so mistakes get click's words, in cjm's
form); a plain command line is read by the loop of cjm.cli.options over the
same table. tests/cli/test_score_cli.py holds the two readings to the same
options.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated, Optional

import typer

from cjm.cli.score import HELP, OPTIONS, PATHS_HELP, ScoreOptions, run_score
from cjm.cli.typer_options import typer_option

__all__ = ["score"]


_option = partial(typer_option, OPTIONS)


def score(
    paths: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045 (typer on 3.10)
        metavar="[PATH...]", help=PATHS_HELP, show_default=False)] = None,
    format: Annotated[str, _option("format")] = "text",
    strict: Annotated[bool, _option("strict")] = False,
    fail_under: Annotated[Optional[float], _option("fail_under", min=0, max=100)] = None,  # noqa: UP045
) -> int:
    return run_score(ScoreOptions(paths or ["."], format, strict, fail_under))


score.__doc__ = HELP
