"""The common map at the parser's speed: one flat loop over libyaml's events.

cjm.loader.build.Builder handles every YAML feature; most maps use none of
them. This loop builds the same values and positions for those maps with
less work: line and column come straight from libyaml's marks (no search in
a line index), and one loop with an explicit stack and local variables
replaces the Builder's method calls. Scalars resolve by the same function
(cjm.loader.scalars.resolve_plain); keys are the text as written, as the
Builder makes them.

It gives up (returns None, and the caller runs the Builder on the same
text) on anything it does not handle exactly as the Builder does: anchors,
aliases, tags, merge keys (`<<`), repeated keys, keys that are lists or
mappings, whole numbers too long to read, a second document, nesting at the
depth limit, any syntax error or lone surrogate, and text where libyaml
counts lines or columns unlike cjm (NEL, U+2028, U+2029 and BOM characters).
It never records a finding, so what it returns is all there is.
"""

from __future__ import annotations

from collections.abc import Callable

from cjm.diagnostic import START, Pos
from cjm.loader.comments import hashtag_after
from cjm.loader.positions import Path, Positions
from cjm.loader.scalars import LongNumber, resolve_plain

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

_MISCOUNTED = ("\x85", "\u2028", "\u2029", "\ufeff")
"""libyaml breaks lines at NEL, U+2028 and U+2029 (cjm at \\n, \\r\\n and \\r only), and does not
count a leading BOM in its character index: with any of these its marks are not cjm's positions."""


def marks_agree(text: str) -> bool:
    """Whether libyaml's marks (0-based line and column) are cjm's positions in `text`, one less."""
    return text.isascii() or not any(char in text for char in _MISCOUNTED)


def load_flat(text: str, max_depth: int) -> tuple[Any, Positions] | None:
    """The document's value and positions, or None when the Builder must load this text."""
    if not marks_agree(text):
        return None
    from cjm.loader.libyaml import c_parser

    CParser = c_parser()
    if CParser is None:  # PyYAML without its libyaml binding: the Builder's parser fallback
        return None
    try:
        parser = CParser(text)
    except UnicodeEncodeError:  # a lone surrogate: the Builder words it
        return None
    import gc

    collecting = gc.isenabled()
    gc.disable()  # the values made here hold no cycles: collecting while they are made is wasted time
    try:
        return _build(parser.get_event, text, max_depth)
    except Exception:  # the parser's errors: the Builder words them
        return None
    finally:
        parser.dispose()
        if collecting:
            gc.enable()


def _build(next_event: Callable[[], Any], text: str, max_depth: int) -> tuple[Any, Positions] | None:
    """One pass over the events. Speed matters here more than shape: one loop, locals only."""
    from yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    positions = Positions()
    values, keys, hashtags = positions.values, positions.keys, positions.hashtags
    comments = "#" in text
    stack: list[tuple[Any, bool, Path, Pos | None]] = []  # the open collections' parents
    node: Any = None  # the open list or dict; None before the root
    in_map = False
    path: Path = ()
    key: str | None = None  # the key waiting for its value in the open mapping
    key_pos = START  # the key's position, set with the key
    root: Any = None
    documents = 0
    for event in iter(next_event, None):
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                return None
            mark = event.start_mark
            value = event.value
            if in_map:
                if key is None:
                    if value == "<<" or value in node:
                        return None
                    key, key_pos = value, Pos(mark.line + 1, mark.column + 1)
                    continue
                child: Path = (*path, key)
            else:
                child = (*path, len(node)) if node is not None else ()
            if not event.style:
                value = resolve_plain(value)
                if type(value) is LongNumber:
                    return None
                if comments:
                    end = event.end_mark
                    found = hashtag_after(text, end.index)
                    if found is not None:
                        hashtags[child] = (Pos(end.line + 1, end.column + found[0] + 1), found[1])
            values[child] = Pos(mark.line + 1, mark.column + 1)
            if in_map:
                node[key] = value
                keys[child] = key_pos
                key = None
            elif node is not None:
                node.append(value)
            else:
                root = value
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or len(stack) >= max_depth:
                return None
            opened: Any = {} if kind is MappingStartEvent else []
            if in_map:
                if key is None:
                    return None  # a list or mapping as a key
                child = (*path, key)
                node[key] = opened
                stack.append((node, True, path, key_pos))
                key = None
            elif node is not None:
                child = (*path, len(node))
                node.append(opened)
                stack.append((node, False, path, None))
            else:
                child = ()
                root = opened
                stack.append((None, False, (), None))
            mark = event.start_mark
            values[child] = Pos(mark.line + 1, mark.column + 1)
            node, in_map, path = opened, kind is MappingStartEvent, child
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            closed = path
            node, in_map, path, held_by = stack.pop()
            if held_by is not None:
                keys[closed] = held_by  # as the Builder: a key's position is kept when its value ends
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                return None
        elif kind is AliasEvent:
            return None
    return root, positions
