"""The YAML text of a new map (`cjm import`), in the layout `cjm fmt` writes.

Block style for the map, its sections, stages and touchpoints; lists of
text one item per line; `phases`, `next` and `metrics` in flow style, as the
format reference writes them. Every text is quoted only when it must be
(`cjm.fmt.quoting`), then `cjm.fmt.format_text` puts keys in their canonical
order and proves the text loads back as the same data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cjm.fmt import format_text
from cjm.fmt.quoting import yaml_text

FLOW_LISTS = ("phases", "tags", "next")


def map_text(data: dict[str, Any], comments: Sequence[str] = ()) -> str:
    """`data` as a map file in canonical layout, after `comments` (full `# ...` lines)."""
    lines = list(comments)
    _mapping(data, 0, lines)
    return format_text("\n".join(lines) + "\n")


def _mapping(value: dict[str, Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, item in value.items():
        head = f"{pad}{yaml_text(str(key))}:"
        if isinstance(item, dict) and key != "metrics":
            out.append(head)
            _mapping(item, indent + 2, out)
        elif isinstance(item, dict):
            pairs = ", ".join(f"{yaml_text(str(k), True)}: {_scalar(v, True)}" for k, v in item.items())
            out.append(f"{head} {{{pairs}}}")
        elif isinstance(item, list) and (key in FLOW_LISTS or not item):
            out.append(f"{head} [{', '.join(_scalar(v, flow=True) for v in item)}]")
        elif isinstance(item, list):
            out.append(head)
            for element in item:
                _item(element, indent + 2, out)
        else:
            out.append(f"{head} {_scalar(item)}")


def _item(element: Any, indent: int, out: list[str]) -> None:
    """One `- ` item of a block list: a mapping (a stage, a touchpoint) or a scalar."""
    if not isinstance(element, dict):
        out.append(f"{' ' * indent}- {_scalar(element)}")
        return
    block: list[str] = []
    _mapping(element, indent + 2, block)
    block[0] = f"{' ' * indent}- {block[0][indent + 2:]}"
    out.extend(block)


def _scalar(value: Any, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return yaml_text(str(value), flow)
