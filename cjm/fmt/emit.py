"""Write cjm.fmt.fast's tree in the canonical layout, as ruamel.yaml's round trip writes it.

Two-space indentation; a list's dashes two columns in from its key; a list
item that is a mapping starts on the dash's line; a flow collection on one
line, `{a: 1, b: [x, y]}`; a key without a value as `key:`; a `|` or `>`
block's lines two columns in from the key or dash that holds it. An anchor
is written where its value first appears in the new order and an alias
everywhere after, as the round trip does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cjm.fmt.nodes import Mark


class Decline(Exception):
    """The fast path cannot be sure to write this map as the round trip would."""


class Map:
    __slots__ = ("flow", "items", "mark")

    def __init__(self, mark: Mark, flow: bool) -> None:
        self.mark = mark
        self.flow = flow
        self.items: dict[str, tuple[str, Any]] = {}
        """key -> (the key as written, its value)."""


class Seq:
    __slots__ = ("flow", "items", "mark")

    def __init__(self, mark: Mark, flow: bool) -> None:
        self.mark = mark
        self.flow = flow
        self.items: list[Any] = []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)


class Anchored:
    """A scalar of text with an anchor: `&name text` the first time it is written, `*name` after."""

    __slots__ = ("name", "text")

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text


class Block:
    """A `|` or `>` scalar: its header (chomping as its value says) and its lines without indentation."""

    __slots__ = ("header", "lines")

    def __init__(self, header: str, lines: list[str]) -> None:
        self.header = header
        self.lines = lines

    @classmethod
    def of(cls, event: Any, text: str) -> Block:
        value: str = event.value
        if not value or value[0] in " \n" or value.endswith("\n\n") or "\t" in value:
            raise Decline  # an empty block, an indentation indicator, `|+` or a tab
        chomp = "" if value.endswith("\n") else "-"
        if event.style == "|":
            return cls("|" + chomp, value.removesuffix("\n").split("\n"))
        lines = _folded_lines(event, text)
        if _folded(lines) + ("\n" if chomp == "" else "") != value:
            raise Decline
        return cls(">" + chomp, lines)


def _folded_lines(event: Any, text: str) -> list[str]:
    """A `>` block's lines as written, without indentation or the blank lines after them."""
    start = text.find("\n", event.start_mark.index) + 1
    lines = text[start:event.end_mark.index].split("\n")
    while lines and not lines[-1].strip(" "):
        lines.pop()
    if not lines:
        raise Decline
    indent = len(lines[0]) - len(lines[0].lstrip(" "))
    body = [line[indent:] if line.strip(" ") else "" for line in lines]
    if any(line[:1] == " " or line.endswith(" ") for line in body):
        raise Decline  # more indented lines and trailing spaces fold otherwise
    return body


def _folded(lines: list[str]) -> str:
    """The value of a `>` block's lines (YAML folding: a line break between two lines is a space,
    each blank line one line break)."""
    out = lines[0]
    blanks = 0
    for line in lines[1:]:
        if not line:
            blanks += 1
            continue
        out += ("\n" * blanks if blanks else " ") + line
        blanks = 0
    return out


def write(root: Map) -> str:
    out: list[str] = []
    _Writer(out).block_map(root, 0, "")
    return "\n".join(out) + "\n"


class _Writer:
    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.anchored: set[int] = set()

    def block_map(self, node: Map, indent: int, lead: str) -> None:
        """`lead` replaces the first line's indentation (`- ` for a list item)."""
        pad = " " * indent
        for key, value in node.items.values():
            self.entry((lead or pad) + key + ":", value, indent)
            lead = ""

    def entry(self, head: str, value: Any, indent: int) -> None:
        if isinstance(value, (Map, Seq)) and not value.flow and value.items:
            self.out.append(head)
            if isinstance(value, Map):
                self.block_map(value, indent + 2, "")
            else:
                self.block_seq(value, indent + 2)
        elif value is None:
            self.out.append(head)
        elif isinstance(value, Block):
            self.out.append(head + " " + value.header)
            pad = " " * (indent + 2)
            self.out.extend(pad + line if line else "" for line in value.lines)
        else:
            self.out.append(head + " " + self.inline(value))

    def block_seq(self, node: Seq, dash: int) -> None:
        pad = " " * dash
        for item in node.items:
            if isinstance(item, Map) and not item.flow and item.items:
                self.block_map(item, dash + 2, pad + "- ")
            else:
                self.entry(pad + "-", item, dash)

    def inline(self, value: Any) -> str:
        if isinstance(value, str):
            return value
        if isinstance(value, Anchored):
            if id(value) in self.anchored:
                return "*" + value.name
            self.anchored.add(id(value))
            return f"&{value.name} {value.text}"
        if isinstance(value, Map):
            return "{" + ", ".join(key + ": " + self.inline(item) for key, item in value.items.values()) + "}"
        if isinstance(value, Seq):
            return "[" + ", ".join(self.inline(item) for item in value.items) + "]"
        raise Decline  # a block scalar or an empty value inside a flow collection
