"""`cjm render` as a command of the typer app, from `cjm.cli.render.OPTIONS`.

The app uses it for `cjm render --help`, shell completion and the command
lines the quick loop leaves to it (a mistake gets click's words, in cjm's
form); a plain command line is read by the loop of cjm.cli.options over the
same table. tests/render/test_render_cli.py holds the two readings to the
same options.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated, Optional

import typer

from cjm.cli.render import DEFAULT_OUT, DOT_VARIABLE, HELP, OPTIONS, PATHS_HELP, run_render
from cjm.cli.typer_options import typer_option

__all__ = ["render"]


_option = partial(typer_option, OPTIONS)


def render(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help=PATHS_HELP)],
    out: Annotated[str, _option("out")] = DEFAULT_OUT,
    to: Annotated[Optional[str], _option("to")] = None,  # noqa: UP045 (typer on 3.10)
    template_dir: Annotated[Optional[str], _option("template_dir")] = None,  # noqa: UP045
    dot: Annotated[Optional[str], _option("dot", envvar=DOT_VARIABLE)] = None,  # noqa: UP045
    layout: Annotated[Optional[str], _option("layout")] = None,  # noqa: UP045
    poster: Annotated[Optional[str], _option("poster")] = None,  # noqa: UP045
) -> int:
    return run_render(paths, out, to, template_dir, dot, layout, poster)


render.__doc__ = HELP
