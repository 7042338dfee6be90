"""`cjm export MAP --to mermaid|csv [-o FILE] [--markdown]`: the map in another format.

- Prints to stdout, or writes FILE atomically (and says so on stderr).
- `--to` may be left out when FILE's suffix says it: `.csv`, `.mmd` /
  `.mermaid`, or `.md` (Mermaid in a Markdown fence).
- An invalid map is reported (text reporter, on stderr) and not exported:
  exit 1, nothing written. Warnings do not stop an export.
- FILE is replaced if it exists, but never when it is MAP itself or named
  like a map (`*.cjm.yaml`): that is a usage error (exit 2).
"""

from __future__ import annotations

import sys
from collections.abc import Sized
from pathlib import Path
from typing import TYPE_CHECKING

from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError

if TYPE_CHECKING:
    from cjm.check.result import FileResult

TARGETS = ("mermaid", "csv")
_BY_SUFFIX = {".csv": ("csv", False), ".mmd": ("mermaid", False), ".mermaid": ("mermaid", False),
              ".md": ("mermaid", True), ".markdown": ("mermaid", True)}


def run_export(path: str, to: str | None, out: str | None, markdown: bool) -> int:
    target, markdown = _target(to, out, markdown)
    if out is not None:
        _refuse_to_overwrite_a_map(path, out)
    result = _checked(path)
    if not result.valid or result.journey is None:
        from cjm.report import get_reporter

        get_reporter("text")([result.only_errors()], sys.stderr)
        sys.stderr.write(f"not exported: {path} (fix its errors first)\n")
        return EXIT_FAILED
    if target == "csv":
        from cjm.interop.csv_out import to_csv

        text = to_csv(result.journey)
    else:
        from cjm.interop.mermaid_out import to_mermaid

        text = to_mermaid(result.journey, markdown=markdown)
    _emit(text, out, target, result.journey.touchpoints)
    return EXIT_OK


def _target(to: str | None, out: str | None, markdown: bool) -> tuple[str, bool]:
    if to is None:
        guessed = _BY_SUFFIX.get(Path(out).suffix.lower()) if out else None
        if guessed is None:
            raise UsageError("say what to export to: --to mermaid or --to csv")
        return guessed[0], markdown or guessed[1]
    if to.lower() not in TARGETS:
        raise UsageError(f"--to must be mermaid or csv, not {to!r}")
    if markdown and to.lower() != "mermaid":
        raise UsageError("--markdown wraps a Mermaid diagram in a fence; it does not apply to --to csv")
    return to.lower(), markdown


def _refuse_to_overwrite_a_map(path: str, out: str) -> None:
    """An export replaces its output file, so it must never be a map (least of all MAP itself)."""
    from cjm.check.discover import is_map_name

    target = Path(out)
    same = target.exists() and Path(path).exists() and target.samefile(path)
    if same or is_map_name(target.name):
        raise UsageError(f"-o {out}: cjm export writes a Mermaid diagram or a CSV, not a map, and never "
                         "over a map; choose a .mmd, .md or .csv file")


def _checked(path: str) -> FileResult:
    from cjm.check.engine import check_file

    file = Path(path)
    if file.is_dir():
        raise UsageError(f"{path} is a folder; cjm export takes one map file")
    if not file.exists():
        raise UsageError(f"{path}: no such file")
    return check_file(file)


def _emit(text: str, out: str | None, target: str, touchpoints: Sized) -> None:
    """To stdout as it is (bytes: CSV keeps its CRLF rows), or into `out` atomically."""
    data = text.encode("utf-8")
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from cjm.cli.atomic import write_atomic

    try:
        write_atomic(Path(out), data)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    what = "a CSV" if target == "csv" else "a Mermaid journey diagram"
    sys.stderr.write(f"wrote {out}: {what} of {len(touchpoints)} touchpoints\n")
