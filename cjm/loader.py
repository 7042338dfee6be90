"""Read a map file safely: bounded, position-keeping, never raising.

Bytes are checked (size, binary, UTF-8), then cjm.yaml_build turns the
parser's events into plain values with positions. Every problem becomes a
`yaml-syntax` or `duplicate-key` finding at its position.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from cjm.diagnostic import START, Finding, Pos
from cjm.positions import LineIndex, Positions

MAX_BYTES = 10 * 1024 * 1024
"""A map file larger than this is not read (10 MiB)."""
MAX_DEPTH = 64
"""Deeper nesting than this is a finding, not a crash."""
MAX_NODES = 250_000
"""Values in a map after expanding aliases; more is a finding (alias bombs)."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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
        """The lines as YAML counts them: split at \\n, \\r\\n or \\r only (str.splitlines
        also splits at U+2028, NEL and others, which YAML 1.2 keeps inside a line)."""
        lines = _LINE_BREAK.split(self.text)
        if lines[-1] == "":
            lines.pop()
        return lines


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
    from cjm.positions import LineIndex
    from cjm.yaml_build import Builder, LimitExceeded

    lines = LineIndex(text)
    builder = Builder(loaded.positions, loaded.findings, lines, max_depth=MAX_DEPTH, max_nodes=MAX_NODES)
    try:
        loaded.data = builder.build(text)
    except LimitExceeded as exc:
        loaded.findings.append(Finding("yaml-syntax", str(exc), exc.pos, hint=exc.hint))
    except Exception as exc:  # the parsers raise many error types; all are about the user's YAML
        loaded.findings.append(_syntax_finding(exc, text, lines))
    if loaded.data is None and not loaded.findings:
        loaded.findings.append(Finding("yaml-syntax", "the file is empty", START,
                                       hint="start with `cjm: 1` and a `title:`"))
    return loaded


def _failed(name: str, text: str, message: str, pos: Pos = START) -> Loaded:
    return Loaded(path=name, text=text, findings=[Finding("yaml-syntax", message, pos)])


def _offset_pos(raw: bytes, offset: int) -> Pos:
    """The line and column (in characters, as the parser counts) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return Pos(raw.count(b"\n", 0, offset) + 1, column)


def _syntax_finding(exc: Exception, text: str, lines: LineIndex) -> Finding:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None)
    problem = str(problem or getattr(exc, "reason", None) or exc).strip()
    character = getattr(exc, "character", None)
    if isinstance(character, str) and character:
        problem = f"the character U+{ord(character):04X} is not allowed in YAML text"
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    end = len(text.rstrip())
    if context and context_mark is not None and context != problem and context_mark.index < end:
        where = lines.pos(context_mark.index)
        problem += f" ({_plain_words(str(context))} that starts at line {where.line}, column {where.column})"
        if mark is None or mark.index >= end:
            mark = context_mark  # the end of the file says nothing: show where it started
    position = getattr(exc, "position", None)
    if mark is not None:
        position = mark.index
    if isinstance(position, int) and position >= end and text.strip():
        position = end  # past the end: show the last thing written
        problem = f"the file ends in the middle of something ({problem})"
    pos = lines.pos(position) if isinstance(position, int) else START
    hint = _syntax_hint(problem)
    if _tab_indented(text, lines, pos):
        hint = "indent with spaces, not tabs"
    return Finding("yaml-syntax", f"YAML syntax error: {problem}", pos, hint=hint)


_WORDS = {"quoted scalar": "quoted text", "simple key": "key", "block mapping": "block of key: value lines",
          "flow mapping": "{...} mapping", "flow sequence": "[...] list", "block collection": "block",
          "plain scalar": "text", "flow node": "[...] or {...} value", "block scalar": "multi-line text"}


def _plain_words(context: str) -> str:
    """`while scanning a quoted scalar` -> `in the quoted text`."""
    for yaml_words, words in _WORDS.items():
        context = context.replace(yaml_words, words)
    return context.replace("while scanning", "in").replace("while parsing", "in")


def _tab_indented(text: str, lines: LineIndex, pos: Pos) -> bool:
    """True when the error's line, or the one before, is indented with a tab."""
    for number in (pos.line, pos.line - 1):
        if 1 <= number <= len(lines.starts):
            start = lines.starts[number - 1]
            line = text[start:text.find("\n", start) if "\n" in text[start:] else len(text)]
            if line[: len(line) - len(line.lstrip())].count("\t"):
                return True
    return False


def _syntax_hint(problem: str) -> str | None:
    if "file ends in the middle" in problem:
        return "close every quote, [ list ] and { mapping } that this part of the file opens"
    if "mapping values are not allowed" in problem:
        return "a value that contains ': ' needs quotes around it"
    if "expected ',' or ']'" in problem:
        return "close the list with ] and separate its items with commas"
    if "expected ',' or '}'" in problem:
        return "close the mapping with } and separate its items with commas"
    if "expected '-' indicator" in problem:
        return "line this up with the other keys of its block, or start a new list item with -"
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "check the indentation of this line against the lines above it"
    if "undefined alias" in problem:
        return "define the anchor (&name) before using it (*name)"
    return None
