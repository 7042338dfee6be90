"""ruamel.yaml's round trip, set up to write a map back exactly as cjm reads it."""

from __future__ import annotations

import re
from typing import Any

_STR = "tag:yaml.org,2002:str"
_TYPED_SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")}
_SAME_TEXT = re.compile(r"-?[1-9][0-9]*|0|null")
"""Typed keys that ruamel.yaml writes back with the same text. `true` and `false` are not among them: as
keys they would equal 1 and 0 (Python's True == 1), so `1:` and `true:` in one mapping would clash; they
are written back quoted, `'true':`, the same key to cjm."""


class _WrittenFloat(float):
    """A float that is written back as it was written: ruamel.yaml's own float formatting
    rounds some 16- and 17-digit floats (1.898412569502271e-236 came back as ...270e-236)."""

    text: str

    def __new__(cls, text: str, value: float) -> _WrittenFloat:
        written = super().__new__(cls, value)
        written.text = text
        return written


def round_trip() -> Any:
    """A YAML object for loading and dumping in the canonical layout (see cjm.fmt)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import TaggedScalar
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.emitter import Emitter
    from ruamel.yaml.representer import RoundTripRepresenter
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    class TextKeys(RoundTripConstructor):
        """Keys are text, as the loader reads them: `True:` or `-0:` must not come back as `true:`, `0:`,
        and `!!str title:` is the key `title` (placed and written as one)."""

        def construct_mapping(self, node: Any, maptyp: Any, deep: bool = False) -> Any:  # type: ignore[override]
            for key, _ in node.value:
                if key.id != "scalar":
                    continue
                if key.tag == _STR or (key.tag in _TYPED_SCALARS and not _SAME_TEXT.fullmatch(key.value)):
                    key.tag = _STR  # a plain tag: ruamel.yaml keeps one written as `!!str` as a tagged scalar
            return super().construct_mapping(node, maptyp, deep=deep)

        def construct_written_float(self, node: Any) -> Any:
            return _WrittenFloat(node.value, self.construct_yaml_float(node))

    class WrittenScalars(RoundTripRepresenter):
        empty_texts: dict[int, Any]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.empty_texts = {}

        def represent_written_float(self, data: _WrittenFloat) -> Any:
            return self.represent_scalar("tag:yaml.org,2002:float", data.text)

        def represent_tagged(self, data: TaggedScalar) -> Any:
            """`!!str 3` stays `!!str 3`: ruamel.yaml 0.19 writes `!!%20str 3` (a tag's `!!` and its name
            joined by a space), which is another tag, and the map would not read the same. `!!str ""`
            is written `""`, the same empty text: ruamel.yaml would leave nothing, which reads as null."""
            if data.value == "" and str(data.tag) == _STR:  # ruamel.yaml writes it as `x:`, a null
                if id(data) not in self.empty_texts:  # one text for one value, so an alias stays one
                    anchor = getattr(data.yaml_anchor(), "value", None)
                    self.empty_texts[id(data)] = DoubleQuotedScalarString("", anchor=anchor)
                return self.represent_data(self.empty_texts[id(data)])
            return self.represent_scalar(data.tag, data.value, style=data.style, anchor=data.yaml_anchor())

    TextKeys.add_constructor("tag:yaml.org,2002:float", TextKeys.construct_written_float)
    WrittenScalars.add_representer(_WrittenFloat, WrittenScalars.represent_written_float)
    WrittenScalars.add_representer(TaggedScalar, WrittenScalars.represent_tagged)

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
    yaml.Representer = WrittenScalars
    yaml.Emitter = SpacedAliasKeys
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never fold a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
