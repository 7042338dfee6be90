"""YAML scalars written by cjm itself (`cjm init`, `cjm import`): every value a user gave,
quoted only when it must be, so it reads back as exactly that value."""

from __future__ import annotations

import re

_PLAIN = re.compile(r"[^\W\d_](?:[\w ,.()/&+'!?-]*[\w.)!?])?")
_KEYWORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def yaml_text(value: str, flow: bool = False) -> str:
    """`value` as a YAML scalar that reads back as exactly `value`: plain when that is safe,
    else double-quoted with escapes."""
    plain = _PLAIN.fullmatch(value) and "  " not in value and value.lower() not in _KEYWORDS
    if plain and not (flow and "," in value):
        return value
    return '"' + "".join(_escape(ch) for ch in value) + '"'


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    printable = code >= 0x20 and code != 0x7F and not 0x80 <= code <= 0xA0 and code not in (
        0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF) and not 0xD800 <= code <= 0xDFFF
    if printable:
        return ch
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
