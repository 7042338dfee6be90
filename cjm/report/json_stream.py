"""One JSON document written as its items come: the bytes of cjm.safe.dump_json, without the document.

A document for `write_json` is plain data in which a list may be `Items` (an iterable, read once,
each item written as soon as it comes and then let go) and a value may be `Later` (made when
everything before it is written: a summary counted from the items); what they give is plain
data. The rest of the document is dumped once with a token in each of those places, cut at the
tokens, and each item dumped alone with the same indent, indented to its depth: json.dumps puts
nothing but that indent after a line break, and a JSON string holds no raw line break, so the
pieces join into the very text json.dumps gives for the whole document
(tests/report/test_json_stream.py holds it to that).

dump_json writes pure ASCII when the stream cannot take the document's characters. A UTF stream
takes them all (cjm.safe.json_text escapes the lone surrogates), so the pieces go straight out;
to any other stream the text is held to the end, and made ASCII there if it must be, as
dump_json would.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from cjm.safe import json_text

_TOKEN = "<cjm-json-stream-{}>"
_TOKENS = re.compile('"<cjm-json-stream-([0-9]+)>"')
_WHOLE = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                    "utf-32-be"})
"""Encodings that take any text json_text gives."""


class Items:
    """A list of the document whose items are written one by one, as `items` gives them."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


class Later:
    """A value of the document made by `make` once everything before it is written."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def write_json(document: Any, stream: TextIO) -> None:
    """What dump_json writes for `document` with each Items as the list of its items and each Later
    as its value, byte for byte; each item is written as it comes."""
    holes: list[Items | Later] = []
    pieces = _TOKENS.split(json_text(_hollow(document, holes)))
    out = _Output(stream)
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            out.write(piece)
            continue
        before = pieces[index - 1]
        line = before[before.rfind("\n") + 1:]
        indent = " " * (len(line) - len(line.lstrip(" ")))
        hole = holes[int(piece)]
        if isinstance(hole, Items):
            _write_items(hole.items, indent, out)
        else:
            out.write(json_text(hole.make()).replace("\n", "\n" + indent))
    out.close()


def _hollow(value: Any, holes: list[Items | Later]) -> Any:
    """`value` with a token string in place of each Items and Later (kept in `holes`, in order)."""
    if isinstance(value, Items | Later):
        holes.append(value)
        return _TOKEN.format(len(holes) - 1)
    if isinstance(value, dict):
        return {key: _hollow(item, holes) for key, item in value.items()}
    if isinstance(value, list):
        return [_hollow(item, holes) for item in value]
    return value


def _write_items(items: Iterable[Any], indent: str, out: _Output) -> None:
    """A list at the depth of `indent`, as json.dumps(indent=2) lays it out."""
    inner = indent + "  "
    opening = "["
    for item in items:
        out.write(f"{opening}\n{inner}" + json_text(item).replace("\n", "\n" + inner))
        opening = ","
    out.write("[]" if opening == "[" else f"\n{indent}]")


class _Output:
    """The stream, or the text held for it when the stream may not take every character."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            self.direct = codecs.lookup(self.encoding).name in _WHOLE
        except LookupError:
            self.direct = False
        self.held: list[str] = []

    def write(self, text: str) -> None:
        if self.direct:
            self.stream.write(text)
        else:
            self.held.append(text)

    def close(self) -> None:
        if self.direct:
            self.stream.write("\n")
            return
        text = "".join(self.held)
        try:
            text.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            text = ascii_json(text)
        self.stream.write(text + "\n")


def ascii_json(text: str) -> str:
    """JSON text with every character past ASCII escaped as json.dumps(ensure_ascii=True) escapes it
    (`\\uXXXX`, a surrogate pair past U+FFFF): outside its strings JSON text is ASCII already."""
    return re.sub("[^\x00-\x7f]", _ascii_escape, text)


def _ascii_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}"
