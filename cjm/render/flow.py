"""The flow diagram of a checked map: DOT text (cjm.render.dot), laid out by
Graphviz (cjm.render.graphviz) into a standalone SVG file and the `<svg>`
element the HTML page inlines. `cjm render` and `cjm preview` both draw it here.

For print the diagram is also drawn in parts, a phase at a time and at most
PER_PART touchpoints each, so that each part fits a page's width at a size
that reads; the page shows them one under another.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjm.model import JourneyMap
from cjm.render.dot import build_dot
from cjm.render.graphviz import Graphviz, render_svg, svg_for_inline
from cjm.render.sheets import balanced

PER_PART = 3


@dataclass(frozen=True)
class FlowDiagram:
    svg: str
    """The SVG document as Graphviz writes it (for NAME.svg)."""
    inline: str
    """Only its `<svg>` element (for the page)."""
    parts: tuple[str, ...] = ()
    """The print parts, each an `<svg>` element."""


def flow_diagram(journey: JourneyMap, graphviz: Graphviz, with_parts: bool = True) -> FlowDiagram:
    """Lay out the journey's flow diagram (and its print parts); RenderError when Graphviz fails."""
    svg = render_svg(build_dot(journey), graphviz)
    parts = [svg_for_inline(render_svg(build_dot(journey, part), graphviz))
             for part in print_parts(journey)] if with_parts else []
    return FlowDiagram(svg, svg_for_inline(svg), tuple(parts))


def print_parts(journey: JourneyMap) -> list[range]:
    """Runs of touchpoints (by index) in one phase, at most PER_PART each, as even as possible."""
    runs: list[range] = []
    start = 0
    touchpoints = journey.touchpoints
    while start < len(touchpoints):
        end = start
        while end < len(touchpoints) and touchpoints[end].phase == touchpoints[start].phase:
            end += 1
        runs += balanced(start, end, PER_PART)
        start = end
    return runs
