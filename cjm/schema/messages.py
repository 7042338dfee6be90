"""Schema violations worded for the people who write journey maps."""

from __future__ import annotations

import math

from cjm.diagnostic import Finding, closest
from cjm.loader.positions import Path, Positions, format_path
from cjm.safe import shorten
from cjm.schema.places import located, stable_path

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

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


def _num(value: float) -> str:
    if isinstance(value, int) or math.isnan(value) or math.isinf(value):
        return str(value)  # an int may be too large for float()
    return str(int(value)) if value.is_integer() else str(value)


def suggest(word: str, choices: list[str]) -> str | None:
    return closest(word, choices)


YES_NO = {"yes": "true", "no": "false", "y": "true", "n": "false", "on": "true", "off": "false",
          "true": "true", "false": "false"}


class Messages:
    """Collects schema findings, each at the node it is about, worded with the fix."""

    def __init__(self, positions: Positions, data: Any = None) -> None:
        self.positions = positions
        self.data = data
        self.findings: list[Finding] = []

    def add(self, path: Path, message: str, hint: str | None = None, *, at_key: bool = False,
            about: Path | None = None) -> None:
        """A finding at `path`, about the value at `about` (default: the same path)."""
        pos = self.positions.key(path) if at_key else self.positions.of(path)
        key = stable_path(self.data, path if about is None else about)
        self.findings.append(Finding("schema", message, pos, hint=hint, key=key))

    def where(self, path: Path) -> str:
        return located(self.data, path) if path else "the map"

    def type(self, path: Path, value: Any, wanted: str | list[str]) -> None:
        names = [wanted] if isinstance(wanted, str) else wanted
        words = " or ".join(TYPE_WORDS[n] for n in names)
        key = str(path[-1]) if path else "value"
        hashtag = self.positions.hashtags.get(path)
        if value is None and hashtag is not None:
            where, comment = hashtag
            self.findings.append(Finding("schema", f"{self.where(path)} is empty: `{comment}` after it is a "
                                         "comment, because `#` after a space starts a comment in YAML", where,
                                         hint=f'put the value in quotes: {key}: "{comment}"',
                                         key=stable_path(self.data, path)))
            return
        self.add(path, f"{self.where(path)} should be {words}, not {describe(value)}",
                 _type_hint(key, value, names))

    def const(self, path: Path, value: Any, wanted: Any) -> None:
        self.add(path, f"{self.where(path)} must be {wanted}, not {describe(value)}",
                 f"write `{path[-1]}: {wanted}`" if path else None)

    def enum(self, path: Path, value: Any, allowed: list[Any]) -> None:
        names = ", ".join(str(a) for a in allowed)
        close = suggest(str(value), [str(a) for a in allowed]) if isinstance(value, str) else None
        if close:
            self.add(path, f"{self.where(path)} is {describe(value)}; did you mean '{close}'?",
                     f"allowed values: {names}")
        else:
            self.add(path, f"{self.where(path)} is {describe(value)}, which is not one of: {names}")

    def required(self, path: Path, key: str, value: dict[str, Any]) -> None:
        if not path and key == "cjm":
            self.add(path, "the map does not say which format it is in: `cjm: 1` is missing",
                     "add `cjm: 1` as the first line of the map", about=("cjm",))
            return
        message, hint = f"{self.where(path)} is missing the required key '{key}'", f"add `{key}: ...` here"
        from cjm.schema.lookalike import how_to_retype, latin_twin, odd_letters

        twin = next((written for written in value if latin_twin(written) == key), None)
        if twin is not None:
            line = self.positions.key((*path, twin)).line
            message += f": '{shorten(twin)}' on line {line} looks like it, but {odd_letters(twin)}"
            hint = f"type `{key}` again on line {line}, {how_to_retype(twin)}"
        self.add(path, message, hint, about=(*path, key))

    def unknown_key(self, path: Path, key: str, known: list[str]) -> None:
        where = self.where(path)
        bare = key.lstrip("•–—·*-▪● \t")
        pasted = bare != key and bare in known
        from cjm.schema.lookalike import how_to_retype, latin_twin, odd_letters

        twin = latin_twin(key)
        message = f"unknown key '{shorten(key)}' in {where}"
        if pasted:
            message += f": it starts with '{key[: len(key) - len(bare)].strip()}' (pasted from a document?)"
            hint = f"write `{bare}:` without the mark in front"
        elif twin in known:
            message += f": it looks like '{twin}', but {odd_letters(key)}"
            hint = f"type `{twin}:` again, {how_to_retype(key)}"
        else:
            close = suggest(key, known)
            message += f"; did you mean '{close}'?" if close else ""
            hint = f"known keys here: {', '.join(known)} (keys starting with x- are free for your own use)"
        self.add((*path, key), message, hint, at_key=True)

    def same_line(self, value: Path, key: Path) -> bool:
        """The value at `value` and the key `key` stand on one line (so in one `{...}` mapping)."""
        return self.positions.of(value).line == self.positions.key(key).line

    def comma_in_value(self, path: Path, key: str, text: str, rest: str) -> None:
        whole = f"{text}, {rest}"
        self.add((*path, rest), f"{self.where(path)}: the comma after '{shorten(text)}' ends the {key} in a "
                 f"{{...}} mapping, so '{shorten(rest)}' is read as a new key",
                 f'put the whole value in quotes: {key}: "{shorten(whole)}"', at_key=True)

    def thousands(self, path: Path, number: int, digits: str) -> None:
        written = f"{number},{digits}"
        self.add(path, f"{self.where(path[:-1])}: `{written}` in a {{...}} mapping is read as {number} and a "
                 f"new key '{digits}'",
                 f'write {number}{digits} without the comma, or put it in quotes: "{written}"', at_key=True)

    def max_items(self, path: Path, count: int, limit: int) -> None:
        what = str(path[-1]) if path else "items"
        self.add(path, f"{format_path(path)} has {count:,} {what}; cjm checks maps of up to {limit:,} {what}",
                 "split the journey into several maps", at_key=True)

    def min_items(self, path: Path, count: int) -> None:
        self.add(path, f"{self.where(path)} needs at least {count} item(s)")

    def repeated(self, path: Path, index: int, item: Any) -> None:
        self.add((*path, index), f"{self.where(path)} lists {describe(item)} twice", "remove the second one")

    def empty(self, path: Path) -> None:
        self.add(path, f"{self.where(path)} is empty", "write something here, or remove the key")

    def pattern(self, path: Path, value: str, description: str) -> None:
        message = f"{self.where(path)} '{shorten(value)}' is not allowed here"
        self.add(path, f"{message}: {description}" if description else message, _pattern_hint(value))

    def range(self, path: Path, value: float, low: float | None, high: float | None) -> None:
        if low is not None and high is not None:
            span = f"from {_num(low)} to {_num(high)}"
        elif low is not None:
            span = f"at least {_num(low)}"
        else:
            span = f"at most {_num(high or 0)}"
        self.add(path, f"{self.where(path)} is {_num(value)}; it must be {span}")


def _type_hint(key: str, value: Any, names: list[str]) -> str | None:
    """The concrete fix where it is known: remove quotes, write true, one value per key."""
    if isinstance(value, str) and ("integer" in names or "number" in names) and _looks_numeric(value):
        return f"remove the quotes: `{key}: {value.strip()}`"
    if isinstance(value, str) and "boolean" in names:
        word = YES_NO.get(value.strip().lower())
        return f"write `{key}: {word}`" if word else f"write `{key}: true` or `{key}: false`"
    if isinstance(value, list) and "string" in names:
        first = next((v for v in value if isinstance(v, str)), None)
        if key == "channel" and first is not None:
            return (f"one channel per touchpoint: write `channel: {first}`, and add a touchpoint for each "
                    "other channel")
        return f"write one value: `{key}: {first}`" if first else "write one value, not a list"
    if "string" in names and not isinstance(value, (list, dict)):
        return "put the value in quotes to make it text"
    if "array" in names:
        return "write it as a list: `[a, b]`, or one `- item` per line"
    return None


def _looks_numeric(text: str) -> bool:
    try:
        float(text.strip())
    except ValueError:
        return False
    return bool(text.strip())


def _pattern_hint(value: str) -> str | None:
    import re

    fixed = re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-_")
    return f"for example '{fixed}'" if fixed and fixed != value else None
