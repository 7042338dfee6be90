"""The pages `cjm preview` serves, built from a FileResult; nothing here prints or serves.

A valid map is rendered by cjm.render.html, with the flow diagram from the
same Graphviz step as `cjm render` (about 25 ms per sample map with
graphviz-pure); while it is invalid, the last good page stays under a banner
listing the diagnostics (file:line:column, rule, message, the YAML line and
the hint), or, before any good page, a plain page lists them. Every page gets
a small script that polls `/version` and reloads when the map changes,
keeping where the reader had scrolled (the page and the grid, both ways). It
is served on the loopback interface, never written to disk.
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
from cjm.render.preview_assets import BANNER_STYLE, DIAGNOSTICS_STYLE, RELOAD_SCRIPT

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
        return flow_diagram(result.journey, graphviz, with_parts=False).inline if graphviz else None
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


def banner_page(result: FileResult, last_good: str) -> str:
    """The last good page, under a banner that lists why the map is invalid now."""
    errors = result.count(Severity.ERROR)
    title = (f"{result.path}: {errors} error{'s' if errors != 1 else ''}; this is the last good render, "
             "it updates when you fix them")
    items = "\n".join(_diagnostic_item(result, d) for d in result.diagnostics)
    banner = (f'<style>{BANNER_STYLE}</style>\n<div class="cjm-preview-banner" role="alert">\n'
              f"<h1>{html.escape(title)}</h1>\n<ol class=\"diagnostics\">\n{items}\n</ol>\n</div>\n")
    match = re.search(r"<body[^>]*>", last_good, re.IGNORECASE)
    at = match.end() if match else 0
    return last_good[:at] + "\n" + banner + last_good[at:]


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
        self.last_good: str | None = None
        """The page of the map when it was last valid (shown under a banner while it is not)."""

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
