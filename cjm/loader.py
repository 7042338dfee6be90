"""Read a map file safely: bounded, position-keeping, never raising.

The YAML is composed by ruamel.yaml (YAML 1.2) and turned into plain Python
values here, so that every value keeps its position, repeated keys become
findings instead of exceptions, no tag ever constructs an object, and alias
expansion is counted against a limit (the "billion laughs" bomb stops at the
limit with a message, never a hang).
"""

from __future__ import annotations

import codecs
import math
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from cjm.diagnostic import START, Finding, Pos
from cjm.positions import Path, Positions

MAX_BYTES = 10 * 1024 * 1024
"""A map file larger than this is not read (10 MiB)."""
MAX_DEPTH = 64
"""Deeper nesting than this is a finding, not a crash."""
MAX_NODES = 250_000
"""Values in a map after expanding aliases; more is a finding (alias bombs)."""

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_YAML}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MERGE = f"{_YAML}merge"


class _LimitExceeded(Exception):
    def __init__(self, message: str, pos: Pos) -> None:
        super().__init__(message)
        self.pos = pos


@dataclass
class Loaded:
    """A map file as data: `data` is None when the file could not be read."""

    path: str
    text: str
    data: Any = None
    positions: Positions = field(default_factory=Positions)
    findings: list[Finding] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def load_file(path: str | FsPath) -> Loaded:
    """Read and load one file; an unreadable file gives a finding, not an exception."""
    name = str(path)
    try:
        size = FsPath(path).stat().st_size
        if size > MAX_BYTES:
            return _failed(name, "", f"the file is {size:,} bytes; cjm reads maps up to "
                           f"{MAX_BYTES:,} bytes. Split the journey into several maps.")
        raw = FsPath(path).read_bytes()
    except OSError as exc:
        return _failed(name, "", f"cannot read the file: {exc.strerror or exc}")
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str = "<map>") -> Loaded:
    """Decode and load bytes (a BOM is allowed; UTF-8 only)."""
    if b"\x00" in raw[:8192]:
        return _failed(name, "", "this is a binary file, not a YAML journey map")
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        pos = _offset_pos(body, exc.start)
        return _failed(name, "", f"the file is not UTF-8 text (byte 0x{body[exc.start]:02x}); "
                       "save it as UTF-8 in your editor", pos)
    return load_text(text, name)


def load_text(text: str, name: str = "<map>") -> Loaded:
    """Load YAML text into plain data with positions and loader findings."""
    loaded = Loaded(path=name, text=text)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        loaded.findings.append(Finding("yaml-syntax", f"the map is larger than {MAX_BYTES:,} "
                                       "bytes; split the journey into several maps", START))
        return loaded
    try:
        node = _compose(text)
    except Exception as exc:  # ruamel raises many error types; all are the user's YAML
        loaded.findings.append(_syntax_finding(exc))
        return loaded
    if node is None:
        loaded.findings.append(Finding("yaml-syntax", "the file is empty", START,
                                       hint="start with `cjm: 1` and a `title:`"))
        return loaded
    builder = _Builder(loaded)
    try:
        loaded.data = builder.build(node, ())
    except _LimitExceeded as exc:
        loaded.data = None
        loaded.findings.append(Finding("yaml-syntax", str(exc), exc.pos))
    return loaded


def _compose(text: str) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.max_depth = MAX_DEPTH
    return yaml.compose(text)


def _failed(name: str, text: str, message: str, pos: Pos = START) -> Loaded:
    return Loaded(path=name, text=text, findings=[Finding("yaml-syntax", message, pos)])


def _offset_pos(raw: bytes, offset: int) -> Pos:
    """The line and column (in characters, as the parser counts) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return Pos(raw.count(b"\n", 0, offset) + 1, column)


def _mark_pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def _syntax_finding(exc: Exception) -> Finding:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
    problem = str(problem).strip()
    if "maximum depth" in problem:
        problem = f"the map nests deeper than {MAX_DEPTH} levels"
    pos = _mark_pos(mark) if mark is not None else START
    return Finding("yaml-syntax", f"YAML syntax error: {problem}", pos, hint=_syntax_hint(problem))


def _syntax_hint(problem: str) -> str | None:
    if "tab" in problem or "\\t" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value that contains ': ' needs quotes around it"
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "check the indentation of this line against the lines above it"
    if "undefined alias" in problem:
        return "define the anchor (&name) before using it (*name)"
    return None


class _Builder:
    """Turns composed nodes into plain values, recording positions."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.positions = loaded.positions
        self.count = 0
        self.open: set[int] = set()  # ids of the collections being built (alias loops, depth)

    def build(self, node: Any, path: Path) -> Any:
        self.count += 1
        pos = _mark_pos(node.start_mark)
        if self.count > MAX_NODES:
            raise _LimitExceeded(f"the map expands to more than {MAX_NODES:,} values "
                                 "(too many aliases?); write the values out instead", pos)
        self.positions.values.setdefault(path, pos)
        kind = node.id
        if kind == "scalar":
            return self._scalar(node, pos)
        if node.tag not in (f"{_YAML}seq", f"{_YAML}map"):
            self._bad_tag(node.tag, pos)
        self._enter(node, pos)
        try:
            if kind == "sequence":
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            return self._mapping(node, path)
        finally:
            self.open.discard(id(node))

    def _enter(self, node: Any, pos: Pos) -> None:
        """Refuse an alias that contains itself, and nesting (after aliases) past the limit."""
        if id(node) in self.open:
            raise _LimitExceeded("an alias is used inside the value it names, so the map "
                                 "never ends; write the values out instead", pos)
        if len(self.open) >= MAX_DEPTH:
            raise _LimitExceeded(f"the map nests deeper than {MAX_DEPTH} levels "
                                 "once its aliases are expanded", pos)
        self.open.add(id(node))

    def _mapping(self, node: Any, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        merges: list[Any] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merges.append(value_node)
                continue
            key_pos = _mark_pos(key_node.start_mark)
            key = self._key(key_node, key_pos)
            key_path: Path = (*path, key)
            if key in out:
                first = self.positions.keys[key_path]
                self.loaded.findings.append(Finding(
                    "duplicate-key", f"the key '{key}' is repeated (first at line {first.line})",
                    key_pos, hint="remove one of the two, or merge their values"))
                continue
            self.positions.keys.setdefault(key_path, key_pos)  # explicit keys win over merged ones
            out[key] = self.build(value_node, key_path)
        for merged in merges:
            self._merge(out, merged, path)
        return out

    def _merge(self, out: dict[str, Any], node: Any, path: Path) -> None:
        sources = node.value if node.id == "sequence" else [node]
        for source in sources:
            value = self.build(source, path)
            if isinstance(value, dict):
                for key, item in value.items():
                    out.setdefault(key, item)

    def _key(self, node: Any, pos: Pos) -> str:
        if node.id != "scalar":
            self.loaded.findings.append(Finding(
                "yaml-syntax", "a key must be plain text, not a list or mapping", pos))
            return f"<complex key at line {pos.line}>"
        return str(node.value)

    def _scalar(self, node: Any, pos: Pos) -> Any:
        tag, value = node.tag, node.value
        if tag not in _SCALAR_TAGS:
            self._bad_tag(tag, pos)
            return value
        if tag.endswith(":int"):
            return _to_int(value)
        if tag.endswith(":float"):
            return _to_float(value)
        if tag.endswith(":bool"):
            return value.lower() == "true"
        if tag.endswith(":null"):
            return None
        return value  # str and timestamp: dates stay text

    def _bad_tag(self, tag: str, pos: Pos) -> None:
        shown = tag.replace(_YAML, "!!")
        raise _LimitExceeded(f"the YAML tag '{shown}' is not allowed in a journey map; "
                             "remove it and write the value as plain text", pos)


def _to_int(text: str) -> int | str:
    clean = text.replace("_", "")
    try:
        if clean.lower().lstrip("+-").startswith(("0x", "0o", "0b")):
            sign = -1 if clean.startswith("-") else 1
            return sign * int(clean.lstrip("+-"), 0)
        return int(clean)
    except ValueError:
        return text


def _to_float(text: str) -> float | str:
    clean = text.replace("_", "").lower()
    if clean.lstrip("+-") in (".inf",):
        return -math.inf if clean.startswith("-") else math.inf
    if clean == ".nan":
        return math.nan
    try:
        return float(clean)
    except ValueError:
        return text
