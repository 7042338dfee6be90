"""The plain-text backend of cjm.report.layout: what rich prints without colour, byte for byte,
without importing rich (about 90 ms of a scorecard in a pipe).

It follows rich's own steps for the two kinds of block: a paragraph is wrapped as rich's
Text.wrap wraps (words, by rich.\\_wrap.divide_line; a word wider than a line folded by cells),
each line right-stripped, with the indents of print_wrapped; a table is laid out as rich's
SIMPLE_HEAD table without edges or edge padding (each column as wide as its widest cell, one
space of right padding and a space between columns, a rule under the header), each line
right-stripped as print_trimmed does. It takes only the common case and declines (None: rich
draws) whenever it cannot be sure to match: a character cjm.report.cells does not measure, a
table wider than the width (rich would shrink and fold it), a width below MIN_WIDTH.
tests/report/test_plain_layout.py holds it to rich.
"""

from __future__ import annotations

import re
from itertools import pairwise

from cjm.report.cells import cell_width, char_width
from cjm.report.layout import Block, Grid, Para

MIN_WIDTH = 40
"""Below this many columns rich draws (the width the differential tests start from)."""
WRAP_FLOOR = 20
"""print_wrapped never wraps text narrower than this."""
RULE = "─"
_WORD = re.compile(r"\s*\S+\s*")
"""A word with the spaces around it, as rich.\\_wrap reads words."""


class _Unsure(Exception):
    """The plain writer cannot be sure to print what rich would."""


def plain_text(blocks: list[Block], width: int) -> str | None:
    """The blocks as rich would print them at `width` without colour; None when unsure."""
    if width < MIN_WIDTH:
        return None
    try:
        lines = [line for block in blocks for line in (
            table_lines(block, width) if isinstance(block, Grid) else para_lines(block, width))]
    except _Unsure:
        return None
    return "".join(line + "\n" for line in lines)


def _measure(text: str) -> int:
    width = cell_width(text)
    if width is None:
        raise _Unsure(text)
    return width


def para_lines(para: Para, width: int) -> list[str]:
    """As cjm.report.console.print_wrapped prints `para` at `width`."""
    text = "".join(part for part, _style in para.spans)
    _measure(text)  # every character is one measured here (so no tab and no line break)
    first, rest = " " * para.indent, " " * (para.indent + para.hanging)
    lines = wrap(text, max(WRAP_FLOOR, width - len(rest)))
    return [(rest if index else first) + line for index, line in enumerate(lines)]


def wrap(text: str, width: int) -> list[str]:
    """rich's Text.wrap of one line of `text` (justify default, overflow fold), right-stripped."""
    bounds = [0, *_breaks(text, width), len(text)]
    lines = [text[start:end].rstrip() for start, end in pairwise(bounds)]
    if any(_measure(line) > width for line in lines):
        raise _Unsure(text)  # rich would crop the line; never seen, as each word fits or is folded
    return lines


def _breaks(text: str, width: int) -> list[int]:
    """Where rich.\\_wrap.divide_line breaks `text` for lines of `width` cells."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = _measure(word.rstrip())
        if width - offset >= length:
            offset += _measure(word)
        elif length > width:
            pieces = _fold(word, width)
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = _measure(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = _measure(word)
    return breaks


def _fold(word: str, width: int) -> list[str]:
    """rich.cells.chop_cells: `word` in pieces of at most `width` cells."""
    pieces: list[str] = []
    piece, size = "", 0
    for char in word:
        cells = char_width(char) or 0
        if size + cells > width:
            pieces.append(piece)
            piece, size = "", 0
        piece, size = piece + char, size + cells
    return [*pieces, piece] if size else pieces


def table_lines(grid: Grid, width: int) -> list[str]:
    """As print_trimmed prints cjm.report.layout.rich_table(grid) at `width`, when it fits."""
    count = len(grid.columns)
    rows = [tuple(column.header for column in grid.columns),
            *(tuple(text for text, _style in row) for row in grid.rows)]
    if any(len(row) != count for row in rows):
        raise _Unsure("a row without a cell for each column")
    pads = [1] * (count - 1) + [0]  # right padding; collapsed and without edges, no left padding
    widths = [max(_measure(row[index]) for row in rows) + pads[index] or 1 for index in range(count)]
    if sum(widths) + count - 1 > width:
        raise _Unsure("rich would shrink the table")
    lines = []
    for row in rows:
        cells = [_justify(text, size - pad, column.justify) + " " * pad
                 for text, size, pad, column in zip(row, widths, pads, grid.columns, strict=True)]
        lines.append(" ".join(cells).rstrip())
    lines.insert(1, RULE * (sum(widths) + count - 1))
    return lines


def _justify(text: str, width: int, justify: str) -> str:
    """rich's Lines.justify of a one-line cell."""
    if justify == "left":
        return text + " " * (width - _measure(text))
    text = text.rstrip()
    space = width - _measure(text)
    left = (space + 1) // 2 if justify == "center" else space
    return " " * left + text + " " * (space - left)
