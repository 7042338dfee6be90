"""Parser errors whose cause a person cannot see on the line the parser names.

An invisible character pasted with the text (a byte-order mark, a line or
paragraph separator), a key longer than YAML allows, text after the `...`
that ends a YAML document, the text of a `|` block written without its
indent: the parser's words ("did not find expected key", "could not find
expected ':'") name none of them. Each detector here names the cause, at its
place, with the fix. cjm.loader.mistakes tries these first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cjm.diagnostic import Pos
from cjm.loader.parse_error import Explained, ParseError, Source, indent_of, lines_read
from cjm.safe import shorten

MAX_KEY = 1024
"""YAML's limit on the length of a key written without `?` (an implicit key), in characters."""
SEPARATORS = {"\u2028": "line separator", "\u2029": "paragraph separator",
              "\x85": "next-line character (NEL)"}
_KEY_ON_LINE = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s#'\"][^:#]*?)\s*:(?:\s|$)")
_BLOCK_START = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s#][^#]*?)\s*:\s+(?P<mark>[|>])[0-9+-]*\s*(?:#.*)?$")
_DOCUMENT_END = re.compile(r"^\.\.\.(?:\s|$)")


def byte_order_mark_inside(error: ParseError, source: Source) -> Explained | None:
    """U+FEFF after the start of the file (pasted text brings it along): YAML allows it only first."""
    for number in lines_read(error):
        line = source.line(number)
        at = line.find("\ufeff")
        if at < 0:
            continue
        where = f"line {number} starts with" if not line[:at].strip() else "there is"
        after = line[at + 1:].split()
        how = f"put the cursor just before `{shorten(after[0], 20)}` and press Backspace once" if after else \
            f"put the cursor at the end of line {number} and press Backspace once"
        return Explained(f"{where} an invisible byte-order mark (U+FEFF), pasted with the text; YAML allows "
                         "it only at the very start of a file", Pos(number, at + 1),
                         f"delete it: {how}, or type the line again")
    return None


def line_separator(error: ParseError, source: Source) -> Explained | None:
    """U+2028, U+2029 or NEL in a value: YAML 1.2 reads them as text, the parser as line breaks."""
    for number in lines_read(error):
        line = source.line(number)
        found = [i for i, char in enumerate(line) if char in SEPARATORS]
        if not found:
            continue
        first = line[found[0]]
        key = _KEY_ON_LINE.match(line)
        holder = f"the value of `{key['key']}:`" if key and key.end() <= found[0] + 1 else f"line {number}"
        named = f"an invisible {SEPARATORS[first]} (U+{ord(first):04X})"
        if len(found) > 1:
            others = ", ".join(f"U+{ord(line[i]):04X}" for i in found[1:])
            plural = "s" if len(found) > 2 else ""
            named += f" and {len(found) - 1} more invisible line break{plural} ({others})"
        it, each = ("them", "each") if len(found) > 1 else ("it", "it")
        fixed = "".join(" " if char in SEPARATORS else char for char in line).strip()
        return Explained(f"{holder} holds {named}, pasted with the text: YAML 1.2 reads {it} as text, "
                         f"but cjm (like most YAML tools) takes {each} for the end of the line",
                         Pos(number, found[0] + 1),
                         f"replace {each} with a space: `{shorten(fixed)}`")
    return None


def key_too_long(error: ParseError, source: Source) -> Explained | None:
    """A key of more than 1,024 characters: YAML does not read it as a key."""
    line = source.line(error.at.line)
    colon = error.at.column - 1
    if line[colon: colon + 1] != ":":
        return None
    key = re.split(r"[{\[,]", line[:colon])[-1].strip()
    key = key.removeprefix("- ").removeprefix("? ").strip()
    if len(key) <= MAX_KEY:
        return None
    return Explained(f"the key before this `:` is {len(key):,} characters long; YAML keys may have at most "
                     f"{MAX_KEY:,} characters", error.at,
                     "shorten the key: a key is a short name, and long text belongs in the value after `: `")


def text_after_document_end(error: ParseError, source: Source) -> Explained | None:
    """Content after a `...` line, which ends the YAML document (the map) above it."""
    if "expected <document start>" not in error.problem:
        return None
    for number in range(error.at.line - 1, 0, -1):
        if _DOCUMENT_END.match(source.line(number)):
            return Explained(f"this text comes after the `...` on line {number}, which marks the end of the "
                             "map, so YAML does not read it as part of the map", error.at,
                             f"remove the `...` on line {number} (a map does not need it), or remove the "
                             "text after it")
    return None


def unindented_block_text(error: ParseError, source: Source) -> Explained | None:
    """The text of a `|` or `>` block written at the key's indent, where YAML reads a new key."""
    for number in lines_read(error):
        line = source.line(number)
        above = source.previous_content(number)
        block = _BLOCK_START.match(source.line(above))
        if block is None or _KEY_ON_LINE.match(line) or not line.strip():
            continue
        key_column = block.start("key")
        if indent_of(line) > key_column:
            continue
        fixed = " " * (key_column + 2) + line.strip()
        return Explained(f"line {number} is not indented, so it is not part of the `{block['mark']}` text of "
                         f"`{block['key']}:` on line {above}; YAML reads it as a new key",
                         Pos(number, indent_of(line) + 1),
                         f"indent the text of `{block['key']}:` by two spaces more than the key: "
                         f"`{shorten(fixed)}`")
    return None


HIDDEN_CAUSES: tuple[Callable[[ParseError, Source], Explained | None], ...] = (
    byte_order_mark_inside, line_separator, key_too_long, text_after_document_end, unindented_block_text,
)
