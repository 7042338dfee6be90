"""Map text made safe for where it goes: a terminal, or JSON read by other programs.

Anything a user wrote (titles, ids, messages quoting them, file names) can
hold control characters: an escape sequence in a title could clear the
screen or set the window title when a report is printed. `visible` turns
every control character (C0 but tab, DEL, C1), every bidirectional override
(the "Trojan source" characters) and every undecodable byte of a file name
into a visible escape such as `\\x1b`. `dump_json` writes JSON with the same
characters escaped as `\\uXXXX`, which JSON allows, so the document stays
exact and is safe to print.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any, TextIO

_UNSAFE = "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
"""Compiled when first used (through re's cache), not when cjm starts: most runs print no map text."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control and bidirectional-override character shown as an escape."""
    return re.sub(_UNSAFE, _escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


_UNSAFE_IN_JSON = "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
"""What json.dumps(ensure_ascii=False) leaves raw but a terminal would act on (C0 it escapes itself)."""


def json_text(document: Any) -> str:
    """The document as indented JSON, exact, with nothing a terminal would act on."""
    import json  # only for JSON output: the text report, on every commit, needs none

    return re.sub(_UNSAFE_IN_JSON, _json_escape, json.dumps(document, indent=2, ensure_ascii=False))


def dump_json(document: Any, stream: TextIO) -> None:
    """Write the document; as pure ASCII (\\u escapes) when the stream cannot take UTF-8."""
    text = json_text(document)
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        import json

        text = json.dumps(document, indent=2, ensure_ascii=True)
    stream.write(text + "\n")


QUOTED = 60
"""Text quoted in a message is cut to this many characters."""


def shorten(text: str, width: int = QUOTED) -> str:
    """`text` as a message quotes it: at most `width` characters, cut with "…"."""
    return text if len(text) <= width else text[: width - 1] + "…"
