"""`cjm fmt PATH...`: rewrite maps in the canonical layout; `--check` changes nothing.

Diffs go to stdout (so `cjm fmt --check maps/ > fmt.diff` works), messages to
stderr. Exit codes: 0 nothing to do (or all rewritten), 1 a map would change
under --check or could not be formatted (its YAML is broken, or it changed
while cjm was formatting it), 2 a map could not be read or is read-only,
3 formatting would have lost data (a bug in cjm; the file is left
untouched). Writes keep the file itself: see cjm.cli.atomic.rewrite_map.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import TYPE_CHECKING

from cjm.cli.errors import EXIT_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, REPORT_BUGS
from cjm.cli.options import Option, read_plain
from cjm.safe import visible

if TYPE_CHECKING:
    from cjm.diagnostic import Finding
    from cjm.loader import Loaded

HELP = "Rewrite maps in the canonical layout, keeping every comment and value."
PATHS_HELP = "Map files or folders."
OPTIONS = (
    Option(("--check",), "check", "Change nothing; exit 1 and show a diff if a map would change.", flag=True),
)
"""The single definition of fmt's options: read by the loop of cjm.cli.options on a plain command
line (pre-commit runs `cjm fmt` on every commit: no typer), and by the typer app for the rest."""


def main(argv: list[str]) -> int | None:
    """Run a plain `cjm fmt ARGV`; None when the typer app should read it (a mistake, or no path)."""
    plain = read_plain(argv, OPTIONS)
    if plain is None or not plain[0]:
        return None
    paths, values = plain
    return run_fmt(paths, bool(values.get("check", False)))


def shown(path: str) -> str:
    return visible(path)


CHANGED, UNCHANGED, FAILED, REFUSED, BUG = "changed", "unchanged", "failed", "refused", "bug"


def run_fmt(paths: list[str], check: bool) -> int:
    from cjm.check.discover import collect_sources

    # paths as text (cjm.check.discover): pathlib only when a file is written
    outcomes = Counter(_format_file(source.path, check) for source in collect_sources(paths))
    sys.stderr.write(_summary(outcomes, check) + "\n")
    if outcomes[BUG]:
        return EXIT_INTERNAL
    if outcomes[REFUSED]:
        return EXIT_USAGE
    if outcomes[FAILED] or (check and outcomes[CHANGED]):
        return EXIT_FAILED
    return EXIT_OK


def _format_file(path: str, check: bool) -> str:
    from cjm.fmt import FormatterError, NotFormattable, format_text
    from cjm.loader.read import UnreadableFile

    try:
        raw, loaded = _read(path)
    except UnreadableFile as exc:
        sys.stderr.write(f"cjm: error: {visible(str(exc))}\n")
        return REFUSED
    try:
        if raw is None or loaded.data is None:
            raise NotFormattable(loaded.findings)
        new = _in_own_conventions(raw, format_text(loaded.text, path, loaded=loaded))
    except NotFormattable as exc:
        _report_refusal(path, exc.findings, exc.own)
        return FAILED
    except FormatterError as exc:
        sys.stderr.write(f"cjm: internal error: {shown(path)}: {exc}; the file was left untouched.\n"
                         f"This is a bug in cjm, not in your map. {REPORT_BUGS}\n"
                         "with the map file.\n")
        return BUG
    if new.encode("utf-8") == raw:
        return UNCHANGED
    if check:
        _show_diff(path, raw, new)
        sys.stderr.write(f"would reformat {shown(path)}\n")
        return CHANGED
    return _write(path, new.encode("utf-8"), raw)


def _in_own_conventions(raw: bytes, formatted: str) -> str:
    """The formatted map with the file's line endings, final newline and byte-order mark."""
    from cjm.fmt.newlines import conventions_of, keep_conventions

    return keep_conventions(formatted, conventions_of(raw.decode("utf-8", errors="replace")))


def _read(path: str) -> tuple[bytes | None, Loaded]:
    """The file's bytes and their loaded form; no bytes when it is over the size limit.
    Raises UnreadableFile for a path that is not a readable regular file."""
    from cjm.loader import MAX_BYTES, load_bytes, oversized
    from cjm.loader.read import read_bounded

    raw, size = read_bounded(path, MAX_BYTES)
    return (raw, load_bytes(raw, path)) if size is None else (None, oversized(path, size))


def _write(path: str, new: bytes, original: bytes) -> str:
    from pathlib import Path

    from cjm.cli.atomic import ReadOnlyFile, WriteConflict, rewrite_map

    try:
        rewrite_map(Path(path), new, original)
    except ReadOnlyFile as exc:
        sys.stderr.write(f"cjm: error: {visible(str(exc))}\n")
        return REFUSED
    except WriteConflict:
        sys.stderr.write(f"{shown(path)}: not formatted: the file changed while cjm fmt was formatting it "
                         "(saved in an editor?); your change is kept, run cjm fmt again\n")
        return FAILED
    except OSError as exc:
        sys.stderr.write(f"{shown(path)}: cannot write the formatted map: {exc.strerror or exc}; "
                         "the file is unchanged\n")
        return FAILED
    sys.stderr.write(f"reformatted {shown(path)}\n")
    return CHANGED


def _show_diff(path: str, raw: bytes, new: str) -> None:
    """A unified diff of the lines, line endings shown as LF; a note when only they change."""
    from cjm.fmt.newlines import conventions_of

    old = raw.decode("utf-8", errors="replace")
    notes = []
    kept = conventions_of(old)
    if kept.mixed:
        notes.append(f"writes every line ending as {_NEWLINE_NAMES[kept.newline]}, the one most lines use")

    def lines(text: str) -> list[str]:
        return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").splitlines(keepends=True)

    import difflib

    diff = difflib.unified_diff(lines(old), lines(new), fromfile=f"{path}", tofile=f"{path} (formatted)")
    on_terminal = sys.stdout.isatty()  # a diff saved to a file stays exact; a terminal sees no escapes
    for line in diff:
        line = line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
        sys.stdout.write(visible(line[:-1]) + "\n" if on_terminal else line)
    if notes:
        sys.stdout.write(f"# {shown(path)}: cjm fmt {' and '.join(notes)}\n")


_NEWLINE_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}


_PROBLEMS = {"yaml-syntax": "a YAML error", "duplicate-key": "a repeated key"}


def _report_refusal(path: str, findings: list[Finding], own: bool = False) -> None:
    """One line: `cjm validate` (the hook beside this one) reports the errors in full, once. What
    only cjm fmt cannot do (`own`), validate does not report: the line says it."""
    import shlex

    first = findings[0]
    if own:
        sys.stderr.write(f"{shown(path)}:{first.pos.line}:{first.pos.column}: not formatted: "
                         f"{visible(first.message)}; the file is unchanged\n")
        return
    what = (_PROBLEMS.get(first.rule, "an error") if len(findings) == 1
            else f"{len(findings)} errors, the first")
    said = "" if first.rule in _PROBLEMS else f" ({visible(first.message)})"  # not a YAML error: say which
    sys.stderr.write(f"{shown(path)}:{first.pos.line}:{first.pos.column}: not formatted: the map has {what} "
                     f"here [{first.rule}]{said}, which `cjm validate {visible(shlex.quote(path))}` "
                     "explains; the file is unchanged\n")


def _summary(outcomes: Counter[str], check: bool) -> str:
    def maps(count: int) -> str:
        return f"{count} map{'s' if count != 1 else ''}"

    parts = []
    if outcomes[CHANGED]:
        parts.append(f"{maps(outcomes[CHANGED])} {'would be reformatted' if check else 'reformatted'}")
    if outcomes[UNCHANGED]:
        parts.append(f"{maps(outcomes[UNCHANGED])} already formatted")
    if outcomes[FAILED]:
        parts.append(f"{maps(outcomes[FAILED])} could not be formatted")
    if outcomes[REFUSED]:
        parts.append(f"{maps(outcomes[REFUSED])} could not be read or written")
    if outcomes[BUG]:
        parts.append(f"{maps(outcomes[BUG])} left untouched after an internal error")
    return ", ".join(parts)
