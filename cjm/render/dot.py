"""The flow diagram of a journey map as DOT text: pure, deterministic, no Graphviz needed.

Layout: left to right, a legend cluster first, then one cluster per stage
(labelled "<Phase> · <stage name>" and its goal) holding a node per touchpoint.

Names, so tests, stylesheets and scripts can find things in the SVG:
- touchpoint nodes are `tp_<n>`, n counting touchpoints in file order from 0;
  that name is the node's SVG `<title>`. Its SVG `<g id>` is
  `flow-tp-<touchpoint id>` and its tooltip (`xlink:title`) is its title,
  whitespace collapsed. Its title is also in the label, wrapped.
- a stage without touchpoints gets a placeholder node `stage_<n>_empty`, so
  its cluster still shows. Stage clusters are `cluster_<n>` (n = the stage's
  index) with SVG id `flow-stage-<n>`.
- the legend is the single node `legend` in `cluster_legend`.

A part of the diagram (for print: a phase, a few touchpoints at a time) is
the same drawing for the touchpoints of one range, top to bottom and without
the legend, so parts sit side by side on a page at full size; an edge that
leaves the part ends at a small "continues at" note named `exit_<n>` (n: the
target's number).

Encoding: fill colour = engagement step; border = storytelling (corporate,
or none told: thin rounded box; advocate: thick rounded box); moment of truth = a double
outline and a "♦ MOMENT OF TRUTH" line; emotion = a badge with glyph and sign.

Edges follow `next` where a touchpoint sets it, else go to the next
touchpoint in file order; `next: []` ends the journey there (no edge).
Invisible edges keep the layout in file order, and edges that point back
are dashed with `constraint=false`, so hundreds of touchpoints still lay
out in seconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from cjm.model import JourneyMap, Stage, Touchpoint
from cjm.render.dot_labels import clean, legend_label, quoted, stage_label, touchpoint_label, wrapped
from cjm.render.palette import BORDER, INK, STEP_FILL

STAGE_FILLS = ("#F3F5F8", "#FBF8F1")  # alternate per phase, so the stages of one phase read as a group
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_GRAPH = f"""digraph journey {{
  graph [rankdir=RANKDIR, newrank=true, nodesep=0.25, ranksep=0.35, pad=0.3, bgcolor="#FFFFFF",
         fontname="Helvetica", fontcolor="{INK}", labeljust=l];
  node [shape=box, style="rounded,filled", fontname="Helvetica", fontcolor="{INK}", margin="0.12,0.06"];
  edge [color="#5A6270", arrowsize=0.7, penwidth=1.2];
"""
_HEADER = _GRAPH.replace("RANKDIR", "LR") + f"""  subgraph cluster_legend {{
    id="flow-legend"; label=<<B>How to read this map</B>>; fontsize=12;
    style=rounded; color="#C9CED6"; margin=8;
    legend [shape=plain, style=solid, label={legend_label()}];
  }}
"""


def build_dot(journey: JourneyMap, part: range | None = None) -> str:
    """The DOT source of the journey's flow diagram, or of the part for the touchpoints in `part`."""
    return _Flow(journey).dot(part)


def build_dots(journey: JourneyMap, parts: Sequence[range | None]) -> list[str]:
    """The DOT source of each part (None: the whole diagram), from one pass over the journey, so
    each touchpoint's node is written once however many drawings show it."""
    flow = _Flow(journey)
    return [flow.dot(part) for part in parts]


class _Flow:
    """What every drawing of a journey shares: node names, SVG ids, stage fills, where each
    touchpoint leads. A part then costs only its own touchpoints."""

    def __init__(self, journey: JourneyMap) -> None:
        self.journey = journey
        self.own_ids = _own_ids(journey.touchpoints)
        self.nodes: dict[int, str] = {}
        self.successors = journey.successors()
        self.fills: list[str] = []
        phase_count = 0
        for stage in journey.stages:
            if stage.index == 0 or stage.phase != journey.stages[stage.index - 1].phase:
                phase_count += 1
            self.fills.append(STAGE_FILLS[phase_count % 2])

    def dot(self, part: range | None) -> str:
        journey = self.journey
        prefix = "" if part is None else f"p{part.start}-"
        inside = journey.touchpoints if part is None else journey.touchpoints[part.start:part.stop]
        by_stage: dict[int, list[Touchpoint]] = {}
        for tp in inside:
            by_stage.setdefault(tp.stage_index, []).append(tp)
        stages = journey.stages if part is None else [journey.stages[index] for index in by_stage]
        parts = [_HEADER if part is None else _GRAPH.replace("RANKDIR", "TB")]
        order: list[str] = []
        for stage in stages:
            members = by_stage.get(stage.index, [])
            names = [f"tp_{tp.index}" for tp in members] or [f"stage_{stage.index}_empty"]
            order += names
            nodes = [f'    tp_{tp.index} [id="flow-tp-{prefix}{self.own_ids[tp.index]}", {self.node(tp)}];\n'
                     for tp in members]
            label = stage_label(stage, 3 if part is None else 1)
            parts.append(_cluster(stage, label, nodes or [_placeholder(names[0])], self.fills[stage.index]))
        parts += self.edges(order, part)
        parts.append("}\n")
        return "".join(parts)

    def node(self, tp: Touchpoint) -> str:
        """The node's attributes after its id, made once per touchpoint."""
        if tp.index not in self.nodes:
            self.nodes[tp.index] = _node_attributes(tp)
        return self.nodes[tp.index]

    def edges(self, order: list[str], part: range | None) -> list[str]:
        """Visible edges (where the customer can go next: `next`, else file order; `next: []` ends
        there), then invisible ones that keep file order. In a part, an edge that leaves it ends at
        a note naming where the journey continues."""
        touchpoints = self.journey.touchpoints
        position = {name: n for n, name in enumerate(order)}
        lines: list[str] = []
        drawn: set[tuple[str, str]] = set()
        for index in part if part is not None else range(len(touchpoints)):
            source = f"tp_{index}"
            for j in self.successors[index]:
                target = f"tp_{j}"
                if part is not None and j not in part:
                    lines.append(_exit(touchpoints[j], j))
                    target = f"exit_{j}"
                drawn.add((source, target))
                back = " [constraint=false, style=dashed]" if target in position and \
                    position[target] <= position[source] else ""
                lines.append(f"  {source} -> {target}{back};\n")
        pairs = pairwise(order if part is not None else ["legend", *order])
        lines += [f"  {a} -> {b} [style=invis];\n" for a, b in pairs if (a, b) not in drawn]
        return list(dict.fromkeys(lines))


def _own_ids(touchpoints: list[Touchpoint]) -> list[str]:
    """The SVG id of each touchpoint after `flow-tp-` (and a part's prefix): its own id when that
    is safe and unused, else `n<index>`."""
    taken: set[str] = set()
    ids: list[str] = []
    for n, tp in enumerate(touchpoints):
        own = tp.id if tp.id and _SAFE_ID.match(tp.id) and tp.id not in taken else f"n{n}"
        taken.add(own)
        ids.append(own)
    return ids


def _cluster(stage: Stage, label: str, nodes: list[str], fill: str) -> str:
    return "".join([
        f"  subgraph cluster_{stage.index} {{\n",
        f'    id="flow-stage-{stage.index}"; label={label};\n',
        f'    style="rounded,filled"; fillcolor="{fill}"; color="#C9CED6"; margin=12;\n',
        *nodes,
        "  }\n",
    ])


def _placeholder(name: str) -> str:
    return f'    {name} [label="no touchpoints yet", style="rounded,dashed", color="#5A6270", fontsize=10];\n'


def _node_attributes(tp: Touchpoint) -> str:
    width, colour = BORDER[tp.storytelling or "corporate"]
    attributes = [
        f"tooltip={quoted(clean(tp.title))}",
        f'fillcolor="{STEP_FILL[tp.step]}", penwidth={width}, color="{colour}"',
    ]
    if tp.moment_of_truth:
        attributes.append("peripheries=2")
    attributes.append(f"label={touchpoint_label(tp)}")
    return ", ".join(attributes)


def _exit(tp: Touchpoint, index: int) -> str:
    label = wrapped(f"continues at {tp.title}", 26, 3)
    return f'  exit_{index} [shape=plain, style=solid, fontsize=11, fontcolor="#4A4F57", label=<{label}>];\n'

