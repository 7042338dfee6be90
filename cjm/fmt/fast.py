"""The canonical layout of the common map without ruamel.yaml: libyaml's events in, text out.

ruamel.yaml's pure-Python round trip formats 20-50 KB a second; this reads
the comment-free text with libyaml (as the loader does) into a small tree
whose scalars are their source text, arranges it as cjm.fmt.layout says and
writes it (cjm.fmt.emit) exactly as the round trip would. Every scalar is
copied as written; a `|` or `>` block is indented to its new column.

It declines (returns None, and the round trip runs) on whatever it cannot be
sure to write as the round trip does: tags, anchors on anything but a
scalar of text, aliases as keys, merge keys, keys that are collections or
not plain words or quoted text, scalars and flow collections over several
lines, text the round trip quotes or escapes otherwise (tabs, control
characters, `\\` escapes), spellings the round trip rewrites (`null`, `~`,
`True`, `+1`, `-0`: see docs/format.md), `|+` and indented blocks,
`%` directives, and lines where libyaml counts unlike
Python (cjm.loader.flat.marks_agree).
"""

from __future__ import annotations

import re
from typing import Any

from cjm.fmt.emit import Anchored, Block, Decline, Map, Seq, write
from cjm.fmt.layout import arranged, in_order
from cjm.fmt.nodes import Mark
from cjm.loader.flat import marks_agree
from cjm.loader.scalars import resolve_plain

PRINTABLE = "\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe"
"""What the round trip's emitter writes raw."""
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff\U0010ffff]")
"""What the round trip's emitter does not write raw (a tab among them): it would quote or escape it.
Every character not in PRINTABLE, written as those few rather than `[^PRINTABLE]`, which `re` takes
about 8 ms to compile on every cjm fmt (tests/test_fmt.py proves the two the same)."""
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
_NUMBER_LIKE = re.compile(r"[-+.0-9][-+.0-9a-fA-FxXoObB_:tTzZnNiI ]*")
_KEPT_NUMBER = re.compile(r"-?[1-9][0-9]*(_[0-9]+)*|0[0-7]*|0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+"
                          r"|-?([1-9][0-9]*|0)?\.[0-9]+([eE][-+]?[0-9]+)?|-?([1-9][0-9]*|0)\.([eE][-+]?[0-9]+)?"
                          r"|-?([1-9][0-9]*|0)[eE][-+]?[0-9]+"
                          r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""Plain numbers (and dates) the round trip writes back as they were written."""
_FLOW_DEPTH = 3
_TYPED_START = set("-+.0123456789nNtTfF~")
"""How a plain scalar that is not text starts (cjm.loader.scalars.resolve_plain)."""


def canonical_fast(text: str, keep_flow: set[Mark]) -> str | None:
    """`text` (valid YAML without comments) in the canonical layout, or None to use the round trip."""
    if not marks_agree(text):
        return None
    import gc

    from yaml import YAMLError
    from yaml._yaml import CParser

    parser = CParser(text)
    collecting = gc.isenabled()
    gc.disable()  # the tree holds no cycles: collecting while it is made is wasted time
    try:
        try:
            root = _Reader(text).read(parser.get_event)
        except YAMLError:
            return None  # what libyaml refuses and the loader reads as YAML 1.2 does (`[:0]`)
        if not isinstance(root, Map):
            return None
        for collection, order in arranged(root, _is_map, _is_seq, _get):
            if collection.items and collection.mark not in keep_flow:
                collection.flow = False
            if order:
                collection.items = {key: collection.items[key] for key in in_order(collection.items, order)}
        return write(root)
    except Decline:
        return None
    finally:
        parser.dispose()
        if collecting:
            gc.enable()


def _is_map(node: Any) -> bool:
    return isinstance(node, Map)


def _is_seq(node: Any) -> bool:
    return isinstance(node, Seq)


def _get(node: Map, key: str) -> Any:
    entry = node.items.get(key)
    return entry[1] if entry is not None else None


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.anchors: dict[str, Anchored] = {}
        self.plain_keys: set[str] = set()  # plain keys already found safe: most keys repeat
        self.unprintable = _UNPRINTABLE.search(text.replace("\n", " ")) is not None

    def read(self, next_event: Any) -> Any:
        """The document's tree, built with an explicit stack (nesting may be 64 deep)."""
        stack: list[Map | Seq] = []
        keys: list[tuple[str, str] | None] = []  # per open collection: its key in its parent
        key: tuple[str, str] | None = None  # the open mapping's key waiting for its value
        for event in iter(next_event, None):
            kind = type(event).__name__
            in_key = bool(stack) and isinstance(stack[-1], Map) and key is None
            if kind == "ScalarEvent":
                if in_key:
                    key = self.key(event)
                    continue
                node: Any = self.scalar(event, stack[-1] if stack else None)
            elif kind == "AliasEvent":
                node = self.anchors.get(event.anchor)
                if in_key or node is None:
                    raise Decline  # an alias as a key, or of an anchor left to the round trip
            elif kind in ("MappingStartEvent", "SequenceStartEvent"):
                if in_key or event.anchor is not None or event.tag is not None:
                    raise Decline
                if event.flow_style and len(stack) >= _FLOW_DEPTH and all(
                        node.flow for node in stack[-_FLOW_DEPTH:]):
                    raise Decline  # the round trip pads deep flow lists with spaces: `[[[   [1]]]]`
                mark = (event.start_mark.line, event.start_mark.column)
                stack.append(Map(mark, bool(event.flow_style)) if kind[0] == "M" else Seq(
                    mark, bool(event.flow_style)))
                keys.append(key)
                key = None
                continue
            elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                node = stack.pop()
                key = keys.pop()
                if node.flow and node.mark[0] != event.end_mark.line:
                    raise Decline  # a flow collection over several lines
                if not stack:
                    return node
            elif kind in ("DocumentStartEvent", "DocumentEndEvent"):
                if getattr(event, "version", None) or getattr(event, "tags", None):  # `---` and `...` go
                    raise Decline
                continue
            else:
                continue
            if not stack:
                return None  # a scalar document
            _add(stack[-1], key, node)
            key = None
        return None

    def key(self, event: Any) -> tuple[str, str]:
        if event.anchor is not None or event.tag is not None or event.value == "<<":
            raise Decline
        written = self.written(event)
        if not event.style and written not in self.plain_keys:
            if not _KEY.fullmatch(written) or written.lower() in _RESERVED:
                raise Decline  # a key the round trip may quote or read as a number
            self.plain_keys.add(written)
        return event.value, written

    def scalar(self, event: Any, parent: Any) -> Any:
        if event.tag is not None:
            raise Decline
        if event.style in ("|", ">"):
            if event.anchor is not None:
                raise Decline
            return Block.of(event, self.text)
        written = self.written(event)
        if not event.style:
            _check_plain(written, event.value, parent)
            if event.value == "":
                return None
        if event.anchor is not None:
            if not event.style and not isinstance(resolve_plain(event.value), str):
                raise Decline
            anchored = Anchored(event.anchor, written)
            self.anchors[event.anchor] = anchored
            return anchored
        return written

    def written(self, event: Any) -> str:
        """A one-line scalar as written (its anchor left out)."""
        start, end = event.start_mark, event.end_mark
        if start.line != end.line:
            raise Decline
        written = self.text[start.index:end.index]
        if event.anchor is not None:
            written = written[len(event.anchor) + 1:].lstrip(" ")
        if (self.unprintable and _UNPRINTABLE.search(written)) or (event.style == '"' and "\\" in written):
            raise Decline
        return written


def _check_plain(written: str, value: str, parent: Any) -> None:
    """Decline a plain scalar the round trip would write otherwise."""
    if value == "":
        if not isinstance(parent, Map) or parent.flow:
            raise Decline  # the round trip writes `- ` or `{a: null}`
        return
    if value[0] not in _TYPED_START:
        return
    resolved = resolve_plain(value)
    if resolved is None or (isinstance(resolved, bool) and value not in ("true", "false")):
        raise Decline
    if _NUMBER_LIKE.fullmatch(value) and not _KEPT_NUMBER.fullmatch(value):
        raise Decline


def _add(parent: Map | Seq, key: tuple[str, str] | None, node: Any) -> None:
    if isinstance(parent, Map):
        assert key is not None
        if key[0] in parent.items:
            raise Decline  # a repeated key (the loader refuses it first)
        parent.items[key[0]] = (key[1], node)
        return
    if isinstance(node, Seq) and not node.flow and not parent.flow:
        raise Decline  # `- - a`: the round trip indents it its own way
    if isinstance(node, Map) and parent.flow and len(node.items) == 1:
        raise Decline  # `[{a: 1}]`: the round trip writes `[a: 1]`
    parent.items.append(node)
