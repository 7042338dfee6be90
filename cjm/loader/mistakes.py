"""The YAML mistakes people really make, named in plain words at the real place.

A YAML parser says where it got lost ("could not find expected ':'", on the
line after the mistake). This module looks at the lines the parser was
reading and recognises what a person did: a quote never closed, curly quotes
from a word processor, a missing space after `:` or after `-`, a missing
colon, an apostrophe inside single quotes, text after a closing quote, a
value with `: ` in it, a key indented too far or not far enough, a list item
pasted at the wrong indent; and first the causes a person cannot see
(cjm.loader.unseen). Each explanation is a message, the position of
the mistake and the fix, often the corrected line itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cjm.diagnostic import Pos
from cjm.loader.parse_error import Explained, ParseError, Source, indent_of, lines_read
from cjm.loader.unseen import HIDDEN_CAUSES

CURLY = "“”„‟‘’‚‛«»"
_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_][\w-]*)\s*:"
                  r"(?:\s+(?P<value>\S.*?))?\s*(?:#.*)?$")
_NO_SPACE = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/].*)$")
_NO_COLON = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[A-Za-z_][\w-]*)(?P<sep>\s*=\s*|\s+)"
                       r"(?P<value>[^:#]+?)\s*$")
_VALUE_AT = re.compile(r"[^,\]}\s][^,\]}]*")
_BARE = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z_][\w-]*)\s*$")
_DASH_GLUED = re.compile(r"^(?P<indent>\s*)-(?P<rest>[A-Za-z_][\w-]*\s*:.*)$")
_FANCY_DASH = re.compile(r"^(?P<indent>\s*)(?P<mark>[–—•·▪●◦‣])\s*(?P<rest>\S.*)$")
_QUOTED = re.compile(r"^(?P<head>\s*(?:-\s+)?[\w-]+\s*:\s*)(?P<quote>[\"'])(?P<body>.*)$")


def explain(error: ParseError, source: Source) -> Explained | None:
    """The mistake behind a parser error, or None when none of the known ones fits."""
    for detector in DETECTORS:
        found = detector(error, source)
        if found is not None:
            return found
    return None


# --- quotes ------------------------------------------------------------------------------------


def unclosed_quote(error: ParseError, source: Source) -> Explained | None:
    if "end of stream" not in error.problem and "document" not in error.problem:
        return None
    if "quoted scalar" not in error.context or error.began is None:
        return None
    quote = source.line(error.began.line)[error.began.column - 1: error.began.column] or '"'
    return Explained(f"the {quote} that opens the value here is never closed, so the rest of the file "
                     "is read as part of it", error.began,
                     f"add the closing {quote} at the end of the value on line {error.began.line}")


def curly_quotes(error: ParseError, source: Source) -> Explained | None:
    for number in reversed(lines_read(error)):
        line = source.line(number)
        found = next((i for i, char in enumerate(line) if char in CURLY), None)
        if found is None:
            continue
        fixed = re.sub("[“”„‟«»]", '"', re.sub("[‘’‚‛]", "'", line)).strip()
        return Explained(f"the value is in curly quotes ({line[found]}…), which YAML does not read as quotes "
                         "(they come from Word, Slack or macOS)", Pos(number, found + 1),
                         f"use straight quotes: {fixed}")
    return None


def apostrophe_in_single_quotes(error: ParseError, source: Source) -> Explained | None:
    for number in lines_read(error):
        match = _QUOTED.match(source.line(number))
        if not match or match["quote"] != "'":
            continue
        body = match["body"].rstrip()
        inner = body[:-1] if body.endswith("'") else body
        apostrophe = inner.find("'")
        if apostrophe < 0 or inner[apostrophe: apostrophe + 2] == "''":
            continue
        at = len(match["head"]) + 1 + apostrophe
        return Explained(f"the apostrophe in '{inner[:apostrophe + 2].split()[-1]}' ends the quoted text",
                         Pos(number, at + 1),
                         f"write the apostrophe twice, or use double quotes: {match['head'].strip()} "
                         f'"{inner}"')
    return None


def text_after_quote(error: ParseError, source: Source) -> Explained | None:
    for number in lines_read(error):
        line = source.line(number)
        match = _QUOTED.match(line)
        if not match:
            continue
        quote, body = match["quote"], match["body"]
        close = body.find(quote)
        rest = body[close + 1:] if close >= 0 else ""
        if close < 0 or not rest.strip() or rest.lstrip().startswith("#"):
            continue
        column = len(match["head"]) + 1 + close + 1 + (len(rest) - len(rest.lstrip())) + 1
        whole = f"{quote}{body}".strip()
        if len(whole) > 1 and whole.endswith(quote):
            whole = whole[1:-1]  # quotes around a value that has the same quotes inside
        other = "'" if quote == '"' else '"'
        which = "single" if other == "'" else "double"
        return Explained("there is text after the closing quote, so the value ends too early",
                         Pos(number, column),
                         f"put the whole value in {which} quotes: "
                         f"{match['head'].strip()} {other}{whole}{other}")
    return None


def bad_escape(error: ParseError, source: Source) -> Explained | None:
    if "escape" not in error.problem:
        return None
    line = source.line(error.at.line)
    slash = max(0, line.rfind("\\", 0, error.at.column))
    sequence = line[slash: slash + 2]
    return Explained(f"`{sequence}` inside double quotes is not a valid escape: a backslash starts one",
                     Pos(error.at.line, slash + 1),
                     "write the backslash twice (\\\\), or use single quotes around the value")


# --- colons and dashes --------------------------------------------------------------------------


def missing_space_after_colon(error: ParseError, source: Source) -> Explained | None:
    if "expected ':'" not in error.problem:
        return None
    for number in lines_read(error):
        match = _NO_SPACE.match(source.line(number))
        if match and not re.match(r"(https?|mailto|ftp)$", match["key"]):
            column = len(match["indent"]) + source.line(number)[len(match["indent"]):].index(":") + 2
            return Explained(f"a space is missing after `{match['key']}:`", Pos(number, column),
                             f"write `{match['key']}: {match['value']}`")
    return None


def missing_colon(error: ParseError, source: Source) -> Explained | None:
    if "expected ':'" not in error.problem:
        return None
    for number in lines_read(error):
        line = source.line(number)
        bare = _BARE.match(line)
        if bare and number < error.at.line:
            column = len(line.rstrip()) + 1
            return Explained(f"`{bare['key']}` needs a colon after it", Pos(number, column),
                             f"write `{bare['key']}:`")
        match = _NO_COLON.match(line)
        if match:
            column = line.index(match["key"]) + len(match["key"]) + 1
            if "=" in match["sep"]:
                column = line.index("=", column - 1) + 1
            said = "`=` is not how YAML sets a value" if "=" in match["sep"] else \
                f"`{match['key']} {match['value']}` has no colon"
            return Explained(said, Pos(number, column), f"write `{match['key']}: {match['value']}`")
    return None


def dash_without_space(error: ParseError, source: Source) -> Explained | None:
    line = source.line(error.at.line)
    glued = _DASH_GLUED.match(line)
    if glued:
        return Explained("a space is missing after the `-` that starts this list item",
                         Pos(error.at.line, len(glued["indent"]) + 2), f"write `- {glued['rest']}`")
    fancy = _FANCY_DASH.match(line)
    if fancy:
        return Explained(f"this line starts with `{fancy['mark']}`, a typographic dash or bullet (pasted "
                         "from a document?): YAML list items start with a plain `-`",
                         Pos(error.at.line, len(fancy["indent"]) + 1), f"write `- {fancy['rest']}`")
    return None


def colon_in_value(error: ParseError, source: Source) -> Explained | None:
    if "mapping values are not allowed" not in error.problem:
        return None
    line = source.line(error.at.line)
    match = _KEY.match(line) or re.match(r"^\s*(?:-\s+)?(?P<key>[\w-]+)\s*:\s+(?P<value>.*\S)\s*$", line)
    if not match or not match["value"] or error.at.column - 1 <= line.index(match["key"]) + len(match["key"]):
        return None
    value = match["value"]
    quoted = value.replace('"', '\\"')
    if value.endswith(":"):
        message = f"the value '{value}' ends with `:`, so YAML reads it as the start of another key"
    else:
        message = f"the value '{value}' contains `: `, so YAML reads a second key in it"
    return Explained(message, error.at, f'put the value in quotes: {match["key"]}: "{quoted}"')


# --- indentation --------------------------------------------------------------------------------


def key_too_deep(error: ParseError, source: Source) -> Explained | None:
    """`step:` indented further than the key above, which has a value on its line."""
    if "mapping values are not allowed" not in error.problem:
        return None
    line = source.line(error.at.line)
    above_number = source.previous_content(error.at.line)
    above = _KEY.match(source.line(above_number))
    if not above or not above["value"] or indent_of(line) <= source.line(above_number).index(above["key"]):
        return None
    key_column = source.line(above_number).index(above["key"]) + 1
    stripped = line.strip()
    if stripped.startswith("- "):
        return Explained(f"`{above['key']}:` has a value on its own line ('{above['value']}') and a list "
                         "below it; a key has one or the other", Pos(above_number, key_column),
                         f"remove '{above['value']}' from line {above_number}, or remove the list")
    name = stripped.split(":")[0]
    return Explained(f"`{name}:` is indented further than `{above['key']}:` on the line above, so YAML reads "
                     f"it as part of the value of {above['key']}", Pos(error.at.line, indent_of(line) + 1),
                     f"line `{name}:` up with `{above['key']}:` (column {key_column})")


def _sibling_above(source: Source, number: int, indent: int) -> tuple[int, int] | None:
    """The nearest line above `number` at a different indent that holds a key or a list item."""
    for candidate in range(number - 1, 0, -1):
        line = source.line(candidate)
        if not line.strip() or line.strip().startswith("#"):
            continue
        if indent_of(line) < indent - 2 and not line.strip().startswith("- "):
            return None
        if indent_of(line) != indent and (line.strip().startswith("- ") or _KEY.match(line)):
            return candidate, indent_of(line)
    return None


def misindented(error: ParseError, source: Source) -> Explained | None:
    if not any(words in error.problem for words in ("expected key", "expected '-'", "expected <block end>")):
        return None
    line = source.line(error.at.line)
    if not line.strip() or error.at.column - 1 != indent_of(line):
        return None
    item = line.strip().startswith("- ")
    for candidate in range(error.at.line - 1, 0, -1):
        other = source.line(candidate)
        if not other.strip() or other.strip().startswith("#"):
            continue
        key = _KEY.match(other)
        if item and other.strip().startswith("- ") and indent_of(other) > indent_of(line):
            return _misplaced(error, "this list item", indent_of(line), indent_of(other), candidate,
                              "the `- `")
        if not item and key and not other.strip().startswith("- ") and indent_of(other) != indent_of(line) \
                and abs(indent_of(other) - indent_of(line)) <= 2:
            return _misplaced(error, f"`{line.strip().split(':')[0]}:`", indent_of(line), indent_of(other),
                              candidate, f"`{key['key']}:`")
        if not item and key and other.strip().startswith("- "):
            key_at = other.index(key["key"])
            if key_at != indent_of(line):
                name = f"`{line.strip().split(':')[0]}:`"
                return _misplaced(error, name, indent_of(line), key_at, candidate, f"`{key['key']}:`")
    return None


def _misplaced(error: ParseError, what: str, indent: int, wanted: int, line: int, mark: str) -> Explained:
    more = wanted - indent
    how = f"{more} more space{'s' if more != 1 else ''}" if more > 0 else \
        f"{-more} space{'s' if more != -1 else ''} less"
    return Explained(f"{what} is indented {indent} spaces, but the lines it belongs with are indented "
                     f"{wanted}",
                     Pos(error.at.line, indent + 1),
                     f"line it up with {mark} on line {line}: indent it {how}, and every line that belongs "
                     "to it the same")


def list_item_in_mapping(error: ParseError, source: Source) -> Explained | None:
    if "expected key" not in error.problem:
        return None
    line = source.line(error.at.line)
    if not line.strip().startswith("- "):
        return None
    return Explained("a list item (`- `) stands among `key: value` lines, where YAML expects another key",
                     Pos(error.at.line, indent_of(line) + 1),
                     "remove the `- `, or put the list under its own key (`goals:`, then `  - Get fit`)")


# --- brackets and characters ---------------------------------------------------------------------


def unclosed_bracket(error: ParseError, source: Source) -> Explained | None:
    for closer, opener, name in (("']'", "[", "list"), ("'}'", "{", "mapping")):
        if closer in error.problem and error.began is not None:
            closing = "]" if opener == "[" else "}"
            return Explained(f"the `{opener}` that opens this {name} is never closed", error.began,
                             f"add `{closing}` after its last item, and separate items with commas")
    return None


def reserved_start(error: ParseError, source: Source) -> Explained | None:
    if "cannot start any token" not in error.problem:
        return None
    line = source.line(error.at.line)
    char = line[error.at.column - 1: error.at.column]
    if char not in "@`%|>!&*":
        return None
    token = _VALUE_AT.match(line, error.at.column - 1)
    value = token.group().strip() if token else char
    named = "a backtick (`)" if char == "`" else f"`{char}`"
    return Explained(f"a value cannot start with {named} in YAML", error.at,
                     f"put it in quotes: \"{value}\"")


DETECTORS: tuple[Callable[[ParseError, Source], Explained | None], ...] = (
    *HIDDEN_CAUSES, unclosed_quote, curly_quotes, bad_escape, apostrophe_in_single_quotes, text_after_quote,
    unclosed_bracket, dash_without_space, missing_space_after_colon, missing_colon, key_too_deep,
    colon_in_value, misindented, list_item_in_mapping, reserved_start,
)
