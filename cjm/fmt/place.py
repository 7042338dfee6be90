"""Write a map's comments back into its formatted text, for `cjm fmt`.

The formatted text comes from ruamel.yaml without comments; every comment
goes back beside the entry it was anchored to (see `cjm.fmt.anchor`),
found by its path in the new text, so a comment travels with a moved key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from cjm.fmt.anchor import CommentPlan, Group
from cjm.fmt.comments import Comment, Line
from cjm.fmt.nodes import Entry, NodeIndex, Path

_HEADER, _AFTER, _BEFORE, _OVERFLOW, _FOOTER = range(5)

Chunk = tuple[tuple[int, int, int, int], Sequence[str | None]]


def place_comments(plan: CommentPlan, text: str, index: NodeIndex) -> str:
    """`text` (formatted, without comments) with the planned comments put back."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    placer = _Placer(lines, index)
    for group in plan.groups:
        placer.add_group(group)
    for anchor, comment in plan.inline:
        placer.add_inline(anchor, comment)
    return placer.assemble()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _Placer:
    def __init__(self, lines: list[str], index: NodeIndex) -> None:
        self.lines = lines
        self.index = index
        self.by_path = index.by_path()
        self.inserts: dict[int, list[Chunk]] = defaultdict(list)
        self.appends: dict[int, Comment] = {}
        self.count = 0

    def insert(self, gap: int, rank: int, sub: int, order: int, chunk: Sequence[str | None]) -> None:
        self.count += 1
        self.inserts[gap].append(((rank, sub, order, self.count), chunk))

    def entry(self, path: Path | None) -> Entry | None:
        return self.by_path.get(path) if path is not None else None

    def add_group(self, group: Group) -> None:
        order = next((c.line for c in group.lines if c is not None), 0)
        entry = self.entry(group.anchor)
        if group.kind == "header":
            self.insert(0, _HEADER, 0, order, _render(group.lines, 0, 0))
        elif entry is None:
            self.insert(len(self.lines), _FOOTER, 0, order, _render(group.lines, 0, 0))
        elif group.kind == "after":
            chunk = _render(group.lines, entry.column, group.ref_column)
            self.insert(entry.last_line + 1, _AFTER, -entry.column, order, chunk)
        else:
            base = _indent(self.lines[entry.start[0]])
            chunk = _render(group.lines, base, group.ref_column)
            self.insert(entry.start[0], _BEFORE, len(entry.path), order, chunk)

    def add_inline(self, anchor: Path | None, comment: Comment) -> None:
        entry = self.entry(anchor)
        if anchor is None:
            self.insert(0, _HEADER, 0, comment.line, [comment.text])
        elif entry is None:
            self.insert(len(self.lines), _FOOTER, 0, comment.line, [comment.text])
        elif entry.head_end[0] in self.appends:
            number = entry.head_end[0]
            chunk = [" " * _indent(self.lines[number]) + comment.text]
            self.insert(number, _OVERFLOW, 0, comment.line, chunk)
        else:
            self.appends[entry.head_end[0]] = comment

    def assemble(self) -> str:
        out: list[str] = []
        for gap in range(len(self.lines) + 1):
            chunks = sorted(self.inserts.get(gap, []), key=lambda chunk: chunk[0])
            block = [line for _, chunk in chunks for line in chunk]
            if gap == len(self.lines):
                while block and block[-1] is None:
                    block.pop()
            self.emit_block(out, block, gap)
            if gap < len(self.lines):
                out.append(self.with_inline(gap))
        return "\n".join(out) + "\n"

    def emit_block(self, out: list[str], block: Sequence[str | None], gap: int) -> None:
        after_scalar = self.index.block_ends.get(gap - 1)
        inserted_blank = False
        for line in block:
            if line is None:
                keep = after_scalar is not None and after_scalar[1]
                if out and not inserted_blank and not keep:
                    out.append("")
                    inserted_blank = True
                continue
            if after_scalar is not None:
                line = " " * min(_indent(line), after_scalar[0]) + line.lstrip(" ")
                after_scalar = None  # that comment line ended the scalar
            out.append(line)
            inserted_blank = False

    def with_inline(self, number: int) -> str:
        line = self.lines[number]
        comment = self.appends.get(number)
        if comment is None:
            return line
        return line.rstrip() + " " * comment.gap + comment.text


def _render(lines: list[Line], base: int, ref: int) -> list[str | None]:
    return [None if c is None else " " * (base + max(0, c.column - ref)) + c.text for c in lines]
