"""The flow diagram of a checked map: DOT text (cjm.render.dot), laid out by
Graphviz (cjm.render.graphviz) into a standalone SVG file and the `<svg>`
element the HTML page inlines. `cjm render` and `cjm preview` both draw it here.

For print the diagram is also drawn in parts, a phase at a time and at most
PER_PART touchpoints each, so that each part fits a page's width at a size
that reads; the page shows them one under another.

The whole diagram is one Graphviz process and the parts, all together,
another, both only for layouts not already in the cache (cjm.render.layouts);
`start_flow_diagram` starts them on a pool of threads (each waits on its
process) and returns at once, so the caller builds its HTML while they run
and collects the diagram after.

What lays the diagram out (DOT, the layout cache, the pool) is imported only when a diagram is
laid out: the first process of `cjm render` only receives diagrams laid out in its second
(cjm.cli.beside), and unpickling one imports this module.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from cjm.records import record
from cjm.render.graphviz import Graphviz, RenderError, svg_for_inline

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from cjm.model import JourneyMap
    from cjm.render.jobs import Jobs

PER_PART = 3
FLOW_LIMIT = 1_000
"""The most touchpoints a flow diagram is drawn for. Graphviz's layout grows faster than the map
(1,000 touchpoints take about 1 s, 12,000 about 30 s) and a hook must answer in bounded time; a
diagram of more boxes than that reads on no screen or poster."""


@record(hashable=True)
class FlowDiagram:
    svg: str
    """The SVG document as Graphviz writes it (for NAME.svg)."""
    inline: str
    """Only its `<svg>` element (for the page)."""
    parts: tuple[str, ...] = ()
    """The print parts, each an `<svg>` element."""


def flow_diagram(journey: JourneyMap, graphviz: Graphviz, with_parts: bool = True) -> FlowDiagram:
    """Lay out the journey's flow diagram (and its print parts); RenderError when Graphviz fails."""
    from cjm.render.jobs import Jobs

    with Jobs(2) as pool:
        return start_flow_diagram(journey, graphviz, pool, with_parts)()


PendingFlow = Callable[[], FlowDiagram]
"""A flow diagram being laid out: calling it waits for it."""


def start_flow_diagram(journey: JourneyMap, graphviz: Graphviz, pool: Jobs,
                       with_parts: bool = True) -> PendingFlow:
    """Start laying out the flow diagram on `pool`; calling the result waits for it. It raises the
    RenderError of the first layout that failed, in the order flow_diagram lays them out; for a map
    of more than FLOW_LIMIT touchpoints nothing is started, and it raises FlowTooLarge."""
    count = len(journey.touchpoints)
    if count > FLOW_LIMIT:
        return partial(_too_big, count)
    from cjm.render.dot import build_dots
    from cjm.render.layouts import lay_out, lay_out_all

    whole, *sources = build_dots(journey, [None, *(print_parts(journey) if with_parts else [])])
    layout = pool.submit(lay_out, whole, graphviz)
    parts = pool.submit(lay_out_all, sources, graphviz)

    def collect() -> FlowDiagram:
        svg = layout.result()
        return FlowDiagram(svg, svg_for_inline(svg), tuple(map(svg_for_inline, parts.result())))

    return collect


class FlowTooLarge(RenderError):
    """The map has more touchpoints than a flow diagram is drawn for."""

    def __init__(self, count: int) -> None:
        super().__init__(f"the map has {count:,} touchpoints and cjm draws flow diagrams of up to "
                         f"{FLOW_LIMIT:,} (laying out more would take minutes). To see the flow, "
                         "split the journey into smaller maps")


def _too_big(count: int) -> FlowDiagram:
    raise FlowTooLarge(count)


def print_parts(journey: JourneyMap) -> list[range]:
    """Runs of touchpoints (by index) in one phase, at most PER_PART each, as even as possible."""
    from cjm.render.sheets import balanced

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
