"""ruamel.yaml's round trip, set up to write a map back exactly as cjm reads it."""

from __future__ import annotations

import re
from typing import Any

_TYPED_SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")}
_SAME_TEXT = re.compile(r"-?[1-9][0-9]*|0|true|false|null")
"""Typed keys that ruamel.yaml writes back with the same text."""


def round_trip() -> Any:
    """A YAML object for loading and dumping in the canonical layout (see cjm.fmt)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.emitter import Emitter

    class TextKeys(RoundTripConstructor):
        """Keys are text, as the loader reads them: `True:` or `-0:` must not come back as `true:`, `0:`."""

        def construct_mapping(self, node: Any, maptyp: Any, deep: bool = False) -> Any:  # type: ignore[override]
            for key, _ in node.value:
                if key.id == "scalar" and key.tag in _TYPED_SCALARS and not _SAME_TEXT.fullmatch(key.value):
                    key.tag = "tag:yaml.org,2002:str"
            return super().construct_mapping(node, maptyp, deep=deep)

    class SpacedAliasKeys(Emitter):
        """`{*name : value}`: in a flow mapping ruamel writes `*name:`, which reads back as an alias
        called `name:`. A space goes between an alias key and its colon."""

        alias_end: tuple[int, int] | None = None

        def process_anchor(self, indicator: Any) -> bool:
            wrote = bool(super().process_anchor(indicator))
            if indicator == "*":
                self.alias_end = (self.line, self.column)
            return wrote

        def expect_flow_mapping_simple_value(self) -> None:
            if self.alias_end == (self.line, self.column):
                self.write_indicator(" ", False)
            super().expect_flow_mapping_simple_value()

    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = TextKeys
    yaml.Emitter = SpacedAliasKeys
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never fold a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
