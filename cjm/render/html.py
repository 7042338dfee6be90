"""A checked map as one self-contained HTML page: pure, returns a string.

The page is `map.html.j2`, which includes the partials `styles.css`,
`header.html.j2`, `overview.html.j2`, `grid.html.j2`, `sheets.html.j2`,
`flow.html.j2`, `scorecard.html.j2` and `legend.html.j2`, and the script
`page.js`; any of them can be overridden from a template folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from cjm.check.result import FileResult
from cjm.render.context import build_context
from cjm.render.environment import BUILTIN_PREFIX, shared_environment
from cjm.render.page import PageOptions

PAGE_TEMPLATE = "map.html.j2"
PAGE_SCRIPT = "page.js"
PAGE_PARTS = ("styles.css", "print.css", "header.html.j2", "overview.html.j2", "grid.html.j2", "cell.html.j2",
              "card.html.j2", "emotion.html.j2", "curve.svg.j2", "notes.html.j2", "changes.html.j2",
              "sheets.html.j2", "flow.html.j2", "scorecard.html.j2", "legend.html.j2", PAGE_SCRIPT)
"""The templates a page may include, for preload_templates."""


class TemplateFailure(Exception):
    """A template could not be loaded or rendered; the message names it and its line."""

    def __init__(self, template: str, line: int | None, problem: str) -> None:
        where = f"{template}, line {line}" if line else template
        super().__init__(f"{where}: {problem}")
        self.template = template
        self.line = line
        self.problem = problem


def render_html(result: FileResult, template_dir: Path | None = None, flow_svg: str | None = None,
                options: PageOptions | None = None) -> str:
    """The journey-map page of a valid map.

    `flow_svg` is the flow diagram as inline SVG (from the Graphviz step,
    which escapes every map text); it is inserted as is, and so are the
    print parts in `options`. Without it the page has no flow-diagram
    section. Raises TemplateFailure for a broken template.
    """
    from cjm.render.scripts import content_policy, inline_script

    context = build_context(result, options)
    context["flow_svg"] = Markup(flow_svg) if flow_svg else None

    def with_script(environment: Any) -> dict[str, Any]:
        script = inline_script(environment, PAGE_SCRIPT)
        return {**context, "script": script.text, "policy": content_policy(script)}

    return render_template(PAGE_TEMPLATE, with_script, template_dir)


def preload_templates(template_dir: Path | None = None) -> None:
    """Load (from the cache, or compile) the page's templates now, so that rendering it later does
    not wait for them. A template that fails to load is left for render_html to report."""
    environment = shared_environment(template_dir.resolve() if template_dir else None)
    for name in (PAGE_TEMPLATE, *PAGE_PARTS):
        try:
            environment.get_template(name)
        except Exception:  # render_html raises it again, with its place
            continue


def render_template(name: str, context: Any, template_dir: Path | None) -> str:
    """Template `name` rendered with `context` (a dict, or a function of the environment that makes
    it); TemplateFailure names the template and line at fault."""
    environment = shared_environment(template_dir.resolve() if template_dir else None)
    try:
        values = context(environment) if callable(context) else context
        return environment.get_template(name).render(values)
    except Exception as exc:
        failure = _template_failure(exc, template_dir, name)
        if failure is None:
            raise
        raise failure from exc


def _template_failure(exc: Exception, template_dir: Path | None, page: str) -> TemplateFailure | None:
    """Where in which template `exc` happened, or None when it is not a template's fault."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    if isinstance(exc, TemplateSyntaxError):
        name = exc.filename or exc.name or page
        return TemplateFailure(_describe(name, template_dir), exc.lineno, exc.message or str(exc))
    frame = _template_frame(exc, template_dir)
    problem = f"template {exc.name!r} not found" if isinstance(exc, TemplateNotFound) else str(exc)
    if frame is None:
        return TemplateFailure(page, None, problem) if isinstance(exc, TemplateNotFound) else None
    filename, line = frame
    return TemplateFailure(_describe(filename, template_dir), line, problem or type(exc).__name__)


def _template_frame(exc: Exception, template_dir: Path | None) -> tuple[str, int] | None:
    """The innermost traceback frame inside a template (Jinja rewrites them so)."""
    import traceback  # only for a failure

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_template(f.filename, template_dir)]
    return (frames[-1].filename, frames[-1].lineno or 0) if frames else None


def _is_template(filename: str, template_dir: Path | None) -> bool:
    if filename.startswith(BUILTIN_PREFIX):
        return True
    return template_dir is not None and Path(filename).is_relative_to(template_dir.resolve())


def _describe(filename: str, template_dir: Path | None) -> str:
    """`the built-in template grid.html.j2` or `template DIR/grid.html.j2`."""
    if filename.startswith(BUILTIN_PREFIX):
        return f"the built-in template {filename[len(BUILTIN_PREFIX) + 1:]}"
    path = Path(filename)
    if template_dir is not None and not path.is_absolute():
        path = template_dir / path
    return f"template {path}"
