"""The YAML event stream of a text, from the fastest parser available.

libyaml (through PyYAML's C binding) parses about ten times faster than any
pure-Python parser; ruamel.yaml's pure parser is the fallback where the C
binding is missing. Both yield the same events, lazily, so the loader can
stop at its limits without reading the rest of a hostile file. Only the
parser is used: no composer or constructor (recursive, or able to build
objects) ever runs.

libyaml reads a `:` right after `[`, `{` or `,` as a value indicator, even
when text follows it; YAML 1.2 reads `[:0]` as a list of the text ':0' (and
ruamel.yaml writes it so). When libyaml refuses a text there, the loader
parses it again with each such `:` swapped for a character the text does not
hold (one for one, so every position stays), and swaps it back in every
value: libyaml then reads it as YAML 1.2 does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any


_PLAIN_COLON = re.compile(r"(?P<before>[\[{,]\s*):(?=[^\s,\[\]{}])")
"""A `:` that starts a plain value inside [...] or {...} (`[:0]`, `[a, :b]`): text in YAML 1.2."""


def events(text: str, *, plain_colons: bool = False) -> Iterator[Any]:
    """Parse events of `text` (raises the parser's MarkedYAMLError on bad YAML). With `plain_colons`,
    a `:` that starts a plain value in [...] or {...} is read as YAML 1.2 does (see above)."""
    parser = _c_parser()
    if parser is None:
        return _ruamel_events(text)  # ruamel.yaml's parser reads `[:0]` as YAML 1.2 does
    stand_in = _unused_character(text) if plain_colons else None
    if stand_in is None:
        return _drain(parser(text))
    swapped = _PLAIN_COLON.sub(lambda match: match["before"] + stand_in, text)
    return _colons_back(_drain(parser(swapped)), stand_in)


def refuses_plain_colon(exc: Exception, text: str) -> bool:
    """Whether libyaml's error is at a `:` that YAML 1.2 reads as the start of a plain value."""
    mark = getattr(exc, "problem_mark", None)
    if getattr(exc, "problem", None) != "did not find expected node content" or mark is None:
        return False
    colons = _PLAIN_COLON.finditer(text, max(0, mark.index - 200), mark.index + 2)
    return any(match.end("before") == mark.index for match in colons)


def _unused_character(text: str) -> str | None:
    """A private-use character `text` neither holds nor writes as an escape (`\\ue000`), to stand in
    for a `:`."""
    held = {ord(char) for char in set(text)}
    held |= {int(code, 16) for code in re.findall(r"\\(?:u|U0000)([0-9a-fA-F]{4})", text)}
    return next((chr(code) for code in range(0xE000, 0xF900) if code not in held), None)


def _colons_back(parsed: Iterator[Any], stand_in: str) -> Iterator[Any]:
    for event in parsed:
        value = getattr(event, "value", None)
        if type(value) is str and stand_in in value:
            event.value = value.replace(stand_in, ":")
        yield event


def _c_parser() -> Any:
    from cjm.loader.libyaml import c_parser

    return c_parser()  # None for PyYAML without its libyaml binding


def _drain(parser: Any) -> Iterator[Any]:
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def _ruamel_events(text: str) -> Iterator[Any]:
    from ruamel.yaml import YAML

    yield from YAML(typ="safe", pure=True).parse(text)
