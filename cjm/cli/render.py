"""`cjm render PATH... [-o DIR]`: an HTML journey map and an SVG flow diagram per valid map,
and the portfolio `DIR/index.html`. DIR is `rendered/` unless given (the cjm-render hook's folder);
the last line says where the pages went.

- Writes `DIR/FOLDERS/NAME.html` and `.svg` (`--to html|svg` for one), NAME
  being the file name without `.cjm.yaml`, FOLDERS the map's folders as
  cjm.render.site keeps them, each file atomically; then `DIR/index.html`
  listing every map rendered (not with `--to svg`: it would link to nothing).
- Invalid maps are reported (text reporter, on stderr) and never rendered;
  nothing in DIR is touched for them (the index names them as not rendered).
  Exit 1 if any map was invalid.
- Two maps that would write the same file, or a top-level `index.cjm.yaml`
  whose page would be the index, are a usage error (exit 2): nothing is written.
- `--layout journey|blueprint` overrides the maps' `layout`; `--poster A3|A2|A1`
  makes each page print as one poster of that size.
- No Graphviz engine: say how to get one, still write the HTML pages (without
  the flow diagram); exit 0 for `--to html`, else 1, as no SVG was written.
- A broken template (`--template-dir`) is a usage error naming the template
  and line (exit 2).
- For a page and fewer than POOL_FROM maps, the maps are checked and their flow diagrams laid
  out in a second process while this one loads the templates (cjm.cli.beside).
- Every message, one line per written file included, goes to stderr as a
  plain line; on a terminal, a progress bar (rich, imported only then) shows
  when more than three maps are rendered, the lines printed above it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from cjm.check.discover import collect_sources
from cjm.check.result import FileResult
from cjm.cli.checking import POOL_FROM, Checked, check_sources
from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError
from cjm.cli.options import Option, read_plain
from cjm.cli.render_options import FORMATS, LAYOUTS, POSTERS, choice, formats_of, out_dir_of, template_dir_of
from cjm.records import record
from cjm.render.site import INDEX, Target, plan_targets
from cjm.safe import visible

if TYPE_CHECKING:
    from cjm.cli.beside import Given
    from cjm.render.flow import FlowDiagram, PendingFlow
    from cjm.render.graphviz import Graphviz, RenderError
    from cjm.render.page import PageOptions

HELP = "Write a self-contained HTML journey map and an SVG flow diagram per valid map, and an index."
PATHS_HELP = "Map files or folders."
DEFAULT_OUT = "rendered"
OPTIONS = (
    Option(("--out", "-o"), "out", "Folder for the pages, the SVGs and index.html.", text=True,
           default=DEFAULT_OUT),
    Option(("--to",), "to", "html or svg (default: both).", choices=FORMATS),
    Option(("--template-dir",), "template_dir", "Your templates; the built-in ones fill the gaps.",
           text=True),
    Option(("--dot",), "dot", "A Graphviz `dot` to use instead of graphviz-pure.", text=True),
    Option(("--layout",), "layout", "journey or blueprint (one lane per actor); default: the map's `layout`.",
           choices=LAYOUTS),
    Option(("--poster",), "poster", "A3, A2 or A1: each page prints as one poster of that size.",
           choices=POSTERS),
)
"""The single definition of render's options: read by the loop of cjm.cli.options on a plain
command line (no typer, no rich), and by the typer app (`cjm.cli.app.render`) for the rest."""
DOT_VARIABLE = "CJM_DOT"
"""Names the Graphviz `dot` when `--dot` does not."""

PROGRESS_ABOVE = 3
LOOKAHEAD = 2
"""How many maps ahead of the page being built their Graphviz layouts start."""


Say = Callable[[str], None]
"""Prints one line of the command's messages (on stderr)."""


@record
class RenderPlan:
    formats: tuple[str, ...]
    out_dir: Path
    template_dir: Path | None
    graphviz: Graphviz | None
    say: Say
    layout: str | None = None
    poster: str | None = None


@record
class RenderArgs:
    """What a command line asks of `cjm render`, in run_render's order."""

    paths: list[str]
    out: str = DEFAULT_OUT
    to: str | None = None
    template_dir: str | None = None
    dot: str | None = None
    layout: str | None = None
    poster: str | None = None


def parse(argv: list[str]) -> RenderArgs | None:
    """The options of a plain command line; None when the typer app should read it (a mistake,
    which the app words, or no path)."""
    import os

    plain = read_plain(argv, OPTIONS)
    if plain is None or not plain[0]:
        return None
    paths, values = plain
    dot = values.pop("dot", None) or os.environ.get(DOT_VARIABLE) or None  # as click reads the variable
    return RenderArgs(paths, dot=dot, **values)  # type: ignore[arg-type]


def main(argv: list[str]) -> int | None:
    """Run a plain `cjm render ARGV`; None when the typer app should."""
    args = parse(argv)
    if args is None:
        return None
    return run_render(args.paths, args.out, args.to, args.template_dir, args.dot, args.layout, args.poster)


def run_render(paths: list[str], out: str, to: str | None, template_dir: str | None, dot: str | None,
               layout: str | None = None, poster: str | None = None) -> int:
    formats = formats_of(to)
    templates = template_dir_of(template_dir)
    out_dir = out_dir_of(out)
    layout, poster = choice("--layout", layout, LAYOUTS), choice("--poster", poster, POSTERS)
    targets = plan_targets(collect_sources(paths), Path.cwd(), tuple(f".{f}" for f in formats),
                           with_index="html" in formats, out_dir=out_dir)
    found = _look_up_graphviz(dot)
    checked, laid_out = _check(targets, templates if "html" in formats else False, found)
    target_of = {target.source: target for target in targets}
    pairs = [(target_of[source], result)
             for source, result in zip(checked.sources, checked.results, strict=True)]
    invalid = [result for result in checked.results if not result.valid]
    if invalid:
        _report_invalid(checked.results)
    valid = [(target, result) for target, result in pairs if result.valid]
    if not valid:
        return checked.exit_code(EXIT_FAILED)
    graphviz = _find_graphviz(found, formats)
    failed = bool(invalid) or (graphviz is None and "svg" in formats)
    ready = None if laid_out is None or graphviz is None else [
        cast("PendingFlow", flow)
        for flow, result in zip(laid_out, checked.results, strict=True) if result.valid]
    with _progress(len(valid)) as (say, advance):
        plan = RenderPlan(formats, out_dir, templates, graphviz, say, layout, poster)
        with _layouts(plan, [r for _, r in valid], ready) as flows:
            for (target, result), flow in zip(valid, flows, strict=True):
                failed = not _render_one(target, result, plan, flow) or failed
                advance()
        if "html" in formats:
            _write_index(plan, valid, [result.path for result in invalid])
        _say_where(plan, len(valid))
    return checked.exit_code(EXIT_FAILED if failed else EXIT_OK)


def _check(targets: list[Target], templates: Path | Literal[False] | None,
           found: Graphviz | RenderError | None) -> tuple[Checked, list[Given] | None]:
    """Check the maps; for a page (`templates` not False) and fewer than POOL_FROM maps, they are
    checked in a second process, which lays out their flow diagrams too, while this one loads the
    page's templates (cjm.cli.beside); then also each result's flow diagram, to be called for."""
    sources = [target.source for target in targets]
    if templates is False or len(sources) >= POOL_FROM:
        return check_sources(sources), None
    from cjm.cli.beside import can_fork, check_beside
    from cjm.render.graphviz import Graphviz

    def load_templates() -> None:
        from cjm.render.html import preload_templates

        preload_templates(templates)

    lay_out = partial(_flow_of, found) if isinstance(found, Graphviz) else None
    if can_fork():
        _import_shared()
    return check_beside(sources, load_templates, lay_out)


def _import_shared() -> None:
    """Import, once before the fork, what both processes would each import after it: pickle (the
    pipe between them), hashlib (layout keys there, the page script's digest here), threading
    (Graphviz's pool there, Jinja's lock here), the flow diagram (laid out there, received here),
    cjm.render.sheets with the page parts it draws on (print parts there, the page here), the
    colours, and where cjm keeps its files (layouts there, templates here).
    Importing them twice cost 6-9 % of render's CPU time on one map."""
    import hashlib  # noqa: F401
    import pickle  # noqa: F401
    import threading  # noqa: F401

    import cjm.render.flow
    import cjm.render.palette
    import cjm.render.sheets
    import cjm.resources  # noqa: F401


def _flow_of(graphviz: Graphviz, result: FileResult) -> FlowDiagram | None:
    """The flow diagram of a valid map (RenderError when it cannot be laid out)."""
    from cjm.render.flow import flow_diagram

    return flow_diagram(result.journey, graphviz) if result.valid and result.journey is not None else None


def _say_where(plan: RenderPlan, count: int) -> None:
    """The last line: how many maps went where, and the page to open."""
    maps = f"{count} map{'s' if count != 1 else ''}"
    where = visible(str(plan.out_dir)).rstrip("/") + "/"
    opened = f": open {where}index.html" if "html" in plan.formats else ""
    plan.say(f"Rendered {maps} into {where}{opened}")


def _report_invalid(results: list[FileResult]) -> None:
    """The invalid maps' diagnostics; valid maps count in the summary but show nothing."""
    from cjm.report import get_reporter

    shown = [r if not r.valid else r.only_errors() for r in results]
    get_reporter("text")(shown, sys.stderr)
    for result in results:
        if not result.valid:
            sys.stderr.write(f"not rendered: {visible(result.path)} (fix its errors first)\n")


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _look_up_graphviz(dot: str | None) -> Graphviz | RenderError | None:
    """The Graphviz to use; the error for a `--dot` that is not one (said by _find_graphviz)."""
    from cjm.render.graphviz import RenderError, find_graphviz

    try:
        return find_graphviz(dot)
    except RenderError as exc:
        return exc


def _find_graphviz(found: Graphviz | RenderError | None, formats: tuple[str, ...]) -> Graphviz | None:
    """The Graphviz looked up, or say why there is none (a `--dot` that is not one: a usage error)."""
    from cjm.render.graphviz import NO_GRAPHVIZ, RenderError

    if isinstance(found, RenderError):
        raise UsageError(found.message) from None
    if found is None:
        _say(f"cjm: {NO_GRAPHVIZ}")
        if "html" in formats:
            _say("cjm: writing the HTML pages without the flow diagram")
    return found


@contextmanager
def _progress(total: int) -> Iterator[tuple[Say, Callable[[], None]]]:
    """How to print a line, and `advance()` after each map: a transient progress bar on a terminal
    for more than PROGRESS_ABOVE maps, with the lines printed above it; else plain lines."""
    if total <= PROGRESS_ABOVE or not sys.stderr.isatty():
        yield _say, lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cjm.report.console import make_console

    console = make_console(sys.stderr)
    columns = (TextColumn("rendering"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("render", total=total)
        yield (lambda line: console.print(line, markup=False, soft_wrap=True)), lambda: progress.advance(task)


@contextmanager
def _layouts(plan: RenderPlan, results: list[FileResult],
             ready: list[PendingFlow] | None = None) -> Iterator[Iterator[PendingFlow | None]]:
    """Each map's flow diagram (None without Graphviz): `ready` (laid out beside, cjm.cli.beside), or
    its Graphviz layouts started up to LOOKAHEAD maps ahead of the one whose page is being built, on
    one process per core."""
    if ready is not None:
        yield iter(ready)
        return
    import os

    from cjm.render.flow import start_flow_diagram
    from cjm.render.jobs import Jobs

    pool = Jobs(os.cpu_count() or 1)

    def start(result: FileResult) -> PendingFlow | None:
        assert result.journey is not None  # a valid map always has its model
        return None if plan.graphviz is None else start_flow_diagram(result.journey, plan.graphviz, pool)

    def in_turn() -> Iterator[PendingFlow | None]:
        started = [start(result) for result in results[:LOOKAHEAD]]
        for index in range(len(results)):
            if index + LOOKAHEAD < len(results):
                started.append(start(results[index + LOOKAHEAD]))
            yield started[index]
            started[index] = None  # its diagram is written: let it go

    try:
        yield in_turn()
    finally:
        pool.shutdown()


def _render_one(target: Target, result: FileResult, plan: RenderPlan, pending: PendingFlow | None) -> bool:
    """Write the map's files; False when its flow diagram could not be laid out."""
    from cjm.render.flow import FlowTooLarge
    from cjm.render.graphviz import RenderError
    from cjm.render.html import TemplateFailure, preload_templates, render_html

    assert result.journey is not None  # a valid map always has its model
    flow: FlowDiagram | None = None
    ok, note = True, None
    if pending is not None:
        if "html" in plan.formats:
            preload_templates(plan.template_dir)  # while Graphviz lays the diagram out
        try:
            flow = pending()
        except RenderError as exc:
            plan.say(f"{visible(result.path)}: no flow diagram: {exc.message}")
            # a map too large to draw is a limit, not a failure, unless its SVG was asked for
            ok = isinstance(exc, FlowTooLarge) and "svg" not in plan.formats
            note = f"No flow diagram: {exc.message}." if isinstance(exc, FlowTooLarge) else None
    if "html" in plan.formats:
        from cjm.render.grid import too_many_for_grid

        why = too_many_for_grid(result.journey)
        if why is not None:
            plan.say(f"{visible(result.path)}: no journey grid: {why}; the page shows the rest")
        try:
            page = render_html(result, plan.template_dir, flow.inline if flow else None,
                               _page_options(target, flow, plan, note))
        except TemplateFailure as exc:
            raise UsageError(f"cannot render {result.path} with {exc}") from None
        _write(plan, plan.out_dir / target.file(".html"), page)
    if "svg" in plan.formats and flow is not None:
        _write(plan, plan.out_dir / target.file(".svg"), flow.svg)
    return ok


def _page_options(target: Target, flow: FlowDiagram | None, plan: RenderPlan,
                  flow_note: str | None) -> PageOptions:
    from cjm.render.page import PageOptions

    return PageOptions(layout=plan.layout, poster=plan.poster, index_href=target.index_href,
                       flow_parts=flow.parts if flow else (), flow_note=flow_note)


def _write_index(plan: RenderPlan, rendered: list[tuple[Target, FileResult]],
                 not_rendered: list[str]) -> None:
    from cjm.render.html import TemplateFailure
    from cjm.render.index import IndexEntry, render_index

    entries = [IndexEntry(result, str(target.file(".html"))) for target, result in rendered]
    try:
        page = render_index(entries, not_rendered, plan.template_dir)
    except TemplateFailure as exc:
        raise UsageError(f"cannot render {INDEX} with {exc}") from None
    _write(plan, plan.out_dir / INDEX, page)


def _write(plan: RenderPlan, path: Path, text: str) -> None:
    from cjm.cli.atomic import write_atomic

    try:
        write_atomic(path, text)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    plan.say(f"wrote {visible(str(path))}")
