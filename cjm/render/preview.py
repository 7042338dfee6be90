"""The pages `cjm preview` serves, built from a FileResult; nothing here prints or serves.

A valid map is rendered by cjm.render.html, with the flow diagram from the
same Graphviz step as `cjm render` (about 25 ms per sample map with
graphviz-pure); an invalid one becomes a plain page listing its diagnostics
(file:line:column, rule, message and the YAML line). Either page gets a small
script that polls `/version` and reloads when the map changes. Only the
preview page carries a script: it is served on the loopback interface, never
written to disk.
"""

from __future__ import annotations

import hashlib
import html
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity

RELOAD_SCRIPT = """<script>/* cjm preview: reload when the map changes */
(function () {
  var shown = "%s";
  setInterval(function () {
    fetch("/version", {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) { if (v !== shown) { location.reload(); } })
      .catch(function () {});
  }, 1000);
})();
</script>
"""

DIAGNOSTICS_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; color: #222; }
h1 { font-size: 1.3rem; color: #a40000; }
li { margin-bottom: 1.2rem; }
.where { font-family: monospace; font-weight: bold; }
.rule { font-family: monospace; color: #555; }
pre { background: #f4f4f4; padding: .5rem; overflow-x: auto; }
.hint { color: #05557a; }
"""

# A rendered page may forbid inline scripts; the preview copy must not.
_CSP_META = re.compile(r"<meta\s+http-equiv=[\"']?content-security-policy[\"']?[^>]*>", re.IGNORECASE)


def map_page(result: FileResult, template_dir: Path | None = None, flow_svg: str | None = None) -> str:
    """The journey map as `cjm render` writes it (the map must be valid)."""
    from cjm.render.html import render_html

    return render_html(result, template_dir=template_dir, flow_svg=flow_svg)


def flow_svg(result: FileResult, dot: str | None = None) -> str | None:
    """The flow diagram as inline SVG, or None when no Graphviz engine works (the page goes without)."""
    from cjm.render.flow import flow_diagram
    from cjm.render.graphviz import RenderError, find_graphviz

    if result.journey is None:
        return None
    try:
        graphviz = find_graphviz(dot)
        return flow_diagram(result.journey, graphviz).inline if graphviz else None
    except RenderError:
        return None


def diagnostics_page(result: FileResult) -> str:
    """A plain page listing why the map cannot be rendered."""
    errors = result.count(Severity.ERROR)
    title = f"{result.path}: {errors} error{'s' if errors != 1 else ''}, the map is not rendered"
    items = "\n".join(_diagnostic_item(result, d) for d in result.diagnostics)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{DIAGNOSTICS_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n"
        "<p>Fix these in your editor; this page updates when you save.</p>\n"
        f"<ol class=\"diagnostics\">\n{items}\n</ol>\n</body>\n</html>\n"
    )


def _diagnostic_item(result: FileResult, d: Diagnostic) -> str:
    where = f"{result.path}:{d.line}:{d.column}"
    parts = [
        f"<li class=\"{d.severity.value}\"><span class=\"where\">{html.escape(where)}</span>: "
        f"{d.severity.value} <span class=\"rule\">[{html.escape(d.rule)}]</span> "
        f"{html.escape(d.message)}"
    ]
    if 1 <= d.line <= len(result.lines):
        source = result.lines[d.line - 1].replace("\t", " ")
        caret = " " * (len(str(d.line)) + 3 + max(d.column - 1, 0)) + "^"
        parts.append(f"<pre>{d.line} | {html.escape(source)}\n{caret}</pre>")
    if d.hint:
        parts.append(f"<div class=\"hint\">hint: {html.escape(d.hint)}</div>")
    return "\n".join(parts) + "</li>"


def error_page(message: str, heading: str = "cjm could not build this page") -> str:
    """Shown when there is no map to show: it cannot be read, or building the page failed."""
    text, title = html.escape(message), html.escape(heading)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>cjm preview: {title}</title>\n<style>{DIAGNOSTICS_STYLE}</style>\n"
        f"</head>\n<body>\n<h1>{title}</h1>\n<pre>{text}</pre>\n</body>\n</html>\n"
    )


def with_reload_script(page: str, version: int) -> str:
    """The page with the polling script before `</body>` (or at the end)."""
    page = _CSP_META.sub("", page)
    script = RELOAD_SCRIPT % version
    at = page.lower().rfind("</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


def file_signature(path: Path) -> tuple[object, ...]:
    """What changes when the file's content does: a hash, since mtimes can be coarse.
    Read as the checker reads maps: regular files only, bounded (a FIFO never blocks it)."""
    from cjm.loader import MAX_BYTES
    from cjm.loader.read import UnreadableFile, read_bounded

    try:
        data, size = read_bounded(path, MAX_BYTES)
    except UnreadableFile as exc:
        return ("unreadable", str(exc))
    return (len(data), size, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class Snapshot:
    version: int
    page: bytes


class PreviewState:
    """The page currently served and its version; thread-safe.

    `publish` bumps the version only when the page really changed, so saving
    an unchanged file (or touching it) does not reload the browser.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._body = ""
        self._current = Snapshot(0, b"")

    def publish(self, body: str) -> bool:
        with self._lock:
            if body == self._body and self._current.version:
                return False
            version = self._current.version + 1
            self._body = body
            self._current = Snapshot(version, with_reload_script(body, version).encode("utf-8"))
            return True

    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._current
