"""`cjm diff` as text: per map, what changed and what got worse, readable at a glance in 80 columns.

    maps/acme.cjm.yaml: changed since origin/main
    Score 77.5 → 80 (+2.5) · sequence 100
    Phase        Score       Depth       Mean emotion  Pain points
    trial        87.5 → 100  87.5 → 100  +0.5 → +1.5   2 → 0        ▲ better
    commitment   75          75          +1 → 0        0 → 3        ▼ worse
    Touchpoints: 1 added (ad hoc), 1 changed
    +  card-at-trial-end  commitment  Card details asked on the last day
    ~  first-invoice      commitment  emotion +1 → -1
    What got worse
    maps/acme.cjm.yaml:120:12: warning [perverse-consequence] trial got better ...
    Findings: 1 finding appeared
     + unrecovered-dip   commitment · first-invoice
       'first-invoice' leaves the customer at emotion -1 ...

then a summary of all maps. A map that is new, gone or invalid on either side gets one line,
or its errors as `cjm validate` shows them. Colour only on a terminal (cjm.report.console).
The comparison itself is cjm.report.diff_changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from cjm.check.changes import DiffResult
from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.report.console import print_wrapped
from cjm.report.diff_changes import SHOWN, more, print_changes
from cjm.report.text import SHOWN_PER_MAP
from cjm.safe import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

SIGNS = {"appeared": ("+", "red"), "resolved": ("-", "green")}


def report(results: Sequence[DiffResult], stream: TextIO, unchanged: int = 0) -> None:
    from cjm.report.console import make_console

    console = make_console(stream)
    for result in results:
        if not print_map(console, result):
            console.print()
    print_summary(console, results, unchanged)


def print_map(console: Console, result: DiffResult) -> bool:
    """Print one map's part; True when it ends with an empty line already."""
    old, new = result.old, result.new
    print_wrapped(console, heading(result), hanging=2)
    ended_blank = False
    if old is not None and new is not None and old.valid and new.valid and result.diff is not None:
        print_changes(console, result.status, result.diff)
    elif new is not None:
        ended_blank = _print_invalid(console, result)
    return _print_findings(console, result) or ended_blank


def heading(result: DiffResult) -> Text:
    """`maps/a.cjm.yaml: changed since main`, `...: new map, score 62.5`, `...: gone since main`."""
    from rich.text import Text

    path = result.new_label or _path(result.old_label or "")
    text = Text(visible(path), style="bold")
    since = visible(_since(result))
    if result.new is None:
        assert result.old is not None
        return text.append(f": gone{since} (it scored {_score(result.old)})")
    if result.old is None:
        return text.append(f": new map, {_score(result.new, 'score ')}" if result.new.valid else ": new map")
    if result.old_label and since:
        return text.append(f": {result.status}{since}")
    return text.append(f", compared with {visible(result.old_label or '')}", style="dim")


def _since(result: DiffResult) -> str:
    """` since REF` when the old version is `REF:path` of the same path."""
    path = result.new_label or _path(result.old_label or "")
    label = result.old_label or ""
    return f" since {label[:-len(path) - 1]}" if label.endswith(f":{path}") else ""


def _print_invalid(console: Console, result: DiffResult) -> bool:
    """The errors of each invalid side; True when they end the part (with an empty line)."""
    from rich.text import Text

    from cjm.report.text import print_diagnostic

    for side, checked in (("old", result.old), ("new", result.new)):
        errors = [d for d in checked.diagnostics if d.severity is Severity.ERROR] if checked else []
        if not checked or not errors:
            continue
        if side == "new":
            why, style = "so the versions are not compared" if result.old else "", "bold red"
        else:
            why, style = "so every finding of the new version counts as new", "yellow"
        invalid = f"The {side} version is invalid ({_count(len(errors), 'error')}){', ' if why else ''}{why}:"
        print_wrapped(console, Text(invalid, style=style))
        for d in errors[:SHOWN_PER_MAP]:
            print_diagnostic(console, checked, d)
        if len(errors) > SHOWN_PER_MAP:
            console.print(Text(f"… {more(len(errors) - SHOWN_PER_MAP)}", style="bold"))
            console.print()
    if result.old is not None and result.new is not None and result.new.valid:
        console.print(f"The new version is valid, {_score(result.new, 'score ')}.")
        return False
    return result.new is not None and not result.new.valid


def _print_findings(console: Console, result: DiffResult) -> bool:
    from rich.text import Text

    from cjm.report.text import print_diagnostic

    if result.findings and result.new is not None:
        console.print(Text("What got worse", style="bold"))
        for d in result.findings:
            print_diagnostic(console, result.new, d)
    appeared = result.appeared if result.new is None or result.new.valid else []  # its errors are above
    counts = [_count(len(appeared), "finding") + " appeared"] if appeared else []
    counts += [f"{len(result.resolved)} resolved"] if result.resolved else []
    if not counts:
        return bool(result.findings)  # print_diagnostic ends with an empty line
    console.print(Text(f"Findings: {', '.join(counts)}", style="bold"))
    for kind, found in (("appeared", appeared), ("resolved", result.resolved)):
        sign, style = SIGNS[kind]
        for d in found[:SHOWN]:
            console.print(Text.assemble(f" {sign} ", (d.rule, style), (visible(_where(d)), "dim")))
            print_wrapped(console, visible(d.message), indent=3)
        if len(found) > SHOWN:
            console.print(Text(f" {sign} … {more(len(found) - SHOWN)}", style="dim"))
    return False


def print_summary(console: Console, results: Sequence[DiffResult], unchanged: int) -> None:
    from rich.text import Text

    statuses = [r.status for r in results]
    parts = [f"{statuses.count(s)} {s}" for s in ("changed", "new", "gone") if s in statuses]
    same = statuses.count("unchanged") + unchanged
    parts += [f"{same} unchanged"] if same else []
    total = len(results) + unchanged
    if same == total:
        console.print(Text(f"Nothing changed: {_count(total, 'map')}, the same in both versions.",
                           style="bold"))
    else:
        console.print(Text(f"{_count(total, 'map')}: {', '.join(parts)}", style="bold"))
    worse = [d for r in results for d in r.findings]
    perverse = sum(1 for d in worse if d.rule == "perverse-consequence")
    if worse:
        kinds = [_count(n, kind) for n, kind in ((perverse, "perverse consequence"),
                                                 (len(worse) - perverse, "regression")) if n]
        console.print(Text(f"What got worse: {', '.join(kinds)}", style="bold yellow"))
    elif any(r.diff is not None for r in results):
        console.print(Text("Nothing got worse.", style="green"))
    for result in results:
        if result.failed:
            reasons = ", ".join(result.reasons or [])
            console.print(Text(f"failed: {visible(result.new_label or '')} ({reasons})", style="bold red"))


def _where(d: Diagnostic) -> str:
    place = " · ".join(p for p in (d.phase, d.touchpoint) if p)
    return f"   {place}" if place else ""


def _score(result: FileResult, prefix: str = "") -> str:
    """`62.5` (with `prefix`: `score 62.5`), or `not scored`."""
    return "not scored" if result.score_value is None else f"{prefix}{result.score_value:g}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _path(label: str) -> str:
    """`origin/main:maps/a.cjm.yaml` -> `maps/a.cjm.yaml`."""
    return label.split(":", 1)[1] if ":" in label else label
