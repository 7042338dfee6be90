"""A parser error as a `yaml-syntax` finding: the real place, in plain words, with a hint."""

from __future__ import annotations

from cjm.diagnostic import START, Finding, Pos
from cjm.loader.mistakes import explain
from cjm.loader.parse_error import Explained, ParseError, Source
from cjm.loader.positions import LineIndex


def syntax_finding(exc: Exception, text: str, lines: LineIndex) -> Finding:
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
    explained = _explained(exc, text, lines)
    if explained is not None:
        return Finding("yaml-syntax", explained.message, explained.pos, hint=explained.hint)
    tab = _tab_indented(text, lines, pos)
    if tab is not None:
        return Finding("yaml-syntax", f"line {tab.line} is indented with a tab; YAML "
                       "indents with spaces only", tab, hint=f"replace the tab at the start of line "
                       f"{tab.line} with spaces (two for each level)")
    return Finding("yaml-syntax", f"YAML syntax error: {problem}", pos, hint=_syntax_hint(problem))


def _explained(exc: Exception, text: str, lines: LineIndex) -> Explained | None:
    """A mistake cjm.loader.mistakes recognises behind the parser's words, if any."""
    problem_mark = getattr(exc, "problem_mark", None)
    if problem_mark is None:
        return None
    context_mark = getattr(exc, "context_mark", None)
    error = ParseError(str(getattr(exc, "problem", "") or ""), str(getattr(exc, "context", "") or ""),
                       lines.pos(problem_mark.index),
                       lines.pos(context_mark.index) if context_mark is not None else None)
    tab = _tab_indented(text, lines, error.at)
    return None if tab is not None else explain(error, Source(text))


_WORDS = {"quoted scalar": "quoted text", "simple key": "key", "block mapping": "block of key: value lines",
          "flow mapping": "{...} mapping", "flow sequence": "[...] list", "block collection": "block",
          "plain scalar": "text", "flow node": "[...] or {...} value", "block scalar": "multi-line text"}


def _plain_words(context: str) -> str:
    """`while scanning a quoted scalar` -> `in the quoted text`."""
    for yaml_words, words in _WORDS.items():
        context = context.replace(yaml_words, words)
    return context.replace("while scanning", "in").replace("while parsing", "in")


def _tab_indented(text: str, lines: LineIndex, pos: Pos) -> Pos | None:
    """Where the tab is when the error's line, or the one before, is indented with a tab."""
    for number in (pos.line, pos.line - 1):
        if 1 <= number <= len(lines.starts):
            start = lines.starts[number - 1]
            end = text.find("\n", start)
            line = text[start:end if end >= 0 else len(text)]
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent:
                return Pos(number, indent.index("\t") + 1)
    return None


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
