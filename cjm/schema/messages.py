"""Schema violations worded for the people who write journey maps."""

from __future__ import annotations

import math
from typing import Any

from cjm.diagnostic import Finding, closest
from cjm.loader.positions import Path, Positions, format_path

TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a group of `key: value` lines",
    "null": "empty",
}


def describe(value: Any) -> str:
    """How a value reads to a user: `text 'high'`, `a list`, `the number 3.5`."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {_num(value)}"
    if isinstance(value, str):
        return f"the text '{shorten(value)}'" if value else "empty text"
    if isinstance(value, list):
        return "a list"
    return "a group of `key: value` lines"


QUOTED = 60
"""Text quoted in a message is cut to this many characters."""


def shorten(text: str, width: int = QUOTED) -> str:
    """`text` as a message quotes it: at most `width` characters, cut with "…"."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _num(value: float) -> str:
    if isinstance(value, int) or math.isnan(value) or math.isinf(value):
        return str(value)  # an int may be too large for float()
    return str(int(value)) if value.is_integer() else str(value)


def suggest(word: str, choices: list[str]) -> str | None:
    return closest(word, choices)


class Messages:
    """Collects schema findings, each at the node it is about."""

    def __init__(self, positions: Positions) -> None:
        self.positions = positions
        self.findings: list[Finding] = []

    def add(self, path: Path, message: str, hint: str | None = None, *, at_key: bool = False) -> None:
        pos = self.positions.key(path) if at_key else self.positions.of(path)
        self.findings.append(Finding("schema", message, pos, hint=hint))

    def type(self, path: Path, value: Any, wanted: str | list[str]) -> None:
        names = [wanted] if isinstance(wanted, str) else wanted
        words = " or ".join(TYPE_WORDS[n] for n in names)
        hint = None
        if "string" in names and not isinstance(value, (list, dict)):
            hint = "put the value in quotes to make it text"
        elif "array" in names:
            hint = "write it as a list: `[a, b]`, or one `- item` per line"
        self.add(path, f"{format_path(path)} should be {words}, not {describe(value)}", hint)

    def const(self, path: Path, value: Any, wanted: Any) -> None:
        self.add(path, f"{format_path(path)} must be {wanted}, not {describe(value)}",
                 f"write `{path[-1]}: {wanted}`" if path else None)

    def enum(self, path: Path, value: Any, allowed: list[Any]) -> None:
        names = ", ".join(str(a) for a in allowed)
        close = suggest(str(value), [str(a) for a in allowed]) if isinstance(value, str) else None
        message = f"{format_path(path)} is {describe(value)}"
        message += f"; did you mean '{close}'?" if close else f"; use one of: {names}"
        self.add(path, message, f"allowed values: {names}")

    def required(self, path: Path, key: str) -> None:
        where = format_path(path)
        self.add(path, f"{where} is missing the required key '{key}'", f"add `{key}: ...` here")

    def unknown_key(self, path: Path, key: str, known: list[str]) -> None:
        where = format_path(path)
        close = suggest(key, known)
        message = f"unknown key '{shorten(key)}' in {where}"
        if close:
            message += f"; did you mean '{close}'?"
        hint = f"known keys here: {', '.join(known)} (keys starting with x- are free for your own use)"
        self.add((*path, key), message, hint, at_key=True)

    def max_items(self, path: Path, count: int, limit: int) -> None:
        what = str(path[-1]) if path else "items"
        self.add(path, f"{format_path(path)} has {count:,} {what}; cjm checks maps of up to {limit:,} {what}",
                 "split the journey into several maps", at_key=True)

    def min_items(self, path: Path, count: int) -> None:
        self.add(path, f"{format_path(path)} needs at least {count} item(s)")

    def repeated(self, path: Path, index: int, item: Any) -> None:
        self.add((*path, index), f"{format_path(path)} lists {describe(item)} twice",
                 "remove the second one")

    def empty(self, path: Path) -> None:
        self.add(path, f"{format_path(path)} is empty", "write something here, or remove the key")

    def pattern(self, path: Path, value: str, description: str) -> None:
        message = f"{format_path(path)} '{shorten(value)}' is not allowed here"
        self.add(path, f"{message}: {description}" if description else message,
                 _pattern_hint(value))

    def range(self, path: Path, value: float, low: float | None, high: float | None) -> None:
        if low is not None and high is not None:
            span = f"from {_num(low)} to {_num(high)}"
        elif low is not None:
            span = f"at least {_num(low)}"
        else:
            span = f"at most {_num(high or 0)}"
        self.add(path, f"{format_path(path)} is {_num(value)}; it must be {span}")


def _pattern_hint(value: str) -> str | None:
    import re

    fixed = re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-_")
    return f"for example '{fixed}'" if fixed and fixed != value else None
