"""PyYAML and its libyaml parser, imported without compiling a pattern cjm never uses.

Importing `yaml` compiles, for PyYAML's pure-Python reader, the pattern of the
characters YAML does not allow (`yaml.reader.Reader.NON_PRINTABLE`). It takes
about 5 ms, a twentieth of `cjm validate` on one map, because `re` builds
that class (all of Unicode but a few characters) one code point at a time.
cjm reads with libyaml, which checks those characters itself, so the pattern
is compiled and never used. Before the first import, `re`'s cache is given
the same pattern compiled from the equal class written the other way round
(the few characters that are not allowed, well under 1 ms); PyYAML then gets
that one from the cache. tests/test_libyaml_import.py proves that the two
match exactly the same characters, over every code point, and that PyYAML
still writes the pattern so. On a Python whose `re` keeps its cache some
other way, nothing is given and the import costs what it always did.
"""

from __future__ import annotations

import re
import sys

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any

YAML_NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"
"""The pattern as yaml/reader.py writes it."""
NOT_ALLOWED = "[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]"
"""The same characters: every code point that YAML_NON_PRINTABLE does not leave out."""


def _give_re_the_pattern() -> None:
    cache = getattr(re, "_cache", None)
    if isinstance(cache, dict):  # CPython 3.10 to 3.13: {(type, pattern, flags): compiled}
        cache.setdefault((str, YAML_NON_PRINTABLE, 0), re.compile(NOT_ALLOWED))


def import_yaml() -> ModuleType:
    """The `yaml` module (imported as the module's text says, the first time)."""
    if "yaml" not in sys.modules:
        _give_re_the_pattern()
    import yaml

    return yaml


def c_parser() -> Any:
    """libyaml's parser class (`yaml._yaml.CParser`), or None for a PyYAML built without it."""
    import_yaml()
    try:
        from yaml._yaml import CParser
    except ImportError:
        return None
    return CParser
