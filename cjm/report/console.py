"""The one place a rich Console is built.

Colour follows the terminal: off when the stream is not a terminal or when
NO_COLOR is set (rich reads both). Tests pin the width and turn colour off.
"""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def make_console(stream: TextIO, *, width: int | None = None, color: bool | None = None) -> Console:
    """A console on `stream`. A broken pipe is raised as BrokenPipeError, so the command line's
    one handler says so and exits 2 (rich would exit 1 by itself, silently)."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    if width is None and os.environ.get("CJM_WIDTH", "").isdigit():
        width = int(os.environ["CJM_WIDTH"])
    no_color = color is False or "NO_COLOR" in os.environ
    return _Console(
        file=stream,
        width=width,
        no_color=no_color,
        force_terminal=True if color else None,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
