"""Read a map file safely: bounded, position-keeping, never raising.

Bytes are checked (size, binary, UTF-8), then cjm.loader.flat (the common
map, fast) or cjm.loader.build (every YAML feature) turns the parser's events
(cjm.loader.events) into plain values with positions (cjm.loader.positions),
resolving scalars as YAML 1.2 does (cjm.loader.scalars). Every problem becomes a `yaml-syntax` or
`duplicate-key` finding at its position, worded by cjm.loader.syntax.
"""

from __future__ import annotations

import codecs
import os
import re

from cjm.diagnostic import START, Finding, Pos
from cjm.loader.positions import LineIndex, Positions
from cjm.records import field, record

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

MAX_BYTES = 10 * 1024 * 1024
"""A map file larger than this is not read (10 MiB)."""
MAX_DEPTH = 64
"""Deeper nesting than this is a finding, not a crash."""
MAX_NODES = 250_000
"""Values that aliases may repeat in one map; more is a finding (the "billion laughs" bomb)."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@record
class Loaded:
    """A map file as data: `data` is None when the file could not be read."""

    path: str
    text: str
    data: Any = None
    positions: Positions = field(factory=Positions)
    findings: list[Finding] = field(factory=list)
    long_numbers: list[Pos] = field(factory=list)
    """Where whole numbers too long to read exactly stand (each also a finding)."""

    @property
    def lines(self) -> list[str]:
        """The lines as YAML counts them: split at \\n, \\r\\n or \\r only (str.splitlines
        also splits at U+2028, NEL and others, which YAML 1.2 keeps inside a line)."""
        lines = _LINE_BREAK.split(self.text)
        if lines[-1] == "":
            lines.pop()
        return lines


def load_file(path: str | os.PathLike[str]) -> Loaded:
    """Read and load one file. A file over the size limit gives a finding; a path that is not
    a readable regular file raises cjm.loader.read.UnreadableFile (a usage error, exit 2)."""
    from cjm.loader.read import read_bounded

    name = os.fspath(path)
    raw, size = read_bounded(path, MAX_BYTES)
    return load_bytes(raw, name) if size is None else oversized(name, size)


def oversized(name: str, size: int) -> Loaded:
    """The finding for a file over the size limit (its content is not read further)."""
    return _failed(name, "", f"the file is {size:,} bytes; cjm reads maps up to "
                   f"{MAX_BYTES:,} bytes. Split the journey into several maps.")


def load_bytes(raw: bytes, name: str = "<map>", *, fast: bool = True) -> Loaded:
    """Decode and load bytes (a BOM is allowed; UTF-8 only); `fast` as for load_text."""
    wide = _wide_encoding(raw)
    if wide:
        return _failed(name, "", f"the file is {wide} text; cjm reads maps saved as UTF-8: save it as "
                       "UTF-8 in your editor")
    if b"\x00" in raw[:8192]:
        return _failed(name, "", "this is a binary file, not a YAML journey map")
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        pos = offset_pos(body, exc.start)
        return _failed(name, "", f"the file is not UTF-8 text (byte 0x{body[exc.start]:02x}); "
                       "save it as UTF-8 in your editor", pos)
    return load_text(text, name, fast=fast)


def load_text(text: str, name: str = "<map>", *, fast: bool = True) -> Loaded:
    """Load YAML text into plain data with positions and loader findings. The common map loads
    by cjm.loader.flat; the rest (or all, with `fast=False`) by cjm.loader.build."""
    text = text.lstrip("\ufeff")  # byte-order marks at the start are no text (libyaml counts one, not two)
    loaded = Loaded(path=name, text=text)
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        loaded.findings.append(Finding("yaml-syntax", f"the map is larger than {MAX_BYTES:,} "
                                       "bytes; split the journey into several maps", START))
        return loaded
    from cjm.loader.flat import load_flat

    built = load_flat(text, MAX_DEPTH) if fast else None
    if built is None:
        _build(loaded)
    else:
        loaded.data, loaded.positions = built
    if loaded.data is None and not loaded.findings:
        loaded.findings.append(_empty(START))
    return loaded


def _empty(pos: Pos, blank: str = "") -> Finding:
    return Finding("yaml-syntax", f"the file is empty{blank}", pos, hint="start with `cjm: 1` and a `title:`")


def _build(loaded: Loaded) -> None:
    """Load by cjm.loader.build.Builder, which handles every YAML feature and words every error. A text
    libyaml refuses only for a `:` that starts a plain value in [...] (`[:0]`) is loaded again, read
    as YAML 1.2 reads it (cjm.loader.events)."""
    from cjm.loader.build import Builder, LimitExceeded
    from cjm.loader.events import refuses_plain_colon
    from cjm.loader.syntax import syntax_finding

    lines = LineIndex(loaded.text)
    for plain_colons in (False, True):
        loaded.positions, loaded.findings = Positions(), []
        builder = Builder(loaded.positions, loaded.findings, lines, max_depth=MAX_DEPTH, max_nodes=MAX_NODES)
        loaded.long_numbers = builder.long_numbers
        try:
            loaded.data = builder.build(loaded.text, plain_colons=plain_colons)
        except LimitExceeded as exc:
            loaded.findings.append(Finding("yaml-syntax", str(exc), exc.pos, hint=exc.hint))
        except Exception as exc:  # the parsers raise many error types; all are about the user's YAML
            if not plain_colons and refuses_plain_colon(exc, loaded.text):
                continue
            found = syntax_finding(exc, loaded.text, lines)
            if not loaded.text.strip(" \t\r\n"):  # YAML 1.2 reads blank lines with tabs as blank; libyaml not
                found = _empty(found.pos, ": it holds only spaces, tabs and blank lines")
            loaded.findings.append(found)
        return


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32, by its byte-order mark or by NUL bytes between ASCII letters (not NULs only)."""
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if raw.startswith(bom):
            return name
    head = raw[:512] if len(raw) % 2 == 0 else raw[:511]
    for zeros, letters, codec in ((head[1::2], head[::2], "utf-16-le"), (head[::2], head[1::2], "utf-16-be")):
        if len(head) >= 8 and zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) <= len(letters) / 2:
            try:
                head.decode(codec)
            except UnicodeDecodeError:
                continue
            return "UTF-16"
    return None


def _failed(name: str, text: str, message: str, pos: Pos = START) -> Loaded:
    return Loaded(path=name, text=text, findings=[Finding("yaml-syntax", message, pos)])


def offset_pos(raw: bytes, offset: int) -> Pos:
    """The line and column (in characters, as the parser counts) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return Pos(raw.count(b"\n", 0, offset) + 1, column)
