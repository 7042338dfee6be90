"""Find a Graphviz layout engine and turn DOT text into SVG with it.

Order: the path the user gave (`--dot` / `CJM_DOT`), then `graphviz-pure`
(installed with cjm) in this interpreter's scripts folder, which is not on
PATH under pipx, or on PATH, then a system `dot` on PATH. graphviz-pure comes
first so that output is the same on every machine.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from cjm.records import record

NO_GRAPHVIZ = (
    "no Graphviz engine found: pip install graphviz-pure==0.2.2 (ships with cjm), "
    "or apt-get install graphviz / brew install graphviz, "
    "or point --dot / CJM_DOT at a dot executable"
)
_SVG_ELEMENT = re.compile(r"<svg\b.*</svg>", re.DOTALL)
_DOCUMENT_START = re.compile(r"(?=<\?xml )")
"""Where each SVG document begins in the output of several graphs (Graphviz starts each with it)."""


class RenderError(Exception):
    """Graphviz could not be run, or rejected the DOT text; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as its kind and message (a subclass may take other arguments): `cjm render` lays
        flow diagrams out in a second process and sends their errors back."""
        return _rebuilt, (type(self), self.message)


def _rebuilt(kind: type[RenderError], message: str) -> RenderError:
    error = Exception.__new__(kind)
    RenderError.__init__(error, message)
    return error


class LayoutTimeout(RenderError):
    """Graphviz took longer than it may."""


@record(hashable=True)
class Graphviz:
    path: str
    name: str


def _executable(name: str) -> str:
    return f"{name}.exe" if os.name == "nt" else name


def _explicit(path: str) -> Graphviz:
    candidate = Path(path).expanduser()
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return Graphviz(str(candidate), candidate.name)
    import shutil

    found = shutil.which(path) if Path(path).name == path else None
    if found:
        return Graphviz(found, Path(found).name)
    reason = "is not an executable file" if candidate.exists() else "does not exist"
    raise RenderError(f"the Graphviz engine {path!r} given by --dot / CJM_DOT {reason}")


def scripts_folder() -> str:
    """This interpreter's scripts folder, where pip puts graphviz-pure. In a virtual environment
    (pipx's too) it is the environment's own, as sysconfig says; sysconfig, a few milliseconds to
    import and ask, is asked only outside one."""
    if sys.prefix != sys.base_prefix:
        return os.path.join(sys.prefix, "Scripts" if os.name == "nt" else "bin")
    import sysconfig

    return sysconfig.get_path("scripts")


def find_graphviz(explicit: str | None) -> Graphviz | None:
    """The Graphviz to use, or None when there is none (say NO_GRAPHVIZ then).

    Raises RenderError when `explicit` is given but is not an executable.
    """
    if explicit:
        return _explicit(explicit)
    bundled = Path(scripts_folder()) / _executable("graphviz-pure")
    if bundled.is_file() and os.access(bundled, os.X_OK):
        return Graphviz(str(bundled), "graphviz-pure")
    import shutil

    for name in ("graphviz-pure", "dot"):
        found = shutil.which(name)
        if found:
            return Graphviz(found, name)
    return None


def render_svgs(dot_sources: list[str], graphviz: Graphviz, timeout: float = 60) -> list[str]:
    """The SVG text of each graph, laid out by one Graphviz process: it reads the graphs one after
    another and writes one SVG document for each, so small graphs cost no process start each.
    When that fails, each graph is laid out on its own, so the error names the one that failed."""
    if len(dot_sources) < 2:
        return [render_svg(source, graphviz, timeout) for source in dot_sources]
    try:
        documents = _DOCUMENT_START.split(render_svg("\n".join(dot_sources), graphviz, timeout))
    except LayoutTimeout:
        raise
    except RenderError:
        documents = []
    documents = [document for document in documents if document.strip()]
    if len(documents) != len(dot_sources) or not all("<svg" in document for document in documents):
        return [render_svg(source, graphviz, timeout) for source in dot_sources]
    return documents


def render_svg(dot_source: str, graphviz: Graphviz, timeout: float = 60) -> str:
    """The SVG text Graphviz lays out from `dot_source` (dot layout, no shell)."""
    import subprocess  # only when a layout is made: a kept one needs no process

    try:
        done = subprocess.run(
            [graphviz.path, "-Kdot", "-Tsvg"],
            input=dot_source.encode("utf-8", errors="replace"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise LayoutTimeout(f"{graphviz.name} took longer than {timeout:g} s to lay out the map") from error
    except OSError as error:
        raise RenderError(f"could not run {graphviz.path}: {error.strerror or error}") from error
    stderr = done.stderr.decode("utf-8", errors="replace").strip()
    if done.returncode != 0:
        raise RenderError(f"{graphviz.name} failed (exit {done.returncode}): {stderr or 'no message'}")
    svg = done.stdout.decode("utf-8", errors="replace")
    if "<svg" not in svg:
        raise RenderError(f"{graphviz.name} wrote no SVG: {stderr or 'no message'}")
    return svg


def svg_for_inline(svg: str) -> str:
    """Only the `<svg>...</svg>` element, without XML prolog, DOCTYPE or comments before it."""
    match = _SVG_ELEMENT.search(svg)
    if match is None:
        raise RenderError("the Graphviz output holds no <svg> element")
    return match.group(0)
