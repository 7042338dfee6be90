"""The value of one cell of a CSV of touchpoints, read as people type into spreadsheets.

`Connect` is `connect`; `TRUE`, `yes`, `y`, `1`, `x` and `✓` are true, and
`FALSE`, `no`, `n`, `0` false; `+1`, `1.0` and `−1` (a typographic minus)
are emotions; a list is one item per line, `next` also split at commas
and spaces, `(end)` or `[]` for `next: []`; `metrics` are `name=value`
lines, the value a number when it reads as one. An empty cell is no value.
"""

from __future__ import annotations

import re
from typing import Any

from cjm.interop.csv_columns import CHOICE_KEYS, END, FLAG_KEYS, LIST_KEYS, NUMBER

_BREAK = re.compile(r"\r\n|\r|\n")
_YES = {"true", "yes", "y", "1", "x", "✓", "✔"}
_NO = {"false", "no", "n", "0"}


class CellProblem(Exception):
    """A cell that cannot be read: the rest of the message after `KEY in row N`, and the fix."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def cell_value(key: str, text: str) -> Any:
    """The value of one cell for `key`; None for an empty cell. Raises CellProblem."""
    text = _BREAK.sub("\n", text).strip()
    if not text:
        return None
    if key == "emotion":
        return _emotion(text)
    if key in FLAG_KEYS:
        return _flag(text)
    if key in LIST_KEYS:
        return _items(key, text)
    if key == "metrics":
        return _metrics(text)
    return text.lower() if key in CHOICE_KEYS else text


def _emotion(text: str) -> int | float:
    number = text.replace("\u2212", "-")
    if not NUMBER.fullmatch(number):
        raise CellProblem(f"is '{text}', not a number",
                           "write a whole number from -2 (very negative) to 2 (very positive)")
    value = float(number)
    return int(value) if value.is_integer() else value


def _flag(text: str) -> bool:
    if text.lower() in _YES | _NO:
        return text.lower() in _YES
    raise CellProblem(f"is '{text}'; write true or false",
                       "an empty cell means false; yes and no, y and n, 1 and 0 work too")


def _items(key: str, text: str) -> list[str]:
    if key == "next":
        return [] if text in (END, "[]") else re.split(r"[\s,;]+", text)
    return [line.strip() for line in text.split("\n") if line.strip()]


def _metrics(text: str) -> dict[str, int | float | str]:
    metrics: dict[str, int | float | str] = {}
    hint = "one measurement per line in the cell, as name=value, such as reach=120000"
    for line in (line.strip() for line in text.split("\n")):
        name, equals, value = line.partition("=")
        name, value = name.strip(), value.strip()
        if not line:
            continue
        if not equals or not name or not value:
            raise CellProblem(f"has '{line}', which is not name=value", hint)
        if name in metrics:
            raise CellProblem(f"names '{name}' twice", "keep one line for each measurement")
        metrics[name] = _number(value) if NUMBER.fullmatch(value) else value
    return metrics


def _number(text: str) -> int | float:
    return float(text) if re.search(r"[.eE]", text) else int(text)
