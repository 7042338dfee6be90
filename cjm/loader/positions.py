"""Where each value and key of a loaded map stands in the user's file.

A path is a tuple of mapping keys and sequence indexes, as in
`("stages", 1, "touchpoints", 0, "emotion")`. Positions are 1-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cjm.diagnostic import START, Pos

Path = tuple[str | int, ...]


@dataclass
class Positions:
    """Line and column of every value (and every mapping key) by path."""

    values: dict[Path, Pos] = field(default_factory=dict)
    keys: dict[Path, Pos] = field(default_factory=dict)
    hashtags: dict[Path, tuple[Pos, str]] = field(default_factory=dict)
    """Plain values followed on their line by a comment that reads like a hashtag (`#BringAFriend`,
    no space after `#`): where the `#` is, and the comment's text."""

    def of(self, path: Path) -> Pos:
        """The value at `path`, or the nearest parent that has a position."""
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), START)

    def key(self, path: Path) -> Pos:
        """The key that holds the value at `path` (falls back to the value)."""
        return self.keys.get(path) or self.of(path)


def format_path(path: Path) -> str:
    """`("stages", 1, "touchpoints", 0, "emotion")` -> `stages[1].touchpoints[0].emotion`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


class LineIndex:
    """Turns a character index into a line and column, counting lines as cjm shows
    them (breaks at \\n, \\r\\n and \\r only), whatever the parser counts."""

    def __init__(self, text: str) -> None:
        import re

        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def pos(self, index: int) -> Pos:
        from bisect import bisect_right

        line = bisect_right(self.starts, index)
        return Pos(line, index - self.starts[line - 1] + 1)
