"""Decide which entry each comment of a map belongs to, for `cjm fmt`.

A comment at the end of a line belongs to the entry whose text ends just
before it. A run of comment lines belongs to the entry that follows it, so it
moves with that key; but when the run is indented deeper than that entry, it
closes the block above (a commented-out touchpoint at the end of a list) and
stays at the end of that block. The comments before the first key, up to the
last blank line, are the file's header (the `$schema` modeline, the file's
`# cjm: disable=`): they stay at the top whatever key comes first.
"""

from __future__ import annotations

import bisect
import re

from cjm.fmt.comments import WHOLE_LINE, Comment, Line
from cjm.fmt.nodes import Entry, Mark, NodeIndex, Path
from cjm.records import field, record

_DISABLE = re.compile(r"cjm:\s*disable")


@record
class Group:
    kind: str
    """header, before (the anchor entry), after (the anchor's block), or footer."""
    anchor: Path | None
    lines: list[Line]
    ref_column: int
    """The anchor's column in the original text: lines keep their indent relative to it."""


@record
class CommentPlan:
    groups: list[Group] = field(factory=list)
    inline: list[tuple[Path | None, Comment]] = field(factory=list)
    to_block: set[Mark] = field(factory=set)
    """Starts of the flow collections that hold a comment: they are written in block style."""
    keep_flow: set[Mark] = field(factory=set)
    """Starts of one-line flow collections followed by `# cjm: disable=`: they stay on their line,
    where the comment silences the findings."""


def plan_comments(index: NodeIndex, comments: list[Comment], blanks: set[int]) -> CommentPlan:
    """Anchor every comment and blank line (cjm.fmt.comments.find_comments) to an entry path."""
    planner = _Planner(index)
    holding = _flows_holding(index, [(c.line, c.column) for c in comments] + [(n, 0) for n in blanks])
    blanks = {number for number in blanks if not holding.get((number, 0))}
    one_line: dict[int, list[Mark]] = {}
    for start, end in index.flow_spans:
        if start[0] == end[0]:
            one_line.setdefault(start[0], []).append(start)
    for comment in comments:
        planner.plan.to_block.update(holding.get((comment.line, comment.column), ()))
        if comment.inline and _DISABLE.search(comment.text):
            planner.plan.keep_flow.update(one_line.get(comment.line, ()))
        if comment.inline:
            planner.plan.inline.append((planner.inline_anchor(comment), comment))
    full = {c.line: c for c in comments if not c.inline}
    for run in _runs(sorted(set(full) | blanks)):
        planner.add_run([full.get(number) for number in run], run[-1])
    return planner.plan


def _flows_holding(index: NodeIndex, positions: list[Mark]) -> dict[Mark, list[Mark]]:
    """For each position inside flow collections, the starts of those around it, in one sweep: flow
    collections nest, so those open at a position are the ones around it. Only a flow collection over
    several lines can hold a comment or a blank line."""
    bounds = sorted([(start, 0, start) for start, end in index.flow_spans if end[0] > start[0]]
                    + [(end, -1, start) for start, end in index.flow_spans if end[0] > start[0]])
    holding: dict[Mark, list[Mark]] = {}
    if not bounds:
        return holding
    open_flows: list[Mark] = []
    at = 0
    for pos in sorted(set(positions)):
        while at < len(bounds) and bounds[at][0] < pos:
            _, kind, start = bounds[at]
            if kind == 0:
                open_flows.append(start)
            else:
                open_flows.remove(start)
            at += 1
        if open_flows:
            holding[pos] = list(open_flows)
    return holding


def _runs(numbers: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


class _Planner:
    def __init__(self, index: NodeIndex) -> None:
        self.index = index
        self.plan = CommentPlan()
        self.starts = [entry.start for entry in index.entries]
        self.by_path = index.by_path()
        self.places = {path: place for paths in index.children.values() for place, path in enumerate(paths)}
        ends = sorted(((e.head_end, len(e.path)), i) for i, e in enumerate(index.entries))
        self.heads = [key for key, _ in ends]
        self.head_entries = [index.entries[i] for _, i in ends]

    def inline_anchor(self, comment: Comment) -> Path | None:
        at = bisect.bisect_right(self.heads, ((comment.line, comment.column), WHOLE_LINE))
        return self.head_entries[at - 1].path if at else None

    def add_run(self, lines: list[Line], last: int) -> None:
        at = bisect.bisect_left(self.starts, (last + 1, 0))
        following = self.index.entries[at] if at < len(self.starts) else None
        if following is None:
            self.split(lines, None, self.last_top_entry(), 0, "footer")
        elif at == 0:
            self.add_header(lines, following)
        else:
            sibling = self.previous_sibling(following)
            self.split(lines, following, sibling, following.column, "before")

    def split(self, lines: list[Line], following: Entry | None, sibling: Entry | None,
              column: int, kind: str) -> None:
        cut = 0 if sibling is None else next(
            (i for i, c in enumerate(lines) if c is not None and c.column <= column), len(lines))
        while cut > 0 and lines[cut - 1] is None:
            cut -= 1
        after, rest = lines[:cut], lines[cut:]
        if after and sibling is not None:
            inner = min(c.column for c in after if c is not None)
            owner = self.last_within(sibling, inner)
            self.plan.groups.append(Group("after", owner.path, after, owner.column))
        anchor = following.path if following is not None else None
        if rest:
            self.plan.groups.append(Group(kind, anchor, rest, column))

    def add_header(self, lines: list[Line], first: Entry) -> None:
        blank = max((i for i, c in enumerate(lines) if c is None), default=len(lines) - 1)
        header = lines[: blank + 1]
        while header and header[0] is None:
            header.pop(0)
        if header:
            self.plan.groups.append(Group("header", None, header, 0))
        if lines[blank + 1:]:
            self.plan.groups.append(Group("before", first.path, lines[blank + 1:], first.column))

    def previous_sibling(self, entry: Entry) -> Entry | None:
        place = self.places[entry.path]
        return self.by_path[self.index.children[entry.path[:-1]][place - 1]] if place > 0 else None

    def last_top_entry(self) -> Entry | None:
        top = self.index.children.get((), [])
        return self.by_path[top[-1]] if top else None

    def last_within(self, root: Entry, column: int) -> Entry:
        """The block a comment at `column` closes: the deepest entry ending `root` that is
        indented less than the comment, or the parent of the one it lines up with."""
        chain = [root]
        while self.index.children.get(chain[-1].path):
            chain.append(self.by_path[self.index.children[chain[-1].path][-1]])
        inner = [entry for entry in chain if entry.column <= column] or [root]
        owner = inner[-1]
        if owner.column == column and len(inner) > 1:
            return inner[-2]
        return owner
