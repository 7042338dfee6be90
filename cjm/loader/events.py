"""The YAML event stream of a text, from the fastest parser available.

libyaml (through PyYAML's C binding) parses about ten times faster than any
pure-Python parser; ruamel.yaml's pure parser is the fallback where the C
binding is missing. Both yield the same events, lazily, so the loader can
stop at its limits without reading the rest of a hostile file. Only the
parser is used: no composer or constructor (recursive, or able to build
objects) ever runs.
"""

from __future__ import annotations

from collections.abc import Iterator

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any


def events(text: str) -> Iterator[Any]:
    """Parse events of `text` (raises the parser's MarkedYAMLError on bad YAML)."""
    parser = _c_parser()
    if parser is not None:
        return _drain(parser(text))
    return _ruamel_events(text)


def _c_parser() -> Any:
    try:
        from yaml._yaml import CParser
    except ImportError:  # PyYAML without its libyaml binding
        return None
    return CParser


def _drain(parser: Any) -> Iterator[Any]:
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def _ruamel_events(text: str) -> Iterator[Any]:
    from ruamel.yaml import YAML

    yield from YAML(typ="safe", pure=True).parse(text)
