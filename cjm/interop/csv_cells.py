"""CSV records with the position of every cell, as spreadsheets write them (RFC 4180).

Python's csv module reads the same cells but keeps no positions; a user
fixing a broken row needs the line and column. A cell is plain text up to
the next delimiter or line break, or a quoted cell: `"` to `"`, with `""`
for a quote and line breaks kept inside. Text after a closing quote is kept,
as Excel and Python's csv do. Line breaks are `\\r\\n`, `\\n` or `\\r`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cjm.diagnostic import Pos

DELIMITERS = (",", ";", "\t")
"""Comma; semicolon (Excel where the decimal separator is a comma); tab (pasted from a sheet)."""


@dataclass(frozen=True)
class Cell:
    text: str
    pos: Pos
    """Where the cell starts: its first character, or its opening quote."""


@dataclass(frozen=True)
class Record:
    number: int
    """The spreadsheet's row number: the header is row 1."""
    cells: list[Cell]
    end: Pos
    """Just after the record's last character (where a missing cell would go)."""

    @property
    def blank(self) -> bool:
        return all(not cell.text.strip() for cell in self.cells)


class UnclosedQuote(Exception):
    def __init__(self, pos: Pos, number: int) -> None:
        super().__init__(f"row {number}: a quoted cell is never closed")
        self.pos = pos
        self.number = number


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first line into the most cells (a comma on a tie)."""
    first = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    unquoted = re.sub(r'"[^"]*"', "", first)
    return max(DELIMITERS, key=lambda d: (unquoted.count(d), d == ","))


def read_records(text: str, delimiter: str) -> list[Record]:
    """Every record of `text`, in order. Raises UnclosedQuote at the quote that opens the cell."""
    reader = _Reader(text, delimiter)
    records: list[Record] = []
    while not reader.done():
        records.append(reader.record(len(records) + 1))
    return records


class _Reader:
    def __init__(self, text: str, delimiter: str) -> None:
        self.text, self.delimiter = text, delimiter
        self.at, self.line, self.column = 0, 1, 1

    def done(self) -> bool:
        return self.at >= len(self.text)

    def pos(self) -> Pos:
        return Pos(self.line, self.column)

    def record(self, number: int) -> Record:
        cells = [self.cell(number)]
        while not self.done() and self.text[self.at] == self.delimiter:
            self.advance(1)
            cells.append(self.cell(number))
        end = self.pos()
        if not self.done():
            self.newline()
        return Record(number, cells, end)

    def cell(self, number: int) -> Cell:
        start = self.pos()
        parts: list[str] = []
        if not self.done() and self.text[self.at] == '"':
            self.advance(1)
            parts.append(self.quoted(start, number))
        stop = self.text_end()
        parts.append(self.text[self.at:stop])
        self.advance(stop - self.at)
        return Cell("".join(parts), start)

    def quoted(self, start: Pos, number: int) -> str:
        parts: list[str] = []
        while True:
            close = self.text.find('"', self.at)
            if close < 0:
                raise UnclosedQuote(start, number)
            parts.append(self.text[self.at:close])
            self.walk(close + 1)
            if self.text[self.at:self.at + 1] != '"':
                return "".join(parts)
            parts.append('"')
            self.advance(1)

    def text_end(self) -> int:
        """Where the plain text from here ends: the next delimiter or line break."""
        for index in range(self.at, len(self.text)):
            if self.text[index] in (self.delimiter, "\n", "\r"):
                return index
        return len(self.text)

    def newline(self) -> None:
        width = 2 if self.text.startswith("\r\n", self.at) else 1
        self.at += width
        self.line, self.column = self.line + 1, 1

    def advance(self, count: int) -> None:
        """Move over `count` characters of one line."""
        self.at += count
        self.column += count

    def walk(self, stop: int) -> None:
        """Move to `stop` over text that may hold line breaks (inside quotes)."""
        chunk = self.text[self.at:stop]
        breaks = list(re.finditer(r"\r\n|\r|\n", chunk))
        if breaks:
            self.line += len(breaks)
            self.column = len(chunk) - breaks[-1].end() + 1
        else:
            self.column += len(chunk)
        self.at = stop
