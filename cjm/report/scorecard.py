"""`cjm score`: the engagement scorecard, one table per map or one line per map."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from cjm.check.discover import strip_map_suffix
from cjm.check.result import FileResult
from cjm.diagnostic import Severity
from cjm.model import STEPS
from cjm.score import PhaseScore, mean_score

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

TOP_FINDINGS = 5
CELL = {
    "filled": ("✓ {step}", "bold green"),
    "out_of_order": ("↺ {step}", "yellow"),
    "missing": ("✗ {step}", "red"),
}


def step_cell(phase: PhaseScore, step: str) -> str:
    """filled (in the chain), out_of_order (present, not in the chain) or missing."""
    if step in phase.chain:
        return "filled"
    return "out_of_order" if step in phase.out_of_order else "missing"


def report(results: Sequence[FileResult], stream: TextIO) -> None:
    from cjm.report.console import make_console

    console = make_console(stream)
    if len(results) == 1:
        print_card(console, results[0])
    else:
        print_overview(console, results)


def print_card(console: Console, result: FileResult) -> None:
    from rich.text import Text

    title = result.journey.text("title") if result.journey else None
    console.print(Text.assemble((result.path, "bold"), f"  {title}" if title else ""), soft_wrap=True)
    if result.score is None:
        console.print(Text("  cannot be scored: fix the errors below first", style="red"))
    else:
        console.print(phase_table(result))
        console.print(score_line(result), soft_wrap=True)
    print_findings(console, result)


def phase_table(result: FileResult) -> Table:
    from rich.table import Table
    from rich.text import Text

    assert result.score is not None
    table = Table(show_edge=True, header_style="bold", pad_edge=True)
    table.add_column("Phase")
    for step in STEPS:
        table.add_column(step.capitalize(), no_wrap=True)
    table.add_column("Score", justify="right")
    table.add_column("Touchpoints", justify="right")
    table.add_column("Spectator / participant / engaged", justify="center")
    for phase in result.score.phases:
        cells = []
        for step in STEPS:
            template, style = CELL[step_cell(phase, step)]
            cells.append(Text(template.format(step=step), style=style))
        mix = " / ".join(str(phase.mix.get(k, 0)) for k in ("spectator", "participant", "engaged"))
        score_style = "green" if phase.score == 100 else "yellow" if phase.score >= 50 else "red"
        table.add_row(phase.phase, *cells, Text(str(phase.score), style=score_style),
                      str(phase.touchpoints), mix)
    return table


def score_line(result: FileResult) -> str:
    assert result.score is not None
    ratio = result.score.engagement_ratio
    shown = "n/a (no touchpoint sets engagement)" if ratio is None else f"{ratio:.0%}"
    return (f"Map score {result.score.score:.1f} / 100 · engaged {shown} · "
            f"advocate shares {result.score.advocate_shares}")


def print_findings(console: Console, result: FileResult) -> None:
    from rich.text import Text

    shown = [d for d in result.diagnostics if d.severity is not Severity.INFO][:TOP_FINDINGS]
    if not shown:
        console.print(Text("No findings: every phase engages.", style="green"))
        console.print()
        return
    more = len(result.diagnostics) - len(shown)
    console.print(Text("Top findings" + (f" ({more} more: run cjm validate)" if more > 0 else ""),
                       style="bold"))
    for d in shown:
        style = "red" if d.severity is Severity.ERROR else "yellow"
        console.print(Text.assemble(f"  {result.path}:{d.line}:{d.column} ", (d.rule, style),
                                    f" {d.message}"), soft_wrap=True)
    console.print()


def print_overview(console: Console, results: Sequence[FileResult]) -> None:
    import os

    from rich import box
    from rich.table import Table

    folder = os.path.commonpath([os.path.dirname(r.path) or "." for r in results])
    table = Table(header_style="bold", box=box.SIMPLE_HEAD,
                  caption=f"Maps in {folder or '.'}/ · Shares: advocate shares", caption_justify="left")
    table.add_column("Map", overflow="fold")
    for name in ("Score", "Engaged", "Shares", "Errors", "Warnings"):
        table.add_column(name, justify="right", no_wrap=True)
    ordered = sorted(results, key=lambda r: (-(r.score.score if r.score else -1), r.path))
    for r in ordered:
        ratio = r.score.engagement_ratio if r.score else None
        name = strip_map_suffix(os.path.relpath(r.path, folder) if folder else r.path)
        table.add_row(name,
                      f"{r.score.score:.1f}" if r.score else "n/a",
                      "n/a" if ratio is None else f"{ratio:.0%}",
                      str(r.score.advocate_shares) if r.score else "n/a",
                      str(r.count(Severity.ERROR)), str(r.count(Severity.WARNING)))
    scored = [r.score.score for r in results if r.score]
    console.print(table)
    average = mean_score(scored)
    if average is not None:
        console.print(f"Average score {average:.1f} over {len(scored)} "
                      f"map{'s' if len(scored) != 1 else ''}. Run `cjm score MAP` for a map's scorecard.")
