"""`cjm score`: the engagement scorecard, one table per map or one line per map.

A map's card shows, per phase, which steps of Connect -> Inform ->
Entertain -> Share are in its chain, then what the score is made of: the
sequence, the depth of engagement and their product, the score. Then the
map's score and sequence, the engagement ratio, the advocate shares, the
failure reasons (if any) and the top findings. Every table fits the terminal
down to 60 columns without cutting a phase or map name: below 80 columns the
headers shorten (the legend says what they stand for), and a name that still
does not fit wraps onto a second line rather than losing its end.

The card and the overview are described once, as blocks (cjm.report.layout),
which rich draws on a terminal and cjm.report.plain writes, the same bytes,
everywhere else.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from cjm.check.discover import strip_map_suffix
from cjm.check.result import FileResult
from cjm.diagnostic import Severity
from cjm.model import STEPS
from cjm.report.layout import BLANK, Block, Column, Grid, Para, Span, draw
from cjm.safe import visible
from cjm.score import PhaseScore, mean_score

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import TextIO

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
    if len(results) == 1:
        draw(stream, lambda width: card(results[0], width))
    else:
        draw(stream, lambda width: overview(results, width))


def _line(text: str, style: str = "", *, indent: int = 0, hanging: int = 0) -> Para:
    return Para(((text, style),), indent, hanging)


def card(result: FileResult, width: int) -> list[Block]:
    """A map's scorecard at `width` columns."""
    title = result.journey.text("title") if result.journey else None
    heading = ((visible(result.path), "bold"), (f"  {visible(title)}" if title else "", ""))
    blocks: list[Block] = [Para(heading, hanging=2)]
    if result.score is None:
        blocks.append(_line("  cannot be scored: fix the errors below first", "red"))
    else:
        narrow = width < NARROW
        legend = LEGEND + (" Seq: sequence. TPs: touchpoints." if narrow else "")
        blocks += [phase_table(result, narrow=narrow), _line(legend, "dim"), _line(score_line(result))]
    return [*blocks, *reasons(result), *findings(result)]


def phase_table(result: FileResult, *, narrow: bool = False) -> Grid:
    assert result.score is not None
    scored = result.score.scored
    columns = [Column("Phase", fold=True), *(Column(step[0].upper(), "center") for step in STEPS),
               *(Column(short if narrow else name, "right") for name, short in PHASE_COLUMNS.items()),
               Column("S/P/E", "right")]
    rows = []
    for phase in result.score.phases:
        cells = [CELL[step_cell(phase, step)] for step in STEPS]
        mix = "/".join(str(phase.mix.get(k, 0)) for k in ("spectator", "participant", "engaged"))
        score = phase.score_value
        style = "green" if score >= 75 else "yellow" if score >= 40 else "red"
        rows.append(((visible(phase.phase), ""), *cells, (str(phase.sequence) if scored else "–", ""),
                     (number(phase.depth_value), ""), (number(score), style) if scored else ("–", ""),
                     (str(phase.touchpoints), ""), (mix, "")))
    return Grid(tuple(columns), rows)


def score_line(result: FileResult) -> str:
    assert result.score is not None
    score = result.score
    ratio = score.engagement_ratio
    shown = "n/a (no touchpoint sets engagement)" if ratio is None else f"{ratio:.0%}"
    head = (f"Map score {score.score:.1f} / 100 (sequence {score.sequence:.1f})" if score.score is not None
            and score.sequence is not None else f"Map {NOT_SCORED}")
    return f"{head} · engaged {shown} · advocate shares {score.advocate_shares}"


def reasons(result: FileResult) -> list[Block]:
    return [_line(f"Fails: {result.why_failed_text}", "bold red", hanging=2)] if result.failed else []


def findings(result: FileResult) -> list[Block]:
    shown = [d for d in result.diagnostics if d.severity is not Severity.INFO][:TOP_FINDINGS]
    infos = [d for d in result.diagnostics if d.severity is Severity.INFO]
    if not shown and not infos:
        return [_line("No findings.", "green"), BLANK]
    more = len(result.diagnostics) - len(shown)
    heading = ("Top findings (line:column)" + (f", {more} more: run cjm validate" if more > 0 else "")
               if shown else "Notes")
    blocks: list[Block] = [_line(heading, "bold")]
    for d in shown or infos:
        style = {Severity.ERROR: "red", Severity.WARNING: "yellow"}.get(d.severity, "cyan")
        spans: tuple[Span, ...] = ((f"{d.line}:{d.column} [", ""), (d.rule, style),
                                   (f"] {visible(d.message)}", ""))
        blocks.append(Para(spans, indent=2, hanging=2))
    return [*blocks, BLANK]


def overview(results: Sequence[FileResult], width: int) -> list[Block]:
    """One line per map, best score first, then the legend, the average and the maps that fail."""
    narrow = width < NARROW
    folder = os.path.commonpath([os.path.dirname(r.path) or "." for r in results])
    headers = ("Score", "Seq", "Eng", "Shr", "E/W") if narrow else (
        "Score", "Seq", "Engaged", "Shares", "Err", "Warn")
    # ✗: the map fails (below 80 columns, only the list says so)
    columns = ([] if narrow else [Column("")]) + [Column("Map", fold=True)] + [
        Column(name, "right") for name in headers]
    ordered = sorted(results, key=lambda r: (r.score_value is None, -(r.score_value or 0), r.path))
    rows = [_overview_row(r, folder, narrow) for r in ordered]
    legend = (f"Maps in {visible(folder or '.')}/ · Seq: sequence · "
              + ("Eng: engaged · Shr: advocate shares · E/W: errors/warnings" if narrow
                 else "Shares: advocate shares · Err, Warn: errors, warnings · ✗ fails"))
    if narrow and any(r.score is not None and r.score.score is None for r in results):
        legend += " · –: not scored (no step set)"
    blocks: list[Block] = [Grid(tuple(columns), rows), _line(legend, "dim")]
    scored = [r.score_value for r in results if r.score_value is not None]
    average = mean_score(scored)
    if average is not None:
        maps = f"{len(scored)} scored map{'s' if len(scored) != 1 else ''}"
        blocks.append(_line(f"Average score {average:.1f} over {maps}. "
                            "Run `cjm score MAP` for a map's scorecard."))
    failed = [r for r in results if r.failed]
    if failed:
        blocks.append(_line(f"✗ {len(failed)} map{'s' if len(failed) != 1 else ''} failed:", "bold red"))
        blocks += [_line(f"{visible(r.path)}: {r.why_failed_text}", indent=2, hanging=2) for r in failed]
    return blocks


def _overview_row(r: FileResult, folder: str, narrow: bool) -> tuple[Span, ...]:
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
    cells = [visible(name), score, sequence, engaged, str(r.score.advocate_shares) if r.score else "n/a"]
    cells += [f"{errors}/{warnings}"] if narrow else [errors, warnings]
    mark = [] if narrow else [("✗", "bold red") if r.failed else ("", "")]
    return (*mark, *((cell, "") for cell in cells))
