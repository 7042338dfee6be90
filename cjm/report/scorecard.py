"""`cjm score`: the engagement scorecard, one table per map or one line per map.

A map's card shows, per phase, which steps of Connect -> Inform ->
Entertain -> Share are in its chain, then what the score is made of: the
sequence, the depth of engagement and their product, the score. Then the
map's score and sequence, the engagement ratio, the advocate shares, the
failure reasons (if any) and the top findings. Every table fits the terminal
down to 60 columns without cutting a phase or map name: below 80 columns the
headers shorten (the legend says what they stand for), and a name that still
does not fit wraps onto a second line rather than losing its end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from cjm.check.discover import strip_map_suffix
from cjm.check.result import FileResult
from cjm.diagnostic import Severity
from cjm.model import STEPS
from cjm.report.console import print_trimmed, print_wrapped
from cjm.safe import visible
from cjm.score import PhaseScore, mean_score

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

TOP_FINDINGS = 5
CELL = {
    "filled": ("✓", "bold green"),
    "out_of_order": ("↺", "yellow"),
    "missing": ("✗", "red"),
}
LEGEND = ("C I E S: connect, inform, entertain, share (✓ in the chain, ↺ out of order, ✗ missing). "
          "S/P/E: touchpoints that are spectator, participant, engaged. "
          "Score = sequence × depth / 100; depth: spectator 0, participant 50, engaged 100.")
NARROW = 72
"""Below this many columns the tables use short headers, explained in the legend."""
PHASE_COLUMNS = {"Sequence": "Seq", "Depth": "Depth", "Score": "Score", "Touchpoints": "TPs"}
NOT_SCORED = "not scored: no touchpoint sets `step`, so there is no sequence to measure"


def step_cell(phase: PhaseScore, step: str) -> str:
    """filled (in the chain), out_of_order (present, not in the chain) or missing."""
    if step in phase.chain:
        return "filled"
    return "out_of_order" if step in phase.out_of_order else "missing"


def number(value: float | None) -> str:
    """62.5 -> `62.5`, 75.0 -> `75`, None -> `–`."""
    return "–" if value is None else f"{value:g}"


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
    heading = Text.assemble((visible(result.path), "bold"), f"  {visible(title)}" if title else "")
    print_wrapped(console, heading, hanging=2)
    if result.score is None:
        console.print(Text("  cannot be scored: fix the errors below first", style="red"))
    else:
        narrow = console.width < NARROW
        print_trimmed(console, phase_table(result, narrow=narrow))
        legend = LEGEND + (" Seq: sequence. TPs: touchpoints." if narrow else "")
        print_wrapped(console, Text(legend, style="dim"))
        print_wrapped(console, score_line(result))
    print_reasons(console, result)
    print_findings(console, result)


def phase_table(result: FileResult, *, narrow: bool = False) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    assert result.score is not None
    scored = result.score.scored
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False, pad_edge=False,
                  collapse_padding=True)
    table.add_column("Phase", overflow="fold")
    for step in STEPS:
        table.add_column(step[0].upper(), justify="center", no_wrap=True)
    for name, short in PHASE_COLUMNS.items():
        table.add_column(short if narrow else name, justify="right", no_wrap=True)
    table.add_column("S/P/E", justify="right", no_wrap=True)
    for phase in result.score.phases:
        cells = [Text(*CELL[step_cell(phase, step)]) for step in STEPS]
        mix = "/".join(str(phase.mix.get(k, 0)) for k in ("spectator", "participant", "engaged"))
        score = phase.score_value
        style = "green" if score >= 75 else "yellow" if score >= 40 else "red"
        table.add_row(Text(visible(phase.phase)), *cells,
                      str(phase.sequence) if scored else "–", number(phase.depth_value),
                      Text(number(score), style=style) if scored else Text("–"),
                      str(phase.touchpoints), mix)
    return table


def score_line(result: FileResult) -> str:
    assert result.score is not None
    score = result.score
    ratio = score.engagement_ratio
    shown = "n/a (no touchpoint sets engagement)" if ratio is None else f"{ratio:.0%}"
    head = (f"Map score {score.score:.1f} / 100 (sequence {score.sequence:.1f})" if score.score is not None
            and score.sequence is not None else f"Map {NOT_SCORED}")
    return f"{head} · engaged {shown} · advocate shares {score.advocate_shares}"


def print_reasons(console: Console, result: FileResult) -> None:
    from rich.text import Text

    if result.failed:
        print_wrapped(console, Text(f"Fails: {result.why_failed_text}", style="bold red"), hanging=2)


def print_findings(console: Console, result: FileResult) -> None:
    from rich.text import Text

    shown = [d for d in result.diagnostics if d.severity is not Severity.INFO][:TOP_FINDINGS]
    infos = [d for d in result.diagnostics if d.severity is Severity.INFO]
    if not shown and not infos:
        console.print(Text("No findings.", style="green"))
        console.print()
        return
    more = len(result.diagnostics) - len(shown)
    if shown:
        console.print(Text("Top findings (line:column)" + (f", {more} more: run cjm validate"
                                                          if more > 0 else ""), style="bold"))
    elif infos:
        console.print(Text("Notes", style="bold"))
    for d in shown or infos:
        style = {Severity.ERROR: "red", Severity.WARNING: "yellow"}.get(d.severity, "cyan")
        line = Text.assemble(f"{d.line}:{d.column} [", (d.rule, style), f"] {visible(d.message)}")
        print_wrapped(console, line, indent=2, hanging=2)
    console.print()


def print_overview(console: Console, results: Sequence[FileResult]) -> None:
    import os

    from rich import box
    from rich.table import Table
    from rich.text import Text

    narrow = console.width < NARROW
    folder = os.path.commonpath([os.path.dirname(r.path) or "." for r in results])
    table = Table(header_style="bold", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  collapse_padding=True)
    if not narrow:
        table.add_column("", no_wrap=True)  # ✗: the map fails (below 80 columns, only the list says so)
    table.add_column("Map", overflow="fold")
    headers = ("Score", "Seq", "Eng", "Shr", "E/W") if narrow else (
        "Score", "Seq", "Engaged", "Shares", "Err", "Warn")
    for name in headers:
        table.add_column(name, justify="right", no_wrap=True)
    ordered = sorted(results, key=lambda r: (r.score_value is None, -(r.score_value or 0), r.path))
    for r in ordered:
        ratio = r.score.engagement_ratio if r.score else None
        name = strip_map_suffix(os.path.relpath(r.path, folder) if folder else r.path)
        if r.score is None:
            score, sequence = "n/a", "n/a"
        elif r.score.score is None:
            score, sequence = "–" if narrow else "not scored", "–"
        else:
            score, sequence = f"{r.score.score:.1f}", number(r.score.sequence)
        errors, warnings = str(r.count(Severity.ERROR)), str(r.count(Severity.WARNING))
        engaged = "n/a" if ratio is None else f"{ratio:.0%}"
        cells: list[Text | str] = [Text(visible(name)), score, sequence, engaged,
                                   str(r.score.advocate_shares) if r.score else "n/a"]
        if narrow:
            table.add_row(*cells, f"{errors}/{warnings}")
        else:
            table.add_row(Text("✗", style="bold red") if r.failed else "", *cells, errors, warnings)
    scored = [r.score_value for r in results if r.score_value is not None]
    print_trimmed(console, table)
    legend = (f"Maps in {visible(folder or '.')}/ · Seq: sequence · "
              + ("Eng: engaged · Shr: advocate shares · E/W: errors/warnings" if narrow
                 else "Shares: advocate shares · Err, Warn: errors, warnings · ✗ fails"))
    if narrow and any(r.score is not None and r.score.score is None for r in results):
        legend += " · –: not scored (no step set)"
    print_wrapped(console, Text(legend, style="dim"))
    average = mean_score(scored)
    if average is not None:
        print_wrapped(console, f"Average score {average:.1f} over {len(scored)} scored "
                      f"map{'s' if len(scored) != 1 else ''}. Run `cjm score MAP` for a map's scorecard.")
    failed = [r for r in results if r.failed]
    if failed:
        console.print(Text(f"✗ {len(failed)} map{'s' if len(failed) != 1 else ''} failed:", style="bold red"))
        for r in failed:
            print_wrapped(console, f"{visible(r.path)}: {r.why_failed_text}", indent=2, hanging=2)
