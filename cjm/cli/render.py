"""`cjm render PATH... -o DIR`: an HTML journey map and an SVG flow diagram per valid map.

- Writes `DIR/NAME.html` and `DIR/NAME.svg` (`--to html|svg` for one),
  NAME being the file name without `.cjm.yaml`, each atomically.
- Invalid maps are reported (text reporter, on stderr) and never rendered;
  nothing in DIR is touched for them. Exit 1 if any map was invalid.
- Two maps with the same NAME (in different folders) would overwrite each
  other's output: that is a usage error (exit 2) and nothing is written.
- No Graphviz engine: say how to get one, still write the HTML pages (without
  the flow diagram); exit 0 for `--to html`, else 1, as no SVG was written.
- A broken template (`--template-dir`) is a usage error naming the template
  and line (exit 2).
- Every message, one line per written file included, goes to stderr; a
  progress bar shows when more than three maps are rendered.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cjm.check.discover import map_stem
from cjm.check.result import FileResult
from cjm.cli.checking import check_paths
from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError
from cjm.safe import visible

if TYPE_CHECKING:
    from rich.console import Console

    from cjm.render.graphviz import Graphviz

FORMATS = ("html", "svg")
PROGRESS_ABOVE = 3


@dataclass
class RenderPlan:
    formats: tuple[str, ...]
    out_dir: Path
    template_dir: Path | None
    graphviz: Graphviz | None
    console: Console


def run_render(paths: list[str], out: str, to: str | None, template_dir: str | None, dot: str | None) -> int:
    from cjm.report.console import make_console

    formats = _formats(to)
    templates = _template_dir(template_dir)
    out_dir = _out_dir(out)
    checked = check_paths(paths)
    results = checked.results
    _refuse_name_clashes(results)
    invalid = [r for r in results if not r.valid]
    if invalid:
        _report_invalid(results)
    valid = [r for r in results if r.valid]
    console = make_console(sys.stderr)
    if not valid:
        return checked.exit_code(EXIT_FAILED)
    plan = RenderPlan(formats, out_dir, templates, _find_graphviz(dot, formats, console), console)
    failed = bool(invalid) or (plan.graphviz is None and "svg" in formats)
    with _progress(console, len(valid)) as advance:
        for result in valid:
            failed = not _render_one(result, plan) or failed
            advance()
    return checked.exit_code(EXIT_FAILED if failed else EXIT_OK)


def _formats(to: str | None) -> tuple[str, ...]:
    if to is None:
        return FORMATS
    if to.lower() not in FORMATS:
        raise UsageError(f"--to must be html or svg (default: both), not {to!r}")
    return (to.lower(),)


def _template_dir(template_dir: str | None) -> Path | None:
    if template_dir is None:
        return None
    path = Path(template_dir)
    if not path.is_dir():
        raise UsageError(f"--template-dir {template_dir}: no such folder")
    return path


def _out_dir(out: str) -> Path:
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise UsageError(f"-o {out}: exists and is not a folder")
    return path


def _refuse_name_clashes(results: list[FileResult]) -> None:
    by_stem: dict[str, list[str]] = {}
    for result in results:
        by_stem.setdefault(map_stem(Path(result.path)), []).append(result.path)
    clashes = [(stem, found) for stem, found in by_stem.items() if len(found) > 1]
    if clashes:
        stem, found = clashes[0]
        raise UsageError(
            f"{' and '.join(found)} would both be written as {stem}.html / {stem}.svg; "
            "rename one, or render them into different folders"
        )


def _report_invalid(results: list[FileResult]) -> None:
    """The invalid maps' diagnostics; valid maps count in the summary but show nothing."""
    from cjm.report import get_reporter

    shown = [r if not r.valid else r.only_errors() for r in results]
    get_reporter("text")(shown, sys.stderr)
    for result in results:
        if not result.valid:
            sys.stderr.write(f"not rendered: {visible(result.path)} (fix its errors first)\n")


def _find_graphviz(dot: str | None, formats: tuple[str, ...], console: Console) -> Graphviz | None:
    from cjm.render.graphviz import NO_GRAPHVIZ, RenderError, find_graphviz

    try:
        graphviz = find_graphviz(dot)
    except RenderError as exc:
        raise UsageError(exc.message) from None
    if graphviz is None:
        console.print(f"cjm: {NO_GRAPHVIZ}", markup=False, soft_wrap=True)
        if "html" in formats:
            console.print("cjm: writing the HTML pages without the flow diagram", markup=False)
    return graphviz


@contextmanager
def _progress(console: Console, total: int) -> Iterator[Callable[[], None]]:
    """A transient progress bar on a terminal for more than PROGRESS_ABOVE maps; `advance()` after each."""
    if total <= PROGRESS_ABOVE or not console.is_terminal:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("rendering"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("render", total=total)
        yield lambda: progress.advance(task)


def _render_one(result: FileResult, plan: RenderPlan) -> bool:
    """Write the map's files; False when its flow diagram could not be laid out."""
    from cjm.render.flow import FlowDiagram, flow_diagram
    from cjm.render.graphviz import RenderError
    from cjm.render.html import TemplateFailure, render_html

    assert result.journey is not None  # a valid map always has its model
    stem = map_stem(Path(result.path))
    flow: FlowDiagram | None = None
    ok = True
    if plan.graphviz is not None:
        try:
            flow = flow_diagram(result.journey, plan.graphviz)
        except RenderError as exc:
            plan.console.print(f"{visible(result.path)}: no flow diagram: {exc.message}", markup=False,
                               soft_wrap=True)
            ok = False
    if "html" in plan.formats:
        try:
            page = render_html(result, plan.template_dir, flow.inline if flow else None)
        except TemplateFailure as exc:
            raise UsageError(f"cannot render {result.path} with {exc}") from None
        _write(plan, plan.out_dir / f"{stem}.html", page)
    if "svg" in plan.formats and flow is not None:
        _write(plan, plan.out_dir / f"{stem}.svg", flow.svg)
    return ok


def _write(plan: RenderPlan, path: Path, text: str) -> None:
    from cjm.cli.atomic import write_atomic

    try:
        write_atomic(path, text)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    plan.console.print(f"wrote {visible(str(path))}", markup=False, soft_wrap=True)
