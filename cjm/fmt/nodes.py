"""Where every key and list item of a YAML text sits, for `cjm fmt`.

The formatter moves keys, so it anchors each comment to a node path (stable
across the move) rather than to a line. This module composes the text once
(with libyaml, as the loader reads it: the one pure-Python ruamel.yaml parse
of `cjm fmt` is the round trip that writes the values) and records, per
entry (a mapping key or a sequence item), where it starts,
the column it is indented at, where a comment at the end of its line belongs,
and its last line; plus the spans of scalars and flow collections, so that a
`#` inside a string is never taken for a comment. Positions are 0-based.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from cjm.records import field, record

Path = tuple[str | int, ...]
Mark = tuple[int, int]
"""(line, column), 0-based."""


class Entry(NamedTuple):
    """One key or list item (a named tuple: a big map has hundreds of thousands)."""

    path: Path
    start: Mark
    column: int
    """The entry's own indentation: a key's column, a block item's dash, a flow item's column."""
    head_end: Mark
    """Where the entry's own text ends: a comment after it on the line belongs to it."""
    last_line: int


@record
class NodeIndex:
    entries: list[Entry] = field(factory=list)
    children: dict[Path, list[Path]] = field(factory=dict)
    scalar_spans: list[tuple[Mark, Mark]] = field(factory=list)
    flow_spans: list[tuple[Mark, Mark]] = field(factory=list)
    block_ends: dict[int, tuple[int, bool]] = field(factory=dict)
    """Last line of a block scalar -> (indent of its header line, keeps trailing blank lines)."""

    def by_path(self) -> dict[Path, Entry]:
        return {entry.path: entry for entry in self.entries}


def index_nodes(text: str) -> NodeIndex:
    """Index a text the loader has already accepted (valid YAML, one document)."""
    root = _compose(text)
    index = NodeIndex()
    if root is not None:
        _Walker(index, text.split("\n")).node(root, ())
    index.entries.sort(key=lambda entry: (entry.start, len(entry.path)))
    return index


def _compose(text: str) -> Any:
    """The node tree, by libyaml; scalars are not resolved (their tags are not used here)."""
    from cjm.loader.libyaml import import_yaml

    yaml = import_yaml()
    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Unresolved(base):  # type: ignore[misc]
        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return ""

    return yaml.compose(text, Loader=Unresolved)


def _mark(mark: Any) -> Mark:
    return (mark.line, mark.column)


def _is_empty(node: Any) -> bool:
    return bool(node.id == "scalar" and node.value == "" and not node.style)


def _is_block_scalar(node: Any) -> bool:
    return bool(node.id == "scalar" and node.style in ("|", ">"))


class _Walker:
    def __init__(self, index: NodeIndex, lines: list[str]) -> None:
        self.index = index
        self.lines = lines
        self.seen: set[int] = set()

    def node(self, node: Any, path: Path) -> None:
        if id(node) in self.seen:
            return
        self.seen.add(id(node))
        if node.id == "scalar":
            self.scalar(node)
        elif node.flow_style:
            self.index.flow_spans.append((_mark(node.start_mark), _mark(node.end_mark)))
        if node.id == "mapping":
            for key, value in node.value:
                self.scalar(key)
                self.add((*path, str(key.value)), path, key, value)
                self.node(value, (*path, str(key.value)))
        elif node.id == "sequence":
            dash = None if node.flow_style else node.start_mark.column
            for i, item in enumerate(node.value):
                if id(item) not in self.seen:
                    self.add((*path, i), path, None, item, dash)
                self.node(item, (*path, i))

    def add(self, path: Path, parent: Path, key: Any, value: Any, dash: int | None = None) -> None:
        head = key if key is not None else value
        start = _mark(head.start_mark)
        column = dash if dash is not None else start[1]
        aliased = id(value) in self.seen
        if key is not None and (aliased or _is_empty(value)):
            head_end, last = _mark(key.end_mark), key.end_mark.line
        else:
            head_end, last = self.head_end(key, value), self.last_line(value)
        self.index.entries.append(Entry(path, start, column, head_end, last))
        self.index.children.setdefault(parent, []).append(path)

    def head_end(self, key: Any, value: Any) -> Mark:
        if value.id == "scalar":
            if _is_block_scalar(value):
                return _mark(value.start_mark)
            properties_end, content = self.content_start(value)
            # `&anchor # comment` with the value on the next line: the comment belongs to this entry
            return properties_end if content[0] > properties_end[0] else _mark(value.end_mark)
        if value.flow_style:
            return _mark(value.end_mark)
        return _mark(key.end_mark) if key is not None else _mark(value.start_mark)

    def last_line(self, node: Any) -> int:
        if node.id == "scalar":
            if _is_block_scalar(node):
                return self.block_last_line(node)
            return int(node.end_mark.line)
        if node.flow_style or not node.value:
            return int(node.end_mark.line)
        if node.id == "mapping":
            key, value = node.value[-1]
            if _mark(value.start_mark) < _mark(key.start_mark) or _is_empty(value):
                return int(key.end_mark.line)  # an alias, or no value
            return self.last_line(value)
        last = node.value[-1]
        before = node.value[-2] if len(node.value) > 1 else node
        if _mark(last.start_mark) <= _mark(before.start_mark) and last is not before:
            return int(node.end_mark.line)  # an alias: its own position is not kept
        return self.last_line(last)

    def block_last_line(self, node: Any) -> int:
        """The last line of a block scalar's text: trailing blank lines are not text
        unless the header keeps them (`|+`)."""
        first, last = int(node.start_mark.line), int(node.end_mark.line)
        if node.end_mark.column == 0:
            last -= 1
        if "+" in self.indicator(node):
            return max(first, last)
        content = [line for line in self.lines[first + 1:last + 1] if line.strip()]
        indent = len(content[0]) - len(content[0].lstrip(" ")) if content else 0
        while last > first and not self.lines[last].strip() and len(self.lines[last]) <= indent:
            last -= 1
        return last

    def indicator(self, node: Any) -> str:
        found = re.search(r"[|>][0-9+-]*", self.lines[node.start_mark.line][node.start_mark.column:])
        return found.group() if found else ""

    def content_start(self, node: Any) -> tuple[Mark, Mark]:
        """Where a scalar's anchor and tag end, and where its text starts: its start mark is at the
        anchor, and a comment may stand between the two."""
        line, column = _mark(node.start_mark)
        text = self.lines[line]
        properties_end = (line, column)
        while column < len(text) and text[column] in "&!":
            while column < len(text) and text[column] not in " \t":
                column += 1
            properties_end = (line, column)
            while column < len(text) and text[column] in " \t":
                column += 1
        if column < len(text) and text[column] != "#":
            return properties_end, (line, column)
        line += 1
        while line < len(self.lines) and self.lines[line].lstrip(" \t")[:1] in ("", "#"):
            line += 1
        if line >= len(self.lines):
            return properties_end, properties_end
        return properties_end, (line, len(self.lines[line]) - len(self.lines[line].lstrip(" \t")))

    def scalar(self, node: Any) -> None:
        start, end = _mark(node.start_mark), _mark(node.end_mark)
        if not _is_block_scalar(node) and self.lines[start[0]][start[1]:start[1] + 1] in ("&", "!"):
            start = min(self.content_start(node)[1], end)
        if _is_block_scalar(node):
            header = self.lines[start[0]]
            indent = len(header) - len(header.lstrip(" "))
            last = self.block_last_line(node)
            self.index.block_ends[last] = (indent, "+" in self.indicator(node))
            start, end = (start[0] + 1, 0), (last + 1, 0)
        if start < end:
            self.index.scalar_spans.append((start, end))
