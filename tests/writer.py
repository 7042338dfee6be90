"""A Hypothesis strategy of YAML maps written many ways, for tests that compare loaders.

The same kind of data (mappings, lists, text, numbers, booleans, nulls) is
written in block and flow style, plain, single-quoted, double-quoted or as
`|` and `>` blocks, with comments on their own lines and after values (some
reading like hashtags), blank lines, tabs after separators, 2 or 4 spaces of
indent, \\n, \\r\\n or \\r line ends, non-ASCII text and an optional `---`.
Most results are valid YAML; some are not (a plain text that YAML reads
otherwise), which is fine for a comparison.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

Draw = Callable[[st.SearchStrategy[Any]], Any]

KEYS = st.sampled_from(["cjm", "title", "stages", "phase", "touchpoints", "id", "emotion", "名前", "café",
                        "two words", "x-1", "1", "true", "null", "~", "", "a#b", "key:x", "é"])
WORDS = st.sampled_from(["Awareness", "Sign up today", "yes", "no", "1.10", "0x1F", "0o17", "007", "-1",
                         "null", "Null", "~", ".inf", "-.Inf", ".NaN", "1e3", "+12", "True", "FALSE",
                         "Q&A", "5 * 3", "Hello!", "x #y", "a: b", "Café ☕", "名前", "🚀 launch", "it's",
                         'say "hi"', "back\\slash", "tab\there", "100%", "@home", "-", "?", "  padded"])
TEXT = st.text(st.sampled_from(list("abcXYZ019 -_.,:#'\"!&*éß名🚀\t")), max_size=12)
SCALARS = st.one_of(WORDS, TEXT, st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.booleans(),
                    st.none())
TREES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(KEYS, inner, max_size=4), max_leaves=24)
TRAILERS = st.sampled_from(["", "", "", "  # a note", " #BringAFriend", "\t#Tab", " # ok #Not", "   "])


def plain(value: Any, draw: Draw) -> str:
    if value is None:
        return str(draw(st.sampled_from(["null", "~", "", "Null"])))
    if isinstance(value, bool):
        return str(draw(st.sampled_from(["true", "True"] if value else ["false", "FALSE"])))
    return repr(value) if isinstance(value, float) else str(value)


def scalar(value: Any, draw: Draw) -> str:
    text = plain(value, draw)
    style = draw(st.sampled_from(["plain", "plain", "single", "double"]))
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "double":
        return json.dumps(text, ensure_ascii=draw(st.booleans()))
    return text


def key(name: str, draw: Draw) -> str:
    return scalar(name, draw) if name else str(draw(st.sampled_from(["''", '""', ""])))


def flow(value: Any, draw: Draw) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key(k, draw)}: {flow(v, draw)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(item, draw) for item in value) + "]"
    return scalar(value, draw)


def block(value: Any, indent: int, width: int, draw: Draw, lines: list[str]) -> None:
    """`value` (a non-empty list or mapping) as block lines at `indent` spaces."""
    pad = " " * indent
    items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
    for name, item in items:
        if draw(st.integers(0, 5)) == 0:
            lines.append(str(draw(st.sampled_from(["", f"{pad}# a comment", "#flush comment", "   "]))))
        head = f"{pad}- " if name is None else f"{pad}{key(name, draw)}:"
        sep = " " if name is None else str(draw(st.sampled_from([" ", " ", "\t"])))
        nested = isinstance(item, (dict, list)) and item and draw(st.integers(0, 3)) > 0
        if nested:
            lines.append(head.rstrip())
            step = width if name is not None or draw(st.booleans()) else 2  # `- ` then the item's keys
            block(item, indent + step, width, draw, lines)
        elif isinstance(item, str) and item.strip() == item and item and draw(st.integers(0, 5)) == 0:
            lines.append(f"{head}{sep}{draw(st.sampled_from(['|', '>', '|-', '>+']))}")
            lines.append(" " * (indent + width) + item)
        else:
            lines.append(f"{head}{sep}{flow(item, draw)}{draw(TRAILERS)}")


@st.composite
def written_maps(draw: Draw) -> str:
    tree = draw(st.dictionaries(KEYS, TREES, min_size=1, max_size=6))
    lines: list[str] = ["---"] if draw(st.booleans()) else []
    if draw(st.integers(0, 4)) == 0:
        lines.append(flow(tree, draw))
    else:
        block(tree, 0, draw(st.sampled_from([2, 4])), draw, lines)
    newline = str(draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])))
    return newline.join(lines) + (newline if draw(st.integers(0, 4)) else "")
