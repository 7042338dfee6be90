"""Graphviz layouts kept in the user's cache, so a drawing already laid out is not laid out again.

A layout is the SVG Graphviz writes for a DOT text; the same text and the
same engine always give the same SVG. Each is kept as
`$XDG_CACHE_HOME/cjm/layouts/SHA256.svg`, the hash taken over the engine
(its path, size and modification time, so an upgraded engine lays out
afresh) and the DOT text. Re-rendering a map whose flow did not change (its
text, emotions or notes changed, or nothing did) then costs no Graphviz
process; in print parts, only the parts that changed are laid out again.

A cache that cannot be read or written is passed over: the layout is made as
without one. The folder keeps at most KEEP layouts; past that the oldest
half goes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from cjm.render.graphviz import Graphviz, render_svgs
from cjm.resources import user_cache

KEEP = 4_000
FOLDER = "layouts"


def lay_out(dot_source: str, graphviz: Graphviz) -> str:
    """The SVG of `dot_source`: kept, or laid out by Graphviz (and then kept)."""
    return lay_out_all([dot_source], graphviz)[0]


def lay_out_all(dot_sources: list[str], graphviz: Graphviz) -> list[str]:
    """The SVG of each DOT text: those kept are read, the others laid out by one Graphviz process."""
    keys = [layout_key(source, graphviz) for source in dot_sources]
    svgs = [cached_layout(key) for key in keys]
    missing = [n for n, svg in enumerate(svgs) if svg is None]
    made = render_svgs([dot_sources[n] for n in missing], graphviz)  # one alone: render_svg
    for n, svg in zip(missing, made, strict=True):
        keep_layout(keys[n], svg)
        svgs[n] = svg
    return [svg for svg in svgs if svg is not None]


def layout_key(dot_source: str, graphviz: Graphviz) -> str:
    """The cache key of `dot_source` laid out by `graphviz`."""
    try:
        stat = os.stat(graphviz.path)
        engine = f"{graphviz.path}\0{stat.st_size}\0{stat.st_mtime_ns}"
    except OSError:
        engine = graphviz.path
    digest = hashlib.sha256(engine.encode("utf-8", errors="replace") + b"\0")
    digest.update(dot_source.encode("utf-8", errors="replace"))
    return digest.hexdigest()


def cached_layout(key: str) -> str | None:
    """The SVG kept under `key`, or None. A layout read is marked as used, so pruning keeps it."""
    path = user_cache() / FOLDER / f"{key}.svg"
    try:
        svg = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)
    return svg if "<svg" in svg else None


def keep_layout(key: str, svg: str) -> None:
    """Keep `svg` under `key` (written whole or not at all); never fails."""
    folder = user_cache() / FOLDER
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{key}.{os.getpid()}.tmp"
        temporary.write_text(svg, "utf-8")
        os.replace(temporary, folder / f"{key}.svg")
        _prune(folder)


def _prune(folder: Path) -> None:
    """Past KEEP layouts, remove the oldest half (by the time each was last written or read)."""
    entries = [entry for entry in os.scandir(folder) if entry.name.endswith(".svg")]
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[: len(entries) // 2]:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
