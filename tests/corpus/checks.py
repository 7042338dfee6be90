"""What every output must be, whatever the input: safe for a terminal, well-formed HTML and SVG."""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal acts on (C0 but tab and newline, DEL, C1) and bidirectional overrides."""


def terminal_problem(text: str, where: str) -> str | None:
    """Why `text` is not safe to print on a terminal, or None."""
    found = TERMINAL_UNSAFE.search(text)
    if found is None:
        return None
    start = max(found.start() - 30, 0)
    return f"{where} holds the raw character U+{ord(found.group()):04X}: {text[start:found.end() + 10]!r}"


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SCRIPTS = {"script", "iframe", "object", "embed", "base", "form", "frame"}
OWN_SCRIPTS = re.compile(r"script-src((?: 'sha256-[A-Za-z0-9+/=]+')+)$")
"""The end of the policy a cjm page sets: the digests of its own inline scripts, nothing else."""


class _TagStack(HTMLParser):
    """Checks that elements nest and close, and that the page has no element a map could have injected:
    its only scripts are its own, named by their SHA-256 in the page's Content-Security-Policy."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.allowed: set[str] = set()
        self.script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "meta" and (named.get("http-equiv") or "").lower() == "content-security-policy":
            self._policy(named.get("content") or "")
        if tag == "script" and not attrs:
            self.script = []
        elif tag in SCRIPTS:
            self.problems.append(f"a <{tag}> element at line {self.getpos()[0]}")
        handlers = [name for name, _ in attrs if name.startswith("on")]
        if handlers:
            self.problems.append(f"<{tag} {handlers[0]}=...> at line {self.getpos()[0]}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def _policy(self, policy: str) -> None:
        scripts = OWN_SCRIPTS.search(policy)
        if not policy.startswith("default-src 'none';") or ("script-src" in policy and scripts is None):
            self.problems.append(f"the page's policy lets more run than its own scripts: {policy!r}")
        self.allowed |= set(scripts.group(1).split()) if scripts else set()

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            text = "".join(self.script).encode("utf-8")
            digest = f"'sha256-{base64.b64encode(hashlib.sha256(text).digest()).decode('ascii')}'"
            if digest not in self.allowed:
                self.problems.append(f"a <script> its policy does not name, at line {self.getpos()[0]}")
            self.script = None
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            open_tag = self.stack[-1] if self.stack else "nothing"
            self.problems.append(f"</{tag}> at line {self.getpos()[0]} closes <{open_tag}>")
            return
        self.stack.pop()


def html_problems(page: str) -> list[str]:
    """Why `page` is not a well-formed HTML page of cjm's (no script, no handler), or []."""
    checker = _TagStack()
    checker.feed(page)
    checker.close()
    problems = checker.problems
    if checker.stack:
        problems.append(f"elements left open: {checker.stack[-5:]}")
    if not page.lstrip().lower().startswith("<!doctype html>"):
        problems.append("the page does not start with <!DOCTYPE html>")
    return problems


def svg_problems(svg: str) -> list[str]:
    """Why `svg` is not a well-formed SVG document without scripts, or []."""
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError as exc:
        return [f"the SVG is not well-formed XML: {exc}"]
    problems = []
    if not root.tag.endswith("svg"):
        problems.append(f"the root element is <{root.tag}>, not <svg>")
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in SCRIPTS:
            problems.append(f"a <{element.tag}> element")
        if any(name.startswith("on") for name in element.attrib):
            problems.append(f"an event handler on <{element.tag}>")
    return problems


def dot_problems(dot: str) -> list[str]:
    """Why `dot` is not well-formed DOT text: quoted strings and <...> labels closed, braces and brackets
    balanced outside them, every HTML-like label well-formed XML."""
    closing = {"}": "{", "]": "["}
    stack: list[str] = []
    i = 0
    while i < len(dot):
        char = dot[i]
        if char == '"':
            end = i + 1
            while end < len(dot) and dot[end] != '"':
                end += 2 if dot[end] == "\\" else 1
            if end >= len(dot):
                return [f"the quoted string at offset {i} is never closed"]
            i = end
        elif char == "<":
            end, level = i + 1, 1
            while end < len(dot) and level:
                level += {"<": 1, ">": -1}.get(dot[end], 0)
                end += 1
            if level:
                return [f"the <...> label at offset {i} is never closed"]
            try:
                ElementTree.fromstring(f"<label>{dot[i + 1:end - 1]}</label>")
            except ElementTree.ParseError as exc:
                return [f"the <...> label at offset {i} is not well-formed: {exc}: {dot[i:end][:200]!r}"]
            i = end - 1
        elif char in "{[":
            stack.append(char)
        elif char in closing and (not stack or stack.pop() != closing[char]):
            return [f"an unbalanced {char!r} at offset {i}"]
        i += 1
    return [f"{len(stack)} unclosed {stack[-1]!r}"] if stack else []


MERMAID_LINE = re.compile(r"    (title |accDescr: |section )\S.*|      [^\s%].*: [1-5]: .+")
"""A line of a Mermaid journey after `journey`: the title, the description, a section, or a task with its
score and actors, on one line and never starting a `%%` directive or comment."""


def mermaid_problems(text: str) -> list[str]:
    """Why `text` is not a Mermaid journey of cjm's: a directive, `journey`, then only its own lines."""
    lines = text.splitlines()
    if len(lines) < 2 or not lines[0].startswith("%%{init: ") or lines[1] != "journey":
        return [f"does not start as cjm's journeys do: {lines[:2]!r}"]
    return [f"line {n}, {line!r}, is not a title, section or task" for n, line in enumerate(lines[2:], 3)
            if not MERMAID_LINE.fullmatch(line)][:1]


FORMULA_START = tuple("=+-@\t\r")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def csv_problems(text: str) -> list[str]:
    """Why `text` is not a CSV a spreadsheet opens safely: rows as wide as the header, no cell a
    spreadsheet would run as a formula (one starting with = + - @ or a tab is guarded by a ')."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    if not rows:
        return ["no header row"]
    problems = [f"row {n} has {len(row)} cells, the header {len(rows[0])}"
                for n, row in enumerate(rows[1:], 2) if len(row) != len(rows[0])]
    problems += [f"row {n} holds a formula: {cell!r}" for n, row in enumerate(rows[1:], 2) for cell in row
                 if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell)]
    return problems[:3]
