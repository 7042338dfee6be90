"""`--format text`: each finding at file:line:column with a code frame, then a summary."""

from __future__ import annotations

from collections.abc import Sequence

from cjm.check.result import CONTEXT_LINES, FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.report import summary_counts
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


def summary_line(results: Sequence[FileResult]) -> str:
    """`3 maps checked: 1 invalid (2 errors), 1 failed its score, 4 warnings` and the like."""
    counts = summary_counts(results)
    files = counts["files"]
    head = f"{files} map{'s' if files != 1 else ''} checked"
    parts = []
    invalid = files - counts["valid"]
    if invalid:
        errors = counts["errors"]
        parts.append(f"{invalid} invalid ({errors} error{'s' if errors != 1 else ''})")
    failing = [r for r in results if r.valid and r.failed]
    if len(failing) == 1:
        parts.append(f"1 failed ({failing[0].why_failed_text})")
    elif failing:
        parts.append(f"{len(failing)} failed (--strict, or a score under the threshold)")
    for key in ("warnings", "infos"):
        if counts[key]:
            parts.append(f"{counts[key]} {key[:-1] if counts[key] == 1 else key}")
    if not parts:
        return f"{head}: all valid, nothing to fix"
    return f"{head}: {', '.join(parts)}"


def fails_line(result: FileResult) -> str | None:
    """`maps/a.cjm.yaml: fails: score 48.5 is below --fail-under 50`, for a map that fails."""
    return f"{visible(result.path)}: fails: {result.why_failed_text}" if result.failed else None


def report(results: Sequence[FileResult], stream: TextIO) -> None:
    if not any(r.diagnostics for r in results):  # the hook's common case needs no rich
        for line in filter(None, map(fails_line, results)):
            stream.write(line + "\n")
        stream.write(summary_line(results) + "\n")
        return
    from rich.text import Text

    from cjm.report.console import make_console

    console = make_console(stream)
    for result in results:
        for diagnostic in result.diagnostics[:SHOWN_PER_MAP]:
            print_diagnostic(console, result, diagnostic)
        print_rest(console, result)
        fails = fails_line(result)
        if fails is not None and result.valid:  # an invalid map's errors say why already
            console.print(Text(fails, style="bold red"))
            console.print()
    failed = any(r.failed for r in results)
    console.print(Text(summary_line(results), style="bold red" if failed else "bold"))
    if any(not r.valid for r in results):
        console.print(Text("The engagement checks run on a map once its errors are fixed.", style="dim"))


def report_quiet(results: Sequence[FileResult], stream: TextIO) -> None:
    """`--quiet`: the errors, and one line per map that fails, saying why; nothing when all pass."""
    errors_only = [r.only_errors() for r in results]
    if any(r.diagnostics for r in errors_only):
        from cjm.report.console import make_console

        console = make_console(stream)
        for result in errors_only:
            for diagnostic in result.diagnostics[:SHOWN_PER_MAP]:
                print_diagnostic(console, result, diagnostic)
            print_rest(console, result)
    for line in filter(None, map(fails_line, results)):
        stream.write(line + "\n")


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
