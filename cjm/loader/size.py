"""The touchpoint limit, checked on a map's loaded data before anything is built from it.

cjm checks, renders and formats maps of up to MAX_TOUCHPOINTS touchpoints
(over all stages). Counting them on the data takes milliseconds; building the
model of a map far past the limit, or formatting it, would take seconds.
"""

from __future__ import annotations

from cjm.diagnostic import Finding
from cjm.loader.positions import Positions

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

MAX_TOUCHPOINTS = 100_000


def count_touchpoints(data: Any) -> int:
    """How many touchpoints the model of `data` has (cjm.model counts the same ones): the mappings
    in each stage's `touchpoints` list, of each mapping in the `stages` list."""
    stages = data.get("stages") if isinstance(data, dict) else None
    count = 0
    for stage in stages if isinstance(stages, list) else []:
        items = stage.get("touchpoints") if isinstance(stage, dict) else None
        if isinstance(items, list):
            count += sum(1 for item in items if isinstance(item, dict))
    return count


def too_many_touchpoints(data: Any, positions: Positions, limit: int = MAX_TOUCHPOINTS) -> Finding | None:
    """The `schema` finding for a map of more than `limit` touchpoints, at `stages:`; else None."""
    count = count_touchpoints(data)
    if count <= limit:
        return None
    return Finding("schema", f"the map has {count:,} touchpoints; cjm checks maps of up to {limit:,} "
                   "touchpoints", positions.key(("stages",)), hint="split the journey into several maps")
