"""Shared by the fuzz tests: how many examples, and journey maps written as YAML text every way a person
(or an attacker) could write them.

`CJM_FUZZ_EXAMPLES` sets the examples per fuzz test (default 1,000; the README's long run uses
100,000); `fuzz(share)` is the settings for a test that runs `share` of them (a slow one).

`map_texts()` draws maps that are valid or nearly so: hostile text in every free-text field (control
characters, bidirectional overrides, markup, template syntax, DOT escapes, emoji), every scalar style
the value allows (plain, quoted, `|` and `>` blocks), block and flow collections, 2- or 4-space
indentation, comments on their own lines and at the ends of lines, anchors, aliases and merge keys,
`x-` keys holding anything, CRLF line ends, a byte-order mark, trailing spaces and tabs.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

FUZZ_EXAMPLES = int(os.environ.get("CJM_FUZZ_EXAMPLES", "1000"))


def fuzz(share: float = 1.0) -> settings:
    return settings(max_examples=max(1, int(FUZZ_EXAMPLES * share)))


SPICY = [
    "{{ 7*7 }}", "{% for x in y %}", "{# c #}", "<script>alert(1)</script>", "\"><img src=x onerror=a()>",
    "[bold red]loud[/]", "[link=https://x.example]x[/link]", r"\N \G \L \E \T", "\\", '"', "'", "]]>",
    "</svg>", "&amp; &lt;", "<<B>x</B>>", "a -> b", "}; digraph {", "\x1b[2J\x1b]0;t\x07", "\x00",
    "\x7f\x9b", "\u202eevil\u202c", "\u2066x\u2069", "\u200b", "\u2028", "\x85", "\ufeff", "🚀",
    "👩\u200d👩\u200d👧", "n\u0303\u0303", "שלום", "日本語", "a: b", "#x", " # x", "- x", "yes", "null", "~",
    "1e3", "0x1F", "@x", "`x`", "%x", "! x", "* x", "& x", "| x", "> x", "? x", "\t", "  lead", "trail  ",
    "a\nb", "a\r\nb", "a\n\nb\n", "\n",
]
TEXT = st.lists(st.sampled_from(SPICY) | st.text(max_size=8), min_size=1, max_size=3).map("".join)
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=10).filter(
    lambda text: text[0] not in "_-")
PHASES = ["awareness", "involvement", "trial", "commitment", "referral"]
NUMBERS = st.sampled_from(["0", "-0", "+12", "0x1F", "0o17", "1_000", "0.021", "1e3", ".5", "-.inf", ".nan",
                           "1" * 60])
LEAVES = st.none() | st.booleans() | st.integers() | TEXT | NUMBERS.map(lambda n: Raw(n))
ANYTHING = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(WORD, inner, max_size=3), max_leaves=8)


@dataclass(frozen=True)
class Raw:
    """A scalar written exactly as given (a number spelling, an alias)."""

    text: str


@dataclass(frozen=True)
class Anchored:
    name: str
    value: Any


FILLED = TEXT.filter(str.strip)
PICK = st.integers(0, 2**16)
"""An index for `pick`: one strategy for every choice, as building strategies inside a draw is slow."""


def pick(draw: st.DrawFn, options: list[Any] | tuple[Any, ...]) -> Any:
    return options[draw(PICK) % len(options)]


TOUCHPOINT_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "channel": TEXT, "actor": st.sampled_from(["brand", "customer", "advocate", "partner"]),
    "step": st.sampled_from(["connect", "inform", "entertain", "share"]),
    "storytelling": st.sampled_from(["corporate", "advocate"]),
    "engagement": st.sampled_from(["spectator", "participant", "engaged"]),
    "emotion": st.sampled_from(["-2", "-1", "0", "1", "2", "+1", "0x2", "0o1"]).map(Raw),
    "doing": TEXT, "thinking": TEXT, "feeling": TEXT, "pain_points": st.lists(TEXT, max_size=2),
    "moment_of_truth": st.booleans(), "backstage": st.lists(TEXT, max_size=2),
    "metrics": st.dictionaries(WORD, NUMBERS.map(Raw) | TEXT, max_size=3),
    "message": FILLED, "steps_into_role": st.booleans(), "x-note": ANYTHING,
}
CHOSEN_FIELDS = st.lists(st.sampled_from([*sorted(TOUCHPOINT_FIELDS), "next"]), unique=True, max_size=8)
TOP_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "brand": TEXT, "description": TEXT, "tags": st.lists(TEXT, max_size=2),
    "persona": st.fixed_dictionaries({"name": FILLED}, optional={"quote": TEXT, "prosumer": st.booleans()}),
    "narrative": st.fixed_dictionaries({}, optional={"open_role": FILLED, "story": FILLED}),
    "x-anything": ANYTHING,
}
CHOSEN_TOP = st.lists(st.sampled_from(sorted(TOP_FIELDS)), unique=True, max_size=4)
PHASE_LISTS = [None, PHASES, ["awareness", "trial"], ["zwei", "\u202ephase"]]
ID_LISTS = st.lists(IDS, min_size=1, max_size=6, unique=True)
CUTS = st.lists(PICK, max_size=2)


def touchpoint(draw: st.DrawFn, tp_id: str, ids: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {"id": tp_id, "title": draw(FILLED)}
    for key in draw(CHOSEN_FIELDS):
        fields[key] = [pick(draw, ids) for _ in range(draw(PICK) % 3)] if key == "next" else draw(
            TOUCHPOINT_FIELDS[key])
    return fields


@st.composite
def journey_maps(draw: st.DrawFn) -> dict[str, Any]:
    """A map as Python values (with Raw and Anchored leaves): valid, or invalid only by chance."""
    phases = pick(draw, PHASE_LISTS)
    names = phases or PHASES
    ids = draw(ID_LISTS)
    stages: list[dict[str, Any]] = []
    for group in _split(draw, ids):
        listed = [touchpoint(draw, tp_id, ids) for tp_id in group]
        stage = {"phase": pick(draw, names), "touchpoints": listed}
        if draw(st.booleans()):
            stage["name"] = draw(TEXT)
        stages.append(stage)
    top: dict[str, Any] = {"cjm": 1, "title": draw(FILLED)}
    for key in draw(CHOSEN_TOP):
        top[key] = draw(TOP_FIELDS[key])
    if phases:
        top["phases"] = phases
    top["stages"] = stages
    if draw(st.booleans()):  # one shared value, anchored where it first appears and aliased after
        _anchor_channels(draw, [tp for stage in stages for tp in stage["touchpoints"]])
    return top


def _split(draw: st.DrawFn, ids: list[str]) -> list[list[str]]:
    cuts = sorted(cut % (len(ids) + 1) for cut in draw(CUTS))
    bounds = [0, *cuts, len(ids)]
    return [ids[a:b] for a, b in itertools.pairwise(bounds)]


def _anchor_channels(draw: st.DrawFn, touchpoints: list[dict[str, Any]]) -> None:
    if len(touchpoints) < 2:
        return
    channel = draw(TEXT)
    touchpoints[0]["channel"] = Anchored("ch", channel)
    for tp in touchpoints[1:]:
        tp["channel"] = Raw("*ch")


PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._/()-]*[A-Za-z0-9)]|[A-Za-z]")
RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def printable(char: str) -> bool:
    """Characters YAML (libyaml) allows raw in a file; the others must be escaped in "..." text."""
    code = ord(char)
    return (0x20 <= code <= 0x7E or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029))
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF) or code >= 0x10000)


def double_quoted(text: str) -> str:
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return '"' + "".join(escapes.get(c) or (c if printable(c) else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF
                                            else f"\\U{ord(c):08x}") for c in text) + '"'


@dataclass(frozen=True)
class Line:
    text: str
    node: bool = True
    """False for the content lines of a `|` or `>` block: no comment goes before or after them."""


@st.composite
def map_texts(draw: st.DrawFn, odd: bool = False) -> str:
    """A map from `journey_maps()` written as YAML text, a different way each time. `odd` adds what
    `cjm fmt` once got wrong or still does (tests/test_fuzz_fmt.py): standard tags on values and keys
    (`!!str 3`), keys that are numbers or booleans, and (still refused) a tab after `key:`."""
    data = draw(journey_maps())
    if odd:
        data = {**data, "x-odd": {Raw("1"): "one", Raw("true"): "yes", Raw("!!str 2"): "two"}}
    if draw(st.booleans()):  # a merge key: a touchpoint takes fields from an anchored x- mapping
        touchpoints = [tp for stage in data["stages"] for tp in stage["touchpoints"]]
        if touchpoints:
            stages = data.pop("stages")
            data["x-base"] = Anchored("base", {"engagement": "engaged", "x-merged": draw(TEXT)})
            data["stages"] = stages
            touchpoints[-1]["<<"] = Raw("*base")
    writer = _Writer(draw, indent=pick(draw, [2, 4]), indentless=draw(st.booleans()), odd=odd)
    lines = _commented(draw, writer.block_map(data, 0))
    text = "\n".join(line.text for line in lines) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return ("\ufeff" if draw(st.booleans()) else "") + text


COMMENT = st.text(alphabet=st.sampled_from([*"abc xyz#:'\"-é,[]{}&*!|>%@`\t", "🚀", "\u202e", "日"]),
                  max_size=16)
MARKED = re.compile(r"#\s*⟦\d+⟧[^\n]*")
"""A comment of `map_texts()`: each starts with its own number, `# ⟦7⟧ ...`, so a test can find it."""


def marked_comments(text: str) -> list[str]:
    """The numbered comments of a text, trailing spaces and tabs dropped, sorted."""
    return sorted(comment.rstrip(" \t") for comment in MARKED.findall(text))


def _commented(draw: st.DrawFn, lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        if line.node:
            depth = len(line.text) - len(line.text.lstrip(" "))
            choice = draw(PICK)  # one draw for both: what goes before the line, and what after it
            kind = ("", "", "", "own", "blank", "disable")[choice % 6]
            ending = ("", "", "", "", "comment", " ", "\t", " \t")[choice // 6 % 8]
            if kind:
                text = {"own": f"# ⟦{len(out)}⟧ {draw(COMMENT)}", "blank": "",
                        "disable": "# cjm: disable=step-order"}[kind]
                out.append(Line(" " * (choice // 48 % (depth + 1)) + text if text else ""))
            if ending == "comment":
                ending = " " * (1 + choice // 48 % 2) + f"# ⟦{len(out)}⟧{draw(COMMENT)}"
            line = Line(line.text + ending)
        out.append(line)
    return out


@dataclass
class _Writer:
    draw: st.DrawFn
    indent: int
    indentless: bool
    odd: bool

    def block_map(self, mapping: dict[Any, Any], pad: int) -> list[Line]:
        lines: list[Line] = []
        for key, value in mapping.items():
            lines += self.entry(" " * pad + self.key(key) + ":", value, pad)
        return lines

    def entry(self, head: str, value: Any, pad: int) -> list[Line]:
        if isinstance(value, Anchored):
            head, value = f"{head} &{value.name}", value.value
        block = isinstance(value, (dict, list)) and value and self.draw(PICK) % 4 > 0
        if isinstance(value, dict) and block:
            return [Line(head), *self.block_map(value, pad + self.indent)]
        if isinstance(value, list) and block:
            return [Line(head), *self.block_list(value, pad + (0 if self.indentless else self.indent))]
        text, content = self.scalar(value, pad + 2)
        space = "\t" if self.odd and self.draw(st.booleans()) else " "
        return [Line(f"{head}{space}{text}"), *content]

    def block_list(self, items: list[Any], pad: int) -> list[Line]:
        lines: list[Line] = []
        for item in items:
            if isinstance(item, dict) and item and self.draw(PICK) % 4 > 0:
                inner = self.block_map(item, pad + 2)
                lines += [Line(" " * pad + "- " + inner[0].text[pad + 2:]), *inner[1:]]
            else:
                text, content = self.scalar(item, pad + 2)
                lines += [Line(" " * pad + "- " + text), *content]
        return lines

    def key(self, key: str | Raw) -> str:
        if isinstance(key, Raw):
            return key.text
        plain = key == "<<" or (PLAIN.fullmatch(key) and key.lower() not in RESERVED)
        return key if plain else double_quoted(key)

    def flow(self, value: Any) -> str:
        if isinstance(value, Anchored):
            return f"&{value.name} {self.flow(value.value)}"
        if isinstance(value, dict):
            return "{" + ", ".join(f"{self.key(k)}: {self.flow(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(item) for item in value) + "]"
        return self.scalar(value, 0, in_flow=True)[0]

    def scalar(self, value: Any, content_pad: int, in_flow: bool = False) -> tuple[str, list[Line]]:
        """The value's text on its line, and the content lines of a `|` or `>` block."""
        if isinstance(value, (dict, list, Anchored)):
            return self.flow(value), []
        if isinstance(value, Raw):
            return value.text, []
        if value is None or isinstance(value, bool):
            return pick(self.draw, ["null", "~"]) if value is None else str(value).lower(), []
        if isinstance(value, int):
            return str(value), []
        styles = ["double"]
        if PLAIN.fullmatch(value) and value.lower() not in RESERVED:
            styles.append("plain")
        if all(printable(c) for c in value):
            styles.append("single")
        if not in_flow and _blockable(value):
            styles += ["literal", "folded"] if "\n" not in value and value.strip() == value else ["literal"]
        style = pick(self.draw, styles)
        tag = "!!str " if self.odd and self.draw(st.booleans()) else ""
        if style == "plain":
            return tag + value, []
        if style == "single":
            return tag + "'" + value.replace("'", "''") + "'", []
        if style == "double":
            return tag + double_quoted(value), []
        body = value.removesuffix("\n")
        chomp = "+" if value.endswith("\n\n") else "" if value.endswith("\n") else "-"
        if chomp == "+":
            body = value[:-1]
        header = tag + ("|" if style == "literal" else ">") + chomp
        return header, [Line(" " * content_pad + row if row else "", node=False) for row in body.split("\n")]


def _blockable(text: str) -> bool:
    """Text a `|` block can hold as it is: printable lines, the first not indented, not blank."""
    return (bool(text.strip()) and not text[0].isspace() and "\r" not in text
            and all(printable(c) or c == "\n" for c in text) and "\t" not in text)
