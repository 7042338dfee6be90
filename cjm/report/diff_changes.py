"""The comparison in `cjm diff`'s text: the score, a table of the phases old → new with a verdict
each, and one line per touchpoint added, removed, moved, reordered or changed, with CJML's words
for a planned and an actual journey in the heading. At most SHOWN lines of each kind, then how
many more (`--format json` lists them all). Map text is shown as text (cjm.safe.visible; never
rich markup)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cjm.diff.values import MapDiff, PhaseChange, TouchpointChanges
from cjm.diff.words import changed_fields, moved, ordinal, plain, signed
from cjm.report.console import print_trimmed
from cjm.safe import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

KINDS = (  # attribute, sign, style, heading words
    ("added", "+", "green", "added (ad hoc)"),
    ("removed", "-", "red", "removed (missing)"),
    ("moved", "→", "cyan", "moved"),
    ("reordered", "↕", "yellow", "reordered (irregular sequence)"),
    ("changed", "~", "", "changed"),
)
SHOWN = 20
VERDICTS = {"better": ("▲ better", "green"), "worse": ("▼ worse", "bold red"), "mixed": ("◆ mixed", "yellow"),
            "added": ("+ new phase", "green"), "removed": ("- phase gone", "red"), "same": ("", "")}


def print_changes(console: Console, status: str, diff: MapDiff) -> None:
    """The score, the phases and the touchpoints of two versions compared."""
    if status == "unchanged":
        console.print("No change: the two versions are the same.")
        return
    if diff.score.old is None and diff.score.new is None:
        console.print("Not scored: no touchpoint sets `step` in either version.")
    else:
        console.print(f"Score {moved(diff.score, plain, 'not scored', delta=True)} · "
                      f"sequence {moved(diff.sequence, plain, 'not scored', delta=True)}")
    if any(p.status != "same" for p in diff.phases):
        print_trimmed(console, phase_table(diff.phases))
    if diff.touchpoints.any:
        print_touchpoints(console, diff.touchpoints)
    if not diff.any:
        console.print("No change to the scores, the phases or the touchpoints.")


def phase_table(phases: list[PhaseChange]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 2, 0, 0))
    for column in ("Phase", "Score", "Depth", "Mean emotion", "Pain points", ""):
        table.add_column(column, no_wrap=True)
    for phase in phases:
        label = phase.phase if phase.renamed_from is None else f"{phase.phase} (was {phase.renamed_from})"
        verdict, style = VERDICTS[phase.status if phase.status in ("added", "removed") else phase.verdict]
        values = [moved(getattr(phase, name), signed if name == "emotion" else plain)
                  for name in ("score", "depth", "emotion", "pain_points")]
        table.add_row(*(Text(visible(cell)) for cell in (label, *values)), Text(verdict, style=style))
    return table


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
            cells = (item.id, *_where_and_what(kind, item))
            table.add_row(Text(sign, style=style), *(Text(visible(cell)) for cell in cells))
        if len(items) > SHOWN:
            rest = Text(more(len(items) - SHOWN), style="dim")
            table.add_row(Text(sign, style=style), Text("…"), Text(""), rest)
    print_trimmed(console, table)


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
