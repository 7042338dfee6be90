"""Tabs that cjm's parser (libyaml) reads as blanks and ruamel.yaml's does not: taken out, outside
every scalar, so a map `cjm validate` accepts is one `cjm fmt` can format."""

from __future__ import annotations

import re

_TRAILING_TAB = re.compile(r"[ \t]*\t[ \t]*$")


def without_trailing_tabs(text: str) -> str:
    """`text` without tabs at the ends of lines outside block scalars: they are not part of any value
    (cjm's parser accepts them; ruamel's does not), while in a `|` block they are text and stay."""
    if "\t" not in text:
        return text
    from cjm.loader.events import events

    kept: set[int] = set()
    for event in events(text):
        if type(event).__name__ == "ScalarEvent" and event.style in ("|", ">"):
            end = event.end_mark.line + (1 if event.end_mark.column else 0)  # ends where a line starts
            kept.update(range(event.start_mark.line + 1, end))
    lines = text.split("\n")
    return "\n".join(line if i in kept else _TRAILING_TAB.sub("", line) for i, line in enumerate(lines))


def spaced_separators(text: str) -> str:
    """`text` with each tab before a value (`key:\tvalue`, `-\tvalue`, `[1,\t2]`) made a space:
    libyaml reads such a tab as a blank, ruamel.yaml refuses it. Column for column, so positions hold."""
    if "\t" not in text:
        return text
    from cjm.loader.events import events

    chars = list(text)
    for event in events(text):
        if not hasattr(event, "anchor"):  # only nodes (scalars, aliases, collections) have one
            continue
        at = event.start_mark.index - 1
        while at >= 0 and chars[at] in " \t":
            chars[at] = " "
            at -= 1
        if type(event).__name__ != "AliasEvent" and (event.anchor is not None or event.tag is not None):
            _space_after_properties(chars, event.start_mark.index)
    return "".join(chars)


def _space_after_properties(chars: list[str], at: int) -> None:
    """Tabs after a node's anchor and tag (`&base\t{...}`) made spaces."""
    while at < len(chars) and chars[at] in "&!":
        while at < len(chars) and chars[at] not in " \t\n":
            at += 1
        while at < len(chars) and chars[at] in " \t":
            chars[at] = " "
            at += 1
