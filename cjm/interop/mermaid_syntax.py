"""What cjm's Mermaid export and import agree on: escaping, faces, sections and actors.

Mermaid's `journey` grammar (mermaid 11, `user-journey/parser/journey.jison`)
reads a line as `title TEXT`, `section NAME` or `TASK: SCORE: ACTOR, ACTOR`.
A title ends at `#`, `;` or a line break; a section or task name also at
`:`; `#` starts a comment anywhere; a line starting with `%` is a comment
and `%%{` starts a directive; a task name that starts with `journey`,
`title `, `section `, `accTitle:` or `accDescr:` is read as that keyword; actors are
split at `,`. Mermaid's entity codes (`#35;` for `#`, `#quot;` for `"`) are
turned into characters after parsing, so every syntax character of a user's
text is written as its code, and HTML (`<`, `>`, `&`) too, which Mermaid
would otherwise sanitize or draw as markup.
"""

from __future__ import annotations

import html
import re
from fractions import Fraction

FACES = 5
"""Mermaid scores a task 1 (sad face) to 5 (happy face); 3 is neutral."""
SECTION_JOIN = " · "
"""A section reads `Phase · Stage name`, or the stage name alone when it is the phase's own."""
MIDDLE_DOT = "#183;"
"""A `·` of the phase's part of a section, so that the first ` · ` is the join."""

_ALWAYS = set("#;<>&\ufb02\u00b6")
"""Escaped wherever they are: comments, separators, HTML, and the characters of
Mermaid's own entity placeholders (ﬂ°°…¶ß)."""
_IN_NAMES = set(":")
_IN_ACTORS = set(":,")
_KEYWORD = re.compile(r"(journey\b|title\s|section\s|acc(title|descr)\s*[:{])", re.IGNORECASE)
_ENTITY = re.compile(r"#(\d+|[A-Za-z][A-Za-z0-9]*);")


def _code(ch: str) -> str:
    return f"#{ord(ch)};"


def escape(text: str, kind: str = "name") -> str:
    """`text` on one line, safe as a Mermaid title (`kind="title"`), section or task name
    (`"name"`), or actor (`"actor"`): it reads back, and renders, as exactly `text`."""
    flat = " ".join(text.split())
    special = _ALWAYS | (_IN_ACTORS if kind == "actor" else set() if kind == "title" else _IN_NAMES)
    out = [_code(ch) if ch in special or (ch == "%" and flat[i + 1:i + 2] == "%") else ch
           for i, ch in enumerate(flat)]
    if out and (flat.startswith("%") or (kind == "name" and _KEYWORD.match(flat))):
        out[0] = _code(flat[0])
    return "".join(out)


def unescape(text: str) -> str:
    """Mermaid's entity codes as characters: `#35;` -> `#`, `#quot;` -> `"` (unknown names stay)."""
    def char(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.isdigit():
            number = int(code)
            return chr(number) if 0 < number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF else match[0]
        decoded = html.unescape(f"&{code};")
        return match[0] if decoded.startswith("&") else decoded

    return _ENTITY.sub(char, text)


def entity_spans(line: str) -> list[tuple[int, int]]:
    """Where entity codes stand in `line`: a `#` inside one starts no comment."""
    return [m.span() for m in _ENTITY.finditer(line)]


def score_of(emotion: int | None) -> int:
    """A touchpoint's Mermaid score: emotion -2..2 is 1..5; no emotion is the neutral 3."""
    return 3 if emotion is None else emotion + 3


def emotion_of(score: Fraction) -> tuple[int, bool]:
    """The emotion for a Mermaid score, rounded half up and held to 1..5; True when it had to be."""
    from cjm.score import round_half_up

    whole = int(round_half_up(score, 0))
    held = min(max(whole, 1), FACES)
    return held - 3, held != score
