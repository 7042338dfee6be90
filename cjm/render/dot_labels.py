"""Text for DOT: escaping, wrapping, and the HTML-like labels of the flow diagram.

Everything a user wrote passes through `clean` (characters XML cannot carry
are dropped, runs of whitespace become one space), then `quoted` for a DOT
string or `html` for an HTML-like label. Nothing here calls Graphviz.
"""

from __future__ import annotations

import re
import textwrap

from cjm.model import Stage, Touchpoint
from cjm.render.palette import BORDER, EMOTION, INK, MUTED, STEP_FILL, STEP_NAME

TITLE_WIDTH = 28
TITLE_MAX_LINES = 6
STAGE_WIDTH = 34
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "{": "&#123;", "}": "&#125;",
         "\\": "\\\\"}
"""An HTML-like label is read once for Graphviz's escapes (`\\N`...), so a backslash is doubled."""
_LEFT_BREAK = '<BR ALIGN="LEFT"/>'


def clean(text: str) -> str:
    """`text` on one line, without characters XML cannot carry."""
    return " ".join(_UNSAFE.sub("", text).split())


def quoted(text: str) -> str:
    """A DOT double-quoted string that Graphviz reads back as `text`.

    Graphviz decodes HTML entities in every string (`&#1;` would become a
    control character and break the SVG), so `&` is written as `&amp;`. Its SVG
    writer keeps named entities, so a literal "&lt;" still shows as "<".
    A backslash goes through two readings, DOT's (`\\\\` is one backslash) and
    the attribute's (`\\N` is the node's name, `\\G` the graph's, `\\n` a line
    break), so it is written four times to come out as one: a title with
    `\\N` in it keeps it as text.
    """
    escaped = text.replace("&", "&amp;").replace("\\", "\\" * 4).replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def html(text: str) -> str:
    """`text` as character data inside an HTML-like label."""
    return "".join(_HTML.get(char, char) for char in text)


def wrapped(text: str, width: int, max_lines: int = 0) -> str:
    """`text` cleaned, wrapped to `width`, escaped, lines joined by left-aligned breaks.

    With `max_lines`, the lines after that many are cut and marked with "…".
    """
    lines = textwrap.wrap(clean(text), width) or [""]
    if max_lines and len(lines) > max_lines:
        last = textwrap.shorten(f"{lines[max_lines - 1]} …", width, placeholder=" …")
        lines = [*lines[: max_lines - 1], last]
    return _LEFT_BREAK.join(html(line) for line in lines)


def _font(content: str, size: int, colour: str = INK, bold: bool = False) -> str:
    content = content or " "  # Graphviz refuses an empty <FONT> or <B> (a title of control characters)
    inner = f"<B>{content}</B>" if bold else content
    return f'<FONT POINT-SIZE="{size}" COLOR="{colour}">{inner}</FONT>'


def _row(content: str) -> str:
    return f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{content}</TD></TR>'


def _table(rows: str, attributes: str = 'BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"') -> str:
    return f"<TABLE {attributes}>{rows}</TABLE>"


def _emotion_badge(emotion: int) -> str:
    glyph, sign, words, colour = EMOTION[emotion]
    badge = _table(
        f"<TR><TD>{_font(f'{glyph} {sign} {words}', 10, colour, bold=True)}</TD></TR>",
        f'STYLE="rounded" BORDER="1" COLOR="{colour}" BGCOLOR="#FFFFFF" CELLPADDING="1" CELLSPACING="0"',
    )
    return f'<TR><TD ALIGN="LEFT">{badge}</TD></TR>'


def touchpoint_label(tp: Touchpoint) -> str:
    """The node label: step, channel and story mode, the wrapped title, emotion, moment of truth."""
    channel = clean(tp.text("channel") or "")
    header = [STEP_NAME[tp.step].upper(), *([html(channel)] if channel else []),
              *([tp.storytelling] if tp.storytelling else [])]
    rows = [
        _row(_font(" · ".join(header), 9)),
        _row(_font(wrapped(tp.title, TITLE_WIDTH, TITLE_MAX_LINES), 12, bold=True)),
    ]
    if tp.emotion is not None:
        rows.append(_emotion_badge(tp.emotion))
    if tp.moment_of_truth:
        rows.append(_row(_font("♦ MOMENT OF TRUTH", 9, bold=True)))
    return f"<{_table(''.join(rows))}>"


def stage_label(stage: Stage, across: int = 3) -> str:
    """The cluster label: "<Phase> · <stage name>", then the stage goal, smaller.

    Both wrap to about the width of the stage's touchpoints (at most `across`
    side by side), so the label does not widen the cluster.
    """
    phase = clean(stage.phase or "").capitalize()
    name = clean(stage.name)
    title = f"{phase} · {name}" if phase and phase != name else name or phase
    width = min(max(1, len(stage.touchpoints)), across) * STAGE_WIDTH
    lines = _font(wrapped(title, width), 14, bold=True)
    if stage.goal and clean(stage.goal):
        lines += _LEFT_BREAK + _font(wrapped(stage.goal, width), 10, MUTED)
    return f"<{lines}{_LEFT_BREAK}>"


def _sample(text: str, mode: str, double: bool = False) -> str:
    """A small box with the border of a `mode` touchpoint, for the legend."""
    width, colour = BORDER[mode]
    cell = f"<TR><TD>{_font(text, 10)}</TD></TR>"
    box = _table(cell, f'STYLE="rounded" BORDER="{width}" COLOR="{colour}" CELLBORDER="0" CELLPADDING="3"')
    if double:
        outline = f'STYLE="rounded" BORDER="1" COLOR="{colour}" CELLPADDING="1"'
        box = _table(f"<TR><TD>{box}</TD></TR>", outline)
    return f"<TD>{box}</TD>"


def _legend_row(heading: str, cells: str) -> str:
    inner = _table(f"<TR>{cells}</TR>", 'BORDER="0" CELLSPACING="3" CELLPADDING="3"')
    return f'<TR><TD ALIGN="LEFT">{_font(heading, 10, bold=True)}</TD><TD ALIGN="LEFT">{inner}</TD></TR>'


def legend_label() -> str:
    """The legend: step colours, storytelling borders, moment of truth, emotion."""
    swatches = "".join(
        f'<TD BGCOLOR="{fill}" BORDER="1" COLOR="{BORDER["corporate"][1]}">{_font(STEP_NAME[step], 10)}</TD>'
        for step, fill in STEP_FILL.items()
    )
    stories = (
        _sample("Corporate story", "corporate")
        + _sample("Advocate story", "advocate")
        + _sample("♦ Moment of truth", "corporate", double=True)
    )
    emotions = "".join(
        f"<TD>{_font(f'{glyph} {sign}', 10, colour, bold=True)}</TD>"
        for glyph, sign, _, colour in (EMOTION[value] for value in sorted(EMOTION, reverse=True))
    )
    rows = _legend_row("Step", swatches) + _legend_row("Story", stories) + _legend_row("Emotion", emotions)
    return f"<{_table(rows)}>"
