"""`--format text`: each finding at file:line:column with a code frame, then a summary."""

from __future__ import annotations

from collections.abc import Iterable

from cjm.check.result import CONTEXT_LINES, FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.report import Totals
from cjm.safe import visible

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import TextIO

if TYPE_CHECKING:
    from rich.console import Console

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SHOWN_PER_MAP = 100
"""The text report shows this many findings of a map in full, then counts the rest by rule."""
FRAME_WIDTH = 100


def crop(line: str, column: int, width: int = FRAME_WIDTH) -> tuple[str, int]:
    """A window of `line` around `column` (1-based); returns it and the column in it."""
    if len(line) <= width:
        return line, column
    start = max(0, min(column - 1 - width // 2, len(line) - width))
    window = line[start:start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(line) else ""
    return prefix + window + suffix, column - start + len(prefix)


def summary_line(totals: Totals) -> str:
    """`3 maps checked: 1 invalid (2 errors), 1 failed its score, 4 warnings` and the like."""
    files = totals.files
    head = f"{files} map{'s' if files != 1 else ''} checked"
    parts = []
    invalid = files - totals.valid
    if invalid:
        errors = totals.errors
        parts.append(f"{invalid} invalid ({errors} error{'s' if errors != 1 else ''})")
    if totals.failing_valid == 1:
        parts.append(f"1 failed ({totals.first_failing_valid})")
    elif totals.failing_valid:
        parts.append(f"{totals.failing_valid} failed (--strict, or a score under the threshold)")
    for key, count in (("warnings", totals.warnings), ("infos", totals.infos)):
        if count:
            parts.append(f"{count} {key[:-1] if count == 1 else key}")
    if not parts:
        return f"{head}: all valid, nothing to fix"
    return f"{head}: {', '.join(parts)}"


def fails_line(result: FileResult) -> str | None:
    """`maps/a.cjm.yaml: fails: score 48.5 is below --fail-under 50`, for a map that fails."""
    return f"{visible(result.path)}: fails: {result.why_failed_text}" if result.failed else None


def report(results: Iterable[FileResult], stream: TextIO) -> None:
    """Each map's findings as it comes. While no map has a finding, the lines of the maps that fail
    wait: with no finding at all (the hook's common case) they are written plainly, without rich;
    at the first finding they go out as the rest do, through rich."""
    totals = Totals()
    waiting: list[str] = []
    console: Console | None = None
    for result in map(totals.add, results):
        if console is None and result.diagnostics:
            console = _rich_console(stream)
            for line in waiting:
                _print_fails(console, line)
        fails = fails_line(result)
        if console is None:
            if fails is not None:
                waiting.append(fails)
            continue
        for diagnostic in result.diagnostics[:SHOWN_PER_MAP]:
            print_diagnostic(console, result, diagnostic)
        print_rest(console, result)
        if fails is not None and result.valid:  # an invalid map's errors say why already
            _print_fails(console, fails)
    if console is None:
        stream.writelines(line + "\n" for line in waiting)
        stream.write(summary_line(totals) + "\n")
        return
    from rich.text import Text

    console.print(Text(summary_line(totals), style="bold red" if totals.failed else "bold"))
    if totals.valid < totals.files:
        console.print(Text("The engagement checks run on a map once its errors are fixed.", style="dim"))


def _rich_console(stream: TextIO) -> Console:
    from cjm.report.console import make_console

    return make_console(stream)


def _print_fails(console: Console, line: str) -> None:
    from rich.text import Text

    console.print(Text(line, style="bold red"))
    console.print()


def report_quiet(results: Iterable[FileResult], stream: TextIO) -> None:
    """`--quiet`: the errors, each map's as it comes, then one line per map that fails, saying why;
    nothing when all pass."""
    console: Console | None = None
    failing: list[str] = []
    for result in results:
        errors_only = result.only_errors()
        if errors_only.diagnostics:
            console = _rich_console(stream) if console is None else console
            for diagnostic in errors_only.diagnostics[:SHOWN_PER_MAP]:
                print_diagnostic(console, errors_only, diagnostic)
            print_rest(console, errors_only)
        fails = fails_line(result)
        if fails is not None:
            failing.append(fails)
    stream.writelines(line + "\n" for line in failing)


def print_rest(console: Console, result: FileResult) -> None:
    """One line for the findings past SHOWN_PER_MAP, by rule, so a broken map answers fast."""
    from collections import Counter

    from rich.text import Text

    rest = result.diagnostics[SHOWN_PER_MAP:]
    if not rest:
        return
    kinds = ", ".join(f"{rule} {count:,}" for rule, count in Counter(d.rule for d in rest).most_common())
    console.print(Text(f"{visible(result.path)}: {len(rest):,} more findings not shown ({kinds}); fix the "
                       "ones above first, or see every one with --format json", style="bold"))
    console.print()


def print_diagnostic(console: Console, result: FileResult, d: Diagnostic) -> None:
    from rich.text import Text

    head = Text()
    head.append(f"{visible(result.path)}:{d.line}:{d.column}", style="bold")
    head.append(": ")
    head.append(d.severity.value, style=STYLES.get(d.severity, ""))
    head.append(f" [{d.rule}] ", style="dim")
    head.append(visible(d.message))
    console.print(head, soft_wrap=True)
    print_frame(console, result.lines, d)
    if d.hint:
        console.print(Text.assemble(("  hint: ", "cyan"), visible(d.hint)), soft_wrap=True)
    console.print()


def print_frame(console: Console, lines: list[str], d: Diagnostic) -> None:
    """The offending line (and the one before) with a caret under the column: under the spot as a
    terminal shows it, so wide characters (CJK, emoji) count two cells and combining ones none."""
    from rich.cells import cell_len
    from rich.text import Text

    if not 1 <= d.line <= len(lines):
        return
    first = max(1, d.line - CONTEXT_LINES)
    width = len(str(d.line))
    column = d.column
    for number in range(first, d.line + 1):
        line = lines[number - 1].replace("\t", " ")
        line, shifted = crop(line, d.column)
        if number == d.line:  # the caret stays under the spot when escapes widen the line
            column = cell_len(visible(line[: shifted - 1])) + 1
        line = visible(line)
        style = "" if number == d.line else "dim"
        console.print(Text.assemble((f"  {number:>{width}} | ", "dim"), (line, style)),
                      soft_wrap=True)
    caret = " " * (column - 1) + "^"
    console.print(Text.assemble((f"  {'':>{width}} | ", "dim"),
                                (caret, STYLES.get(d.severity, "bold"))), soft_wrap=True)
