"""Read a map file safely: bounded, position-keeping, never raising.

Bytes are checked (size, binary, UTF-8), then cjm.loader.build turns the
parser's events (cjm.loader.events) into plain values with positions
(cjm.loader.positions), resolving scalars as YAML 1.2 does
(cjm.loader.scalars). Every problem becomes a `yaml-syntax` or
`duplicate-key` finding at its position, worded by cjm.loader.syntax.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from cjm.diagnostic import START, Finding, Pos
from cjm.loader.positions import LineIndex, Positions

MAX_BYTES = 10 * 1024 * 1024
"""A map file larger than this is not read (10 MiB)."""
MAX_DEPTH = 64
"""Deeper nesting than this is a finding, not a crash."""
MAX_NODES = 250_000
"""Values that aliases may repeat in one map; more is a finding (the "billion laughs" bomb)."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Loaded:
    """A map file as data: `data` is None when the file could not be read."""

    path: str
    text: str
    data: Any = None
    positions: Positions = field(default_factory=Positions)
    findings: list[Finding] = field(default_factory=list)
    long_numbers: list[Pos] = field(default_factory=list)
    """Where whole numbers too long to read exactly stand (each also a finding)."""

    @property
    def lines(self) -> list[str]:
        """The lines as YAML counts them: split at \\n, \\r\\n or \\r only (str.splitlines
        also splits at U+2028, NEL and others, which YAML 1.2 keeps inside a line)."""
        lines = _LINE_BREAK.split(self.text)
        if lines[-1] == "":
            lines.pop()
        return lines


def load_file(path: str | FsPath) -> Loaded:
    """Read and load one file. A file over the size limit gives a finding; a path that is not
    a readable regular file raises cjm.loader.read.UnreadableFile (a usage error, exit 2)."""
    from cjm.loader.read import read_bounded

    name = str(path)
    raw, size = read_bounded(path, MAX_BYTES)
    return load_bytes(raw, name) if size is None else oversized(name, size)


def oversized(name: str, size: int) -> Loaded:
    """The finding for a file over the size limit (its content is not read further)."""
    return _failed(name, "", f"the file is {size:,} bytes; cjm reads maps up to "
                   f"{MAX_BYTES:,} bytes. Split the journey into several maps.")


def load_bytes(raw: bytes, name: str = "<map>") -> Loaded:
    """Decode and load bytes (a BOM is allowed; UTF-8 only)."""
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
    return load_text(text, name)


def load_text(text: str, name: str = "<map>") -> Loaded:
    """Load YAML text into plain data with positions and loader findings."""
    loaded = Loaded(path=name, text=text)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        loaded.findings.append(Finding("yaml-syntax", f"the map is larger than {MAX_BYTES:,} "
                                       "bytes; split the journey into several maps", START))
        return loaded
    from cjm.loader.build import Builder, LimitExceeded
    from cjm.loader.syntax import syntax_finding

    lines = LineIndex(text)
    builder = Builder(loaded.positions, loaded.findings, lines, max_depth=MAX_DEPTH, max_nodes=MAX_NODES)
    loaded.long_numbers = builder.long_numbers
    try:
        loaded.data = builder.build(text)
    except LimitExceeded as exc:
        loaded.findings.append(Finding("yaml-syntax", str(exc), exc.pos, hint=exc.hint))
    except Exception as exc:  # the parsers raise many error types; all are about the user's YAML
        loaded.findings.append(syntax_finding(exc, text, lines))
    if loaded.data is None and not loaded.findings:
        loaded.findings.append(Finding("yaml-syntax", "the file is empty", START,
                                       hint="start with `cjm: 1` and a `title:`"))
    return loaded


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32, by its byte-order mark or by NUL bytes between ASCII letters."""
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if raw.startswith(bom):
            return name
    head = raw[:512] if len(raw) % 2 == 0 else raw[:511]
    for zeros, codec in ((head[1::2], "utf-16-le"), (head[0::2], "utf-16-be")):
        if len(head) >= 8 and zeros.count(0) >= 0.9 * len(zeros):
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
