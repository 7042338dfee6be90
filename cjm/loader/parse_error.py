"""What a parser error says and where: the words and places cjm.loader.mistakes reads."""

from __future__ import annotations

import re

from cjm.diagnostic import Pos
from cjm.records import record


@record(hashable=True)
class Explained:
    message: str
    pos: Pos
    hint: str | None = None


@record(hashable=True)
class ParseError:
    """What the parser said: its words, where it stopped and where the thing it read began."""

    problem: str
    context: str
    at: Pos
    began: Pos | None
    character: str | None = None


class Source:
    """The map's lines, 1-based, as the parser read them."""

    def __init__(self, text: str) -> None:
        self.lines = re.split(r"\r\n|\r|\n", text)  # as cjm counts lines

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def previous_content(self, number: int) -> int:
        """The nearest line before `number` that holds something other than a comment."""
        for candidate in range(number - 1, 0, -1):
            stripped = self.line(candidate).strip()
            if stripped and not stripped.startswith("#"):
                return candidate
        return 0


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def lines_read(error: ParseError) -> range:
    """The lines the parser read for the thing it failed on, first to last."""
    first = error.began.line if error.began else error.at.line
    return range(min(first, error.at.line), error.at.line + 1)
