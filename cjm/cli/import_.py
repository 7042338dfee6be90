"""`cjm import FILE -o MAP [--title TEXT] [--persona NAME]`: a new map from a CSV or a Mermaid journey.

- FILE `-` reads stdin. MAP must not exist: cjm import never overwrites (exit 2).
- Problems in FILE are reported at their line and column, through the text
  reporter of `cjm validate`, on stderr. Any error: exit 1, nothing written.
  Warnings (a Mermaid score held to 1..5) do not stop the import.
- MAP starts with the editor line and a comment naming its source, is in
  `cjm fmt` layout, validates, and is written atomically.
"""

from __future__ import annotations

import sys
from pathlib import Path

import cjm
from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError
from cjm.interop.draft import Imported


def run_import(source: str, out: str, title: str | None, persona: str | None) -> int:
    from cjm.cli.init import text_option
    from cjm.interop.importing import import_map

    title = None if title is None else text_option("--title", title, title)
    persona = None if persona is None else text_option("--persona", persona, persona)
    target = Path(out)
    if target.exists():
        raise _exists(out)
    imported = import_map(_read(source), source, title=title, persona=persona)
    _report(source, imported)
    if imported.data is None:
        return EXIT_FAILED
    text = _map_text(imported, source)
    _write_new(target, text)
    _print_done(out, source, imported)
    return EXIT_OK


def _read(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    if path.is_dir():
        raise UsageError(f"{source} is a folder; cjm import reads one CSV or Mermaid file")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{source}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{source}: cannot read it: {exc.strerror or exc}") from None


def _report(source: str, imported: Imported) -> None:
    """Every problem at file:line:column with its line and a hint, as `cjm validate` shows them."""
    if not imported.diagnostics:
        return
    from cjm.check.result import FileResult
    from cjm.report.console import make_console
    from cjm.report.text import print_diagnostic

    console = make_console(sys.stderr)
    result = FileResult(source, imported.diagnostics, imported.lines)
    for diagnostic in imported.diagnostics:
        print_diagnostic(console, result, diagnostic)
    errors = len(imported.errors)
    if errors:
        console.print(f"{source}: not imported ({errors} error{'s' if errors != 1 else ''}); nothing was "
                      "written. Fix the file and run cjm import again.", markup=False, soft_wrap=True)


def _map_text(imported: Imported, source: str) -> str:
    from cjm.check.engine import check_text
    from cjm.cli.init import MODELINE
    from cjm.interop.map_yaml import map_text

    assert imported.data is not None
    name = "standard input" if source == "-" else Path(source).name
    comments = [MODELINE, f"# Imported from {name} ({imported.kind}) by cjm import {cjm.__version__}.",
                "# Fill in what the source did not say, then check the map with `cjm validate`."]
    text = map_text(imported.data, comments)
    if not check_text(text, "<imported map>").valid:  # the import checked every value already
        raise RuntimeError("cjm import made a map that does not validate")
    return text


def _write_new(target: Path, text: str) -> None:
    from cjm.cli.atomic import create_exclusive

    try:
        created = create_exclusive(target, text)
    except OSError as exc:
        raise UsageError(f"{target}: cannot write the new map: {exc.strerror or exc}") from None
    if not created:
        raise _exists(str(target))


def _exists(out: str) -> UsageError:
    return UsageError(f"{out} already exists; cjm import never overwrites a file. "
                      "Choose another name, or move the existing file away first.")


def _print_done(out: str, source: str, imported: Imported) -> None:
    import shlex

    assert imported.data is not None
    stages = imported.data["stages"]
    count = sum(len(stage["touchpoints"]) for stage in stages)
    origin = "standard input" if source == "-" else source
    sys.stdout.write(f"Wrote {out}: {len(stages)} stage{'s' if len(stages) != 1 else ''}, {count} "
                     f"touchpoint{'s' if count != 1 else ''} from {origin} ({imported.kind}).\n"
                     f"Next: cjm validate {shlex.quote(out)}\n")
