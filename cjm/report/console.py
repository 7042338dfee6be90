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


def print_trimmed(console: Console, renderable: object) -> None:
    """Print `renderable` (a table) without the spaces rich pads its lines with, so a pipe or a
    golden file has no trailing whitespace. Styles are kept."""
    from rich.segment import Segment, Segments

    lines = console.render_lines(renderable, console.options, pad=False)  # type: ignore[arg-type]
    out: list[Segment] = []
    for line in lines:
        while line and not line[-1].control and not line[-1].text.strip():
            line = line[:-1]
        if line and not line[-1].control:
            last = line[-1]
            line = [*line[:-1], Segment(last.text.rstrip(), last.style)]
        out += [*line, Segment.line()]
    console.print(Segments(out), end="")


def print_wrapped(console: Console, text: object, *, indent: int = 0, hanging: int = 0) -> None:
    """Print `text` (a str or a rich Text) wrapped at the console's width, `indent` spaces before
    its first line and `indent + hanging` before the others, without trailing spaces."""
    from rich.text import Text

    body = text if isinstance(text, Text) else Text(str(text))
    first, rest = " " * indent, " " * (indent + hanging)
    for index, part in enumerate(body.wrap(console, max(20, console.width - len(rest)))):
        part.rstrip()
        console.print(Text(rest if index else first) + part, soft_wrap=True)
