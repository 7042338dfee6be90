"""The canonical layout of a map, for `cjm fmt`: text in, text out.

Keys in the order of the format's reference example, two-space indentation
with list items indented under their key, block style for the map, its
sections, stages and touchpoints; every comment and every value kept.
ruamel.yaml's round trip writes the values (quotes, folded text and number
spellings kept); the comments are anchored to node paths and put back by
`cjm.fmt.place`, so a comment moves with its key. The result is checked
before it is returned: the same data, the same comments, or an error.
"""

from __future__ import annotations

import io
import math
import re
from typing import Any

from cjm.diagnostic import START, Finding
from cjm.fmt.anchor import CommentPlan, plan_comments
from cjm.fmt.comments import Comment, find_comments, without_comments
from cjm.fmt.fast import canonical_fast
from cjm.fmt.layout import (
    NARRATIVE_KEYS,
    PERSONA_KEYS,
    STAGE_KEYS,
    TOP_KEYS,
    TOUCHPOINT_KEYS,
    arranged,
    in_order,
)
from cjm.fmt.nodes import Mark, NodeIndex, index_nodes
from cjm.fmt.place import place_comments
from cjm.fmt.tabs import spaced_separators, without_trailing_tabs
from cjm.loader import Loaded, load_text
from cjm.loader.size import too_many_touchpoints

__all__ = ["NARRATIVE_KEYS", "PERSONA_KEYS", "STAGE_KEYS", "TOP_KEYS", "TOUCHPOINT_KEYS", "FormatterError",
           "NotFormattable", "format_text", "same_data"]

BLOCKING_RULES = ("yaml-syntax", "duplicate-key")


class NotFormattable(Exception):
    """The map is not valid YAML (or repeats a key): it must be fixed by hand first. With `own`, it
    is valid, and the findings are what cjm fmt itself cannot do (cjm validate reports nothing)."""

    def __init__(self, findings: list[Finding], *, own: bool = False) -> None:
        super().__init__("; ".join(f.message for f in findings))
        self.findings = findings
        self.own = own


class FormatterError(Exception):
    """The formatted text would not hold the same data or comments: a bug in cjm."""


def format_text(text: str, name: str = "<map>", *, fast: bool = True, loaded: Loaded | None = None) -> str:
    """The map in its canonical layout. Raises NotFormattable or FormatterError. The layout is written
    by cjm.fmt.fast where it can (not with `fast=False`), else by ruamel.yaml's round trip. `loaded`:
    the text already loaded, if the caller has it (it is loaded again if its line ends change)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    before = loaded if loaded is not None and loaded.text == text else load_text(text, name)
    blocking = [f for f in before.findings if f.rule in BLOCKING_RULES or f.pos in before.long_numbers]
    if blocking or before.data is None:
        raise NotFormattable(blocking or list(before.findings))
    if not isinstance(before.data, dict):
        raise NotFormattable([Finding("schema", "a map is a mapping of keys (cjm:, title:, stages:); "
                                      "this file is not, so cjm fmt leaves it alone", START)])
    too_many = too_many_touchpoints(before.data, before.positions)
    if too_many is not None:  # a map cjm does not check is not formatted either (it would take long)
        raise NotFormattable([too_many])
    from yaml import YAMLError

    try:
        if not before.findings:
            text = without_trailing_tabs(text)
        comments, blanks, index = _comments_and_blanks(text)
        plan = plan_comments(index, comments, blanks) if index is not None else CommentPlan()
        clean, moved = without_comments(text, comments, blanks) if index is not None else (text, {})
        to_block = {(moved[line], column) for line, column in plan.to_block}
        keep_flow = {(moved[line], column) for line, column in plan.keep_flow} - to_block
        bare = canonical_fast(clean, keep_flow) if fast and not to_block else None
        if bare is None:
            bare = round_trip_text(clean, to_block, keep_flow)
        result = place_comments(plan, bare, index_nodes(bare)) if plan.groups or plan.inline else bare
    except YAMLError as exc:  # libyaml refuses what the loader reads as YAML 1.2 does: `[:0]`
        raise NotFormattable([_plain_colon_finding(exc)], own=True) from None
    after = load_text(result, name)
    if after.findings or not same_data(before.data, after.data):
        raise FormatterError("the formatted map would not hold the same data")
    if sorted(c.text for c in comments) != sorted(comments_of(result)):
        raise FormatterError("the formatted map would not keep every comment")
    return result


_BLANK_LINE = re.compile(r"^[ \t]*$", re.MULTILINE)


def _comments_and_blanks(text: str) -> tuple[list[Comment], set[int], NodeIndex | None]:
    """The comments and blank lines of `text`, and its node index (None when it has neither: then
    nothing needs one)."""
    if "#" not in text and not _BLANK_LINE.search(text.removesuffix("\n")):
        return [], set(), None
    index = index_nodes(text)
    comments, blanks = find_comments(text, index)
    return comments, blanks, index


def _plain_colon_finding(exc: Exception) -> Finding:
    finding = _ruamel_finding(exc)
    message = ("cjm fmt cannot yet format a value that starts with `:` inside [ ] or { } here (YAML 1.2 "
               "reads it as text, and so does cjm validate, but the parser cjm fmt reads the layout "
               "with does not): put the value in quotes, as in [':0']")
    return Finding("yaml-syntax", message, finding.pos)


def _ruamel_finding(exc: Exception) -> Finding:
    from cjm.diagnostic import Pos

    mark = getattr(exc, "problem_mark", None)
    pos = Pos(mark.line + 1, mark.column + 1) if mark is not None else START
    problem = getattr(exc, "problem", None) or str(exc)
    return Finding("yaml-syntax", f"cjm fmt cannot read this YAML: {problem}", pos)


def comments_of(text: str) -> list[str]:
    """Every comment of a loadable YAML text, in file order."""
    return [c.text for c in _comments_and_blanks(text)[0]]


def same_data(a: Any, b: Any) -> bool:
    """Equal loaded data: key order ignored, types strict (1 is not 1.0 nor true), NaN equals NaN."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same_data, a, b))
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def round_trip_text(text: str, to_block: set[Mark], keep_flow: set[Mark]) -> str:
    """The data of `text` laid out canonically, without comments, by ruamel.yaml's round trip
    (for the maps cjm.fmt.fast declines). Raises NotFormattable where ruamel.yaml cannot read it."""
    from ruamel.yaml.error import YAMLError

    from cjm.fmt.roundtrip import round_trip

    yaml = round_trip()
    try:
        data = yaml.load(spaced_separators(text))
    except YAMLError as exc:  # ruamel.yaml reads a few corner cases unlike the loader's parser
        raise NotFormattable([_ruamel_finding(exc)], own=True) from None
    _strip(data, to_block, set())
    _layout(data, keep_flow)
    stream = io.StringIO()
    yaml.dump(data, stream)
    text = stream.getvalue()
    return text[:-4] if text.endswith("\n...\n") else text  # the end marker after a `|+` scalar


def _strip(node: Any, to_block: set[Mark], seen: set[int]) -> None:
    """Drop ruamel's comments (they are put back by path) and unflow collections holding one."""
    from ruamel.yaml.comments import Comment, CommentedMap, CommentedSeq

    if id(node) in seen:
        return
    seen.add(id(node))
    if getattr(node, "comment", None) is not None and isinstance(node, str):
        node.comment = None  # type: ignore[attr-defined]  # a block scalar's header comment
    if not isinstance(node, (CommentedMap, CommentedSeq)):
        return
    setattr(node, Comment.attrib, Comment())
    if (node.lc.line, node.lc.col) in to_block and node.fa.flow_style():
        node.fa.set_block_style()
    for item in node.values() if isinstance(node, CommentedMap) else node:
        _strip(item, to_block, seen)


def _layout(data: Any, keep_flow: set[Mark]) -> None:
    """Block style (unless kept on its line), and the known keys first (cjm.fmt.layout)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def is_map(node: Any) -> bool:
        return isinstance(node, CommentedMap)

    def is_seq(node: Any) -> bool:
        return isinstance(node, CommentedSeq)

    for collection, order in arranged(data, is_map, is_seq, lambda node, key: node.get(key)):
        if len(collection) and (collection.lc.line, collection.lc.col) not in keep_flow:
            collection.fa.set_block_style()
        if order and not getattr(collection, "merge", None):  # keys merged in by `<<:` stay put
            for key in in_order(collection, order):
                collection.move_to_end(key)
