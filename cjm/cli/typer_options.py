"""A typer option from a command's table of options (cjm.cli.options.Option): the app's commands
take their flags and help from the same tables the quick loop reads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import typer

from cjm.cli.options import Option


def typer_option(options: Sequence[Option], dest: str, **extra: Any) -> Any:
    """The typer option for `dest` in `options`; `extra` adds what only click needs (a range...)."""
    option = next(o for o in options if o.dest == dest)
    return typer.Option(*option.flags, help=option.help, metavar=option.metavar, **extra)
