"""The touchpoints part of `cjm diff`'s text: one line per touchpoint added, removed, moved,
reordered or changed, with CJML's words for a planned and an actual journey in the heading.
At most SHOWN lines of each kind, then how many more (`--format json` lists them all)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cjm.diff.values import TouchpointChanges
from cjm.diff.words import changed_fields, ordinal

if TYPE_CHECKING:
    from rich.console import Console

KINDS = (  # attribute, sign, style, heading words
    ("added", "+", "green", "added (ad hoc)"),
    ("removed", "-", "red", "removed (missing)"),
    ("moved", "→", "cyan", "moved"),
    ("reordered", "↕", "yellow", "reordered (irregular sequence)"),
    ("changed", "~", "", "changed"),
)
SHOWN = 20


def print_touchpoints(console: Console, changes: TouchpointChanges) -> None:
    from rich.table import Table
    from rich.text import Text

    counts = [f"{len(found)} {words}" for kind, _, _, words in KINDS if (found := getattr(changes, kind))]
    console.print(Text(f"Touchpoints: {', '.join(counts)}", style="bold"))
    table = Table(box=None, show_header=False, pad_edge=False, show_edge=False, padding=(0, 2, 0, 0))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, overflow="fold")
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for kind, sign, style, _ in KINDS:
        items = getattr(changes, kind)
        for item in items[:SHOWN]:
            table.add_row(Text(sign, style=style), item.id, *_where_and_what(kind, item))
        if len(items) > SHOWN:
            table.add_row(Text(sign, style=style), "…", "", Text(more(len(items) - SHOWN), style="dim"))
    console.print(table)


def more(count: int) -> str:
    return f"and {count} more (--format json lists every one)"


def _where_and_what(kind: str, item: Any) -> tuple[str, str]:
    if kind == "moved":
        return f"{item.old_phase} → {item.new_phase}", item.title
    if kind == "reordered":
        return item.phase, f"{ordinal(item.old_position)} → {ordinal(item.new_position)} in the phase"
    if kind == "changed":
        return item.phase or "", changed_fields(item)
    return item.phase or "", item.title
