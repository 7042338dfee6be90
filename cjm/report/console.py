"""The one place a rich Console is built, and where its width is chosen.

Colour follows the terminal: off when the stream is not a terminal or when
NO_COLOR is set (rich reads both). Tests pin the width (CJM_WIDTH) and turn
colour off. `plain_width` says when rich would print no colour at all and at
what width, so cjm.report.layout can write the same text without rich.
"""

from __future__ import annotations

import builtins
import errno
import os
import sys

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import TextIO

    from rich.console import Console

UNSURE_ENVIRONMENT = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "UNICODE_VERSION",
                      "JUPYTER_COLUMNS", "DATABRICKS_RUNTIME_VERSION")
"""Settings that change how rich decides on colour, width or character widths: with any of
them set, rich draws."""


def make_console(stream: TextIO, *, width: int | None = None, color: bool | None = None) -> Console:
    """A console on `stream`. A broken pipe is raised as BrokenPipeError, so the command line's
    one handler says so and exits 2 (rich would exit 1 by itself, silently)."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    width = _pinned_width() if width is None else width
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


def _pinned_width() -> int | None:
    return int(os.environ["CJM_WIDTH"]) if os.environ.get("CJM_WIDTH", "").isdigit() else None


def plain_width(stream: TextIO) -> int | None:
    """The width make_console(stream) would have when it would print no colour and no escape at
    all (the stream is not a terminal) with UTF-8 box lines; None when rich should draw."""
    isatty = getattr(stream, "isatty", None)
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    if (sys.platform == "win32" or not encoding.startswith("utf") or hasattr(builtins, "get_ipython")
            or any(name in os.environ for name in UNSURE_ENVIRONMENT)):
        return None  # legacy Windows consoles, ASCII boxes, Jupyter, or rich's own settings
    try:
        if isatty is not None and isatty():
            return None
    except ValueError:  # a closed stream: rich calls it no terminal too
        pass
    width = _pinned_width()
    if width is None and os.environ.get("COLUMNS", "").isdigit():
        width = int(os.environ["COLUMNS"])
    return _terminal_width() if width is None else width


def _terminal_width() -> int:
    """As rich: the first of stdin, stdout and stderr that is a terminal gives the width, else 80."""
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


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
