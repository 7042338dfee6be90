"""Where a value is, in the words a person uses: touchpoints by id, stages by name, beside the path.

`stages[2].touchpoints[1].emotion` is exact but reads like code; the person
who wrote the map thinks "the emotion of touchpoint 'front-desk' in stage
'Free trial class'". Messages give both.
"""

from __future__ import annotations

from typing import Any

from cjm.loader.positions import Path, format_path
from cjm.safe import shorten


def _item(data: Any, path: Path) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _name(node: Any, *keys: str) -> str | None:
    if not isinstance(node, dict):
        return None
    for key in keys:
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return shorten(value.strip(), 40)
    return None


def human(data: Any, path: Path) -> str | None:
    """`touchpoint 'front-desk' in stage 'Free trial class'` for a path inside one, else None."""
    if len(path) < 2 or path[0] != "stages" or not isinstance(path[1], int):
        return None
    stage = _item(data, path[:2])
    stage_name = _name(stage, "name", "phase")
    stage_words = f"stage '{stage_name}'" if stage_name else f"stage {path[1] + 1}"
    if len(path) >= 4 and path[2] == "touchpoints" and isinstance(path[3], int):
        own_id = len(path) > 4 and path[4] == "id"  # a message about the id names it by its title
        touchpoint = _name(_item(data, path[:4]), *(("title",) if own_id else ("id", "title")))
        words = f"touchpoint '{touchpoint}'" if touchpoint else f"touchpoint {path[3] + 1}"
        return f"{words} in {stage_words}"
    return stage_words


def located(data: Any, path: Path) -> str:
    """The path, and beside it the touchpoint and stage it is in."""
    words = human(data, path)
    return f"{format_path(path)} ({words})" if words else format_path(path)
