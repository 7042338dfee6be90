"""How a map's page is made, beside what it shows: the layout asked for, a poster's paper and
scale, the link to the portfolio index, and the flow diagram's print parts."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from cjm.records import record

POSTERS_MM = {"A3": (420, 297), "A2": (594, 420), "A1": (841, 594)}
"""Landscape paper sizes, width by height."""
PAGE_MARGIN_MM = 10
POSTER_LANE, POSTER_COLUMN, POSTER_PAD = 150, 160, 24
"""The poster's grid widths (px): its whole width is zoomed to the paper."""


@record(hashable=True)
class PageOptions:
    layout: str | None = None
    """journey or blueprint; None: the map's `layout` (default journey)."""
    poster: str | None = None
    """A3, A2 or A1: the page prints as one poster of that size."""
    index_href: str | None = None
    """The portfolio index, from this page; None outside `cjm render`."""
    flow_parts: tuple[str, ...] = ()
    """The flow diagram cut in parts that print at a size that reads (inline SVGs)."""
    flow_note: str | None = None
    """Why the page has no flow diagram, shown where it would be (a map over FLOW_LIMIT)."""


def page_context(options: PageOptions, columns: int) -> dict[str, Any]:
    """How the page is made: the poster's size and scale, the index link, the print parts of the flow."""
    poster = None
    if options.poster:
        width_mm, height_mm = POSTERS_MM[options.poster]
        width = POSTER_LANE + columns * POSTER_COLUMN + 2 * POSTER_PAD
        printable = (width_mm - 2 * PAGE_MARGIN_MM) / 25.4 * 96
        poster = {"size": options.poster, "width_mm": width_mm, "height_mm": height_mm, "width": width,
                  "lane": POSTER_LANE, "column": POSTER_COLUMN,
                  "zoom": f"{min(2.0, printable / width):.4f}",
                  "page_width": f"{printable:.1f}",
                  "page_height": f"{(height_mm - 2 * PAGE_MARGIN_MM) / 25.4 * 96:.1f}"}
    return {"poster": poster, "index_href": options.index_href,
            "flow_parts": [Markup(part) for part in options.flow_parts], "flow_note": options.flow_note}
