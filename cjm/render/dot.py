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
from itertools import pairwise

from cjm.model import JourneyMap, Stage, Touchpoint
from cjm.render.dot_labels import clean, legend_label, quoted, stage_label, touchpoint_label
from cjm.render.palette import BORDER, INK, STEP_FILL

STAGE_FILLS = ("#F3F5F8", "#FBF8F1")  # alternate per phase, so the stages of one phase read as a group
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HEADER = f"""digraph journey {{
  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.35, pad=0.3, bgcolor="#FFFFFF",
         fontname="Helvetica", fontcolor="{INK}", labeljust=l];
  node [shape=box, style="rounded,filled", fontname="Helvetica", fontcolor="{INK}", margin="0.12,0.06"];
  edge [color="#5A6270", arrowsize=0.7, penwidth=1.2];
  subgraph cluster_legend {{
    id="flow-legend"; label=<<B>How to read this map</B>>; fontsize=12;
    style=rounded; color="#C9CED6"; margin=8;
    legend [shape=plain, style=solid, label={legend_label()}];
  }}
"""


def build_dot(journey: JourneyMap) -> str:
    """The DOT source of the journey's flow diagram."""
    names = {id(tp): f"tp_{n}" for n, tp in enumerate(journey.touchpoints)}
    dom_ids = _dom_ids(journey.touchpoints)
    parts = [_HEADER]
    order: list[str] = []
    phase_count = 0
    for stage in journey.stages:
        if stage.index == 0 or stage.phase != journey.stages[stage.index - 1].phase:
            phase_count += 1
        members = [names[id(tp)] for tp in stage.touchpoints] or [f"stage_{stage.index}_empty"]
        order += members
        nodes = [f"    {names[id(tp)]} [{_node_attributes(tp, dom_ids[id(tp)])}];\n"
                 for tp in stage.touchpoints]
        parts.append(_cluster(stage, nodes or [_placeholder(members[0])], STAGE_FILLS[phase_count % 2]))
    parts += _edges(journey, names, order)
    parts.append("}\n")
    return "".join(parts)


def _dom_ids(touchpoints: list[Touchpoint]) -> dict[int, str]:
    """An SVG id per touchpoint: its own id when that is safe and unused, else `n<index>`."""
    taken: set[str] = set()
    ids: dict[int, str] = {}
    for n, tp in enumerate(touchpoints):
        own = tp.id if tp.id and _SAFE_ID.match(tp.id) and tp.id not in taken else f"n{n}"
        taken.add(own)
        ids[id(tp)] = f"flow-tp-{own}"
    return ids


def _cluster(stage: Stage, nodes: list[str], fill: str) -> str:
    return "".join([
        f"  subgraph cluster_{stage.index} {{\n",
        f'    id="flow-stage-{stage.index}"; label={stage_label(stage)};\n',
        f'    style="rounded,filled"; fillcolor="{fill}"; color="#C9CED6"; margin=12;\n',
        *nodes,
        "  }\n",
    ])


def _placeholder(name: str) -> str:
    return f'    {name} [label="no touchpoints yet", style="rounded,dashed", color="#5A6270", fontsize=10];\n'


def _node_attributes(tp: Touchpoint, dom_id: str) -> str:
    width, colour = BORDER[tp.storytelling or "corporate"]
    attributes = [
        f'id="{dom_id}"',
        f"tooltip={quoted(clean(tp.title))}",
        f'fillcolor="{STEP_FILL[tp.step]}", penwidth={width}, color="{colour}"',
    ]
    if tp.moment_of_truth:
        attributes.append("peripheries=2")
    attributes.append(f"label={touchpoint_label(tp)}")
    return ", ".join(attributes)


def _edges(journey: JourneyMap, names: dict[int, str], order: list[str]) -> list[str]:
    """Visible edges (where the customer can go next: `next`, else file order; `next: []` ends
    there), then invisible ones that keep file order."""
    touchpoints = journey.touchpoints
    position = {name: n for n, name in enumerate(order)}
    lines: list[str] = []
    drawn: set[tuple[str, str]] = set()
    for tp, successors in zip(touchpoints, journey.successors(), strict=True):
        source = names[id(tp)]
        for j in successors:
            target = names[id(touchpoints[j])]
            drawn.add((source, target))
            back = " [constraint=false, style=dashed]" if position[target] <= position[source] else ""
            lines.append(f"  {source} -> {target}{back};\n")
    pairs = pairwise(["legend", *order])
    lines += [f"  {a} -> {b} [style=invis];\n" for a, b in pairs if (a, b) not in drawn]
    return lines
