"""Find every comment of a YAML text, for `cjm fmt`.

A `#` starts a comment when it follows a blank or starts a line and lies
outside every scalar (so `#product` inside a title or a `#` line inside a
`|` block is text). Blank lines count too: the formatter keeps them, one at
most in a row.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from cjm.fmt.nodes import NodeIndex

WHOLE_LINE = 1 << 30


class Comment(NamedTuple):
    line: int
    column: int
    text: str
    """From `#` to the end of the line, trailing blanks removed."""
    inline: bool
    """After content on the same line."""
    gap: int = 1
    """Blanks between the content and the `#` (inline comments)."""


Line = Comment | None
"""A comment line to write back, or None for a blank line."""


def find_comments(text: str, index: NodeIndex) -> tuple[list[Comment], set[int]]:
    """Every comment, and the blank lines outside scalars."""
    lines = text.split("\n")
    candidates = {number for number, line in enumerate(lines) if "#" in line or not line.strip()}
    masks = _scalar_masks(index, candidates)
    comments: list[Comment] = []
    blanks: set[int] = set()
    for number in sorted(candidates):
        line = lines[number]
        masked = masks.get(number)
        stripped = line.lstrip(" \t")
        if not stripped.strip():
            if not masked:
                blanks.add(number)
            continue
        if not masked and stripped[0] == "#":  # a comment line, the most common kind
            comments.append(Comment(number, len(line) - len(stripped), stripped.rstrip(), False, 0))
            continue
        column = _comment_column(line, masked or [])
        if column is None:
            continue
        before = line[:column]
        inline = before.strip() != ""
        gap = len(before) - len(before.rstrip()) if inline else 0
        comments.append(Comment(number, column, line[column:].rstrip(), inline, gap))
    return comments, blanks


def _scalar_masks(index: NodeIndex, lines: set[int]) -> dict[int, list[tuple[int, int]]]:
    """The parts of `lines` that scalars cover."""
    masks: dict[int, list[tuple[int, int]]] = defaultdict(list)
    if not lines:
        return masks
    for (l0, c0), (l1, c1) in index.scalar_spans:
        if l0 == l1:
            if l0 in lines:
                masks[l0].append((c0, c1))
            continue
        masks[l0].append((c0, WHOLE_LINE))
        for number in range(l0 + 1, l1):  # scalars do not overlap: linear in the lines
            masks[number].append((0, WHOLE_LINE))
        if c1 > 0:
            masks[l1].append((0, c1))
    return masks


def _comment_column(line: str, masked: list[tuple[int, int]]) -> int | None:
    pos = line.find("#")
    while pos != -1:
        free = not any(a <= pos < b for a, b in masked)
        if free and (pos == 0 or line[pos - 1] in " \t"):
            return pos
        pos = line.find("#", pos + 1)
    return None


def without_comments(text: str, comments: list[Comment], blanks: set[int]) -> tuple[str, dict[int, int]]:
    """`text` without its comments and blank lines (the same data), and where each line went."""
    cut = {c.line: c.column for c in comments}
    dropped = blanks | {c.line for c in comments if not c.inline}
    kept: list[str] = []
    moved: dict[int, int] = {}
    lines = text.removesuffix("\n").split("\n")
    # The last line, when the file does not end with a line break: a `|` block there ends without one.
    unfinished = len(lines) - 1 if not text.endswith("\n") else -1
    for number, line in enumerate(lines):
        if number in dropped:
            continue
        moved[number] = len(kept)
        line = line[:cut[number]].rstrip() if number in cut else line
        kept.append(line if number == unfinished else line + "\n")
    return "".join(kept), moved
