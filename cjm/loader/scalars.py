"""Plain YAML scalars by the YAML 1.2 core schema: `yes` and dates stay text."""

from __future__ import annotations

import math
import re

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_TYPED_START = frozenset("~nNtTfF0123456789+-.\n")
"""The first characters of every text the patterns above match (`$` also matches before a final
\n, so "\n" is null): a text starting with any other character is text."""


MAX_DIGITS = 4300
"""A whole number with more digits than this is not converted (Python refuses to turn such numbers
into text, and converting a very long one would take quadratic time): it stays a LongNumber."""


MAX_BITS = 14_000
"""About 4,214 decimal digits: hex and octal numbers longer than that are LongNumbers too."""


class LongNumber(str):
    """A whole number too long to read exactly, kept as the text written; the loader reports it."""

    @property
    def digits(self) -> int:
        return len(self.lstrip("+-").removeprefix("0x").removeprefix("0o"))


def type_tag(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    return "int" if isinstance(value, int) else "float" if isinstance(value, float) else "str"


def resolve_plain(text: str) -> Any:
    """A plain scalar by the YAML 1.2 core schema."""
    if text and text[0] not in _TYPED_START:
        return text  # the common case, without four regular expressions
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        return _whole_number(text)
    if _FLOAT.match(text):
        lowered = text.lower()
        if lowered.endswith("inf"):
            return -math.inf if lowered.startswith("-") else math.inf
        return math.nan if lowered.endswith("nan") else float(text)
    return text


def _whole_number(text: str) -> int | LongNumber:
    """`text` as an int, unless its value would have more than MAX_DIGITS decimal digits."""
    if text[:2] in ("0o", "0x"):
        if len(text) * 4 > MAX_BITS + 8:  # a cheap bound first: at most 4 bits a digit
            value = int(text, 0)  # linear for powers of two
            if value.bit_length() > MAX_BITS:
                return LongNumber(text)
            return value
        return int(text, 0)
    if len(text.lstrip("+-")) > MAX_DIGITS:
        return LongNumber(text)
    return int(text)


def key_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
