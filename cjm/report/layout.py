"""A report's content, described once and drawn by rich on a terminal or as plain text elsewhere.

A report (the scorecard) is a list of blocks: paragraphs (`Para`: styled spans, wrapped at the
width with an indent and a hanging indent, as cjm.report.console.print_wrapped prints them) and
tables (`Grid`: rich's SIMPLE_HEAD table without edges or edge padding, trimmed as
print_trimmed prints it). `draw` picks the backend. Where rich would print no colour (the output
is not a terminal: a pipe, a file, CI logs, pre-commit) cjm.report.plain writes the same bytes
without importing rich, and gives the blocks back to rich whenever it cannot be sure to match
(a table wider than the width, a character it does not measure).
"""

from __future__ import annotations

from collections.abc import Callable

from cjm.records import record

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import TextIO

    from rich.console import Console
    from rich.table import Table

Span = tuple[str, str]
"""Text and its rich style ("" for none)."""


@record
class Para:
    """A paragraph: wrapped at the width, `indent` spaces before its first line and
    `indent + hanging` before the others."""

    spans: tuple[Span, ...]
    indent: int = 0
    hanging: int = 0


BLANK = Para(())
"""An empty line."""


@record
class Column:
    """A table column: `fold` wraps a cell too long for it (else the cell is never wrapped)."""

    header: str
    justify: str = "left"
    fold: bool = False


@record
class Grid:
    """A table: its columns, and each row's cells as spans."""

    columns: tuple[Column, ...]
    rows: list[tuple[Span, ...]]


Block = Para | Grid
Layout = Callable[[int], list[Block]]
"""The blocks of a report at a width (a report may show less when narrow)."""


def draw(stream: TextIO, layout: Layout) -> None:
    """Write the report `layout` describes on `stream`: as plain text where rich would print no
    colour and the plain writer is sure to match it, else through rich."""
    from cjm.report.console import plain_width

    width = plain_width(stream)
    if width is not None:
        from cjm.report.plain import plain_text

        text = plain_text(layout(width), width)
        if text is not None:
            stream.write(text)
            return
    from cjm.report.console import make_console

    console = make_console(stream)
    draw_rich(console, layout(console.width))


def draw_rich(console: Console, blocks: list[Block]) -> None:
    from rich.text import Text

    from cjm.report.console import print_trimmed, print_wrapped

    for block in blocks:
        if isinstance(block, Grid):
            print_trimmed(console, rich_table(block))
        else:
            print_wrapped(console, Text.assemble(*block.spans), indent=block.indent, hanging=block.hanging)


def rich_table(grid: Grid) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False, pad_edge=False,
                  collapse_padding=True)
    for column in grid.columns:
        table.add_column(column.header, justify=column.justify,  # type: ignore[arg-type]
                         overflow="fold" if column.fold else "ellipsis", no_wrap=not column.fold)
    for row in grid.rows:
        table.add_row(*(Text(text, style=style) for text, style in row))
    return table
