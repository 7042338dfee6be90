"""The flow diagram of a checked map: DOT text (cjm.render.dot), laid out by
Graphviz (cjm.render.graphviz) into a standalone SVG file and the `<svg>`
element the HTML page inlines. `cjm render` and `cjm preview` both draw it here.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjm.model import JourneyMap
from cjm.render.dot import build_dot
from cjm.render.graphviz import Graphviz, render_svg, svg_for_inline


@dataclass(frozen=True)
class FlowDiagram:
    svg: str
    """The SVG document as Graphviz writes it (for NAME.svg)."""
    inline: str
    """Only its `<svg>` element (for the page)."""


def flow_diagram(journey: JourneyMap, graphviz: Graphviz) -> FlowDiagram:
    """Lay out the journey's flow diagram; RenderError when Graphviz fails."""
    svg = render_svg(build_dot(journey), graphviz)
    return FlowDiagram(svg, svg_for_inline(svg))
