"""The statements of a Mermaid diagram, each with where it stands in the user's file.

Finds the diagram (the whole text, the first ```mermaid fence, or the first
HTML element of class `mermaid`, whose entities are decoded), drops what
Mermaid skips or cjm does not read (`%%` comments, `%%{...}%%` directives,
front matter, `#` comments outside entity codes, an `accDescr { ... }`
block), and checks that it is a `journey`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from cjm.diagnostic import Pos
from cjm.interop.draft import Draft
from cjm.interop.mermaid_syntax import entity_spans, unescape

_FENCE = re.compile(r"\s*(```+|~~~+)\s*mermaid\b", re.IGNORECASE)
_HTML_OPEN = re.compile(r"<(pre|div|code)\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bmermaid\b[^\"']*[\"'][^>]*>",
                        re.IGNORECASE)
DIAGRAMS = {name.lower() for name in (
    "graph", "flowchart", "sequenceDiagram", "classDiagram", "classDiagram-v2", "stateDiagram",
    "stateDiagram-v2", "erDiagram", "gantt", "pie", "gitGraph", "mindmap", "timeline", "quadrantChart",
    "requirementDiagram", "C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment",
    "sankey-beta", "sankey", "xychart-beta", "xychart", "block-beta", "block", "kanban", "packet-beta",
    "packet", "architecture-beta", "radar-beta", "treemap-beta", "zenuml", "info")}
"""Mermaid's other diagram types: a file of one of these is a Mermaid diagram, but not a journey."""
_INLINE_TAG = re.compile(r"</?(b|i|em|strong|u|s|small|sup|sub|span|font|a|code|mark|br)\b[^<>]*>",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    number: int
    """The line in the user's file, from 1."""
    text: str
    """The statement, without comments and the indentation around it."""
    columns: tuple[int, ...]
    """The column in the file's line of each character of `text` (HTML entities are decoded), and
    of its end."""

    def pos(self, offset: int) -> Pos:
        return Pos(self.number, self.columns[min(offset, len(self.columns) - 1)])

    def part(self, start: int, end: int | None = None) -> Line:
        """The statement from `start` to `end`, stripped, still pointing into the file."""
        text = self.text[start:end]
        lead = len(text) - len(text.lstrip())
        return Line(self.number, text.strip(), self.columns[start + lead:])

    def plain(self, part: str) -> str:
        """A name as the diagram shows it: entity codes decoded, simple HTML tags dropped, one line."""
        return " ".join(unescape(_INLINE_TAG.sub(" ", part)).split())


def content_lines(text: str, draft: Draft) -> list[Line] | None:
    """The diagram's statements after `journey`; None (and a problem in `draft`) when it is no journey."""
    body = _body(re.split(r"\r\n|\r|\n", text))
    statements = _statements(body)
    if not statements:
        draft.problem("there is no Mermaid diagram in this file", Pos(1, 1),
                      "a journey diagram starts with the line `journey`")
        return None
    first = statements[0]
    keyword = re.match(r"journey\b", first.text, re.IGNORECASE)
    if keyword is None:
        kind = first.text.split()[0]
        if kind.lower() in DIAGRAMS:
            draft.problem(f"this Mermaid diagram is a '{kind}', not a 'journey'", first.pos(0),
                          "cjm imports Mermaid journey diagrams and CSV files of touchpoints")
        else:
            draft.problem("this is not a Mermaid journey diagram: it does not start with the line `journey`",
                          first.pos(0), "in a Markdown or HTML file, put the diagram in a ```mermaid block "
                          'or a <pre class="mermaid"> element')
        return None
    tail = first.part(keyword.end())
    return [line for line in [tail] if line.text] + statements[1:]


_Body = list[tuple[int, str, tuple[int, ...]]]


def _plain(number: int, line: str) -> tuple[int, str, tuple[int, ...]]:
    return number, line, tuple(range(1, len(line) + 2))


def _body(lines: list[str]) -> _Body:
    """(line number, text, column of each character) of the diagram's own lines: in its fence or
    HTML element, if any."""
    numbered = list(enumerate(lines, start=1))
    fence = next((i for i, (_, line) in enumerate(numbered) if _FENCE.match(line)), None)
    if fence is not None:
        opener = _FENCE.match(numbered[fence][1])
        mark = opener[1] if opener else "```"
        closing = re.compile(rf" {{0,3}}{re.escape(mark[0])}{{{len(mark)},}}\s*")
        inner = numbered[fence + 1:]
        end = next((i for i, (_, line) in enumerate(inner) if closing.fullmatch(line)), len(inner))
        return [_plain(n, line) for n, line in inner[:end]]
    for index, (_, line) in enumerate(numbered):
        opened = _HTML_OPEN.search(line)
        if opened:
            return _html_body(numbered[index:], opened.end())
    return [_plain(n, line) for n, line in numbered]


def _html_body(lines: list[tuple[int, str]], start: int) -> _Body:
    """The element's lines from column `start` of the first, up to its closing tag, entities decoded."""
    out: _Body = []
    for number, line in lines:
        closing = re.search(r"</(pre|div|code)\s*>", line[start:], re.IGNORECASE)
        end = start + closing.start() if closing else len(line)
        text: list[str] = []
        columns: list[int] = []
        for match in re.finditer(r"&(#\d+|#x[0-9a-fA-F]+|\w+);|[^&]+|&", line[start:end]):
            piece = html.unescape(match[0]) if match[1] else match[0]
            text.append(piece)
            first = start + match.start() + 1
            columns += [first] * len(piece) if match[1] else range(first, first + len(piece))
        out.append((number, "".join(text), (*columns, end + 1)))
        if closing:
            break
        start = 0
    return out


def _statements(body: _Body) -> list[Line]:
    out: list[Line] = []
    skipping: str | None = None
    for index, (number, raw, columns) in enumerate(body):
        text = _without_comment(raw)
        stripped = text.strip()
        if skipping is not None:
            ended = stripped == "---" if skipping == "---" else skipping in stripped
            skipping = None if ended else skipping
            continue
        if not out and stripped == "---" and all(not t.strip() for _, t, _ in body[:index]):
            skipping = "---"
        elif stripped.startswith("%%{"):
            skipping = None if "}%%" in stripped else "}%%"
        elif re.match(r"accdescr\s*\{", stripped, re.IGNORECASE):
            skipping = None if "}" in stripped else "}"
        elif stripped and not stripped.startswith("%"):
            indent = len(text) - len(text.lstrip())
            out.append(Line(number, stripped, columns[indent:]))
    return out


def _without_comment(line: str) -> str:
    """The line before its `#` comment (a `#` that opens an entity code such as `#35;` is text)."""
    inside = entity_spans(line)
    for index, ch in enumerate(line):
        if ch == "#" and not any(start <= index < end for start, end in inside):
            return line[:index]
    return line
