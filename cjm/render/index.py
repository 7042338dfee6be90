"""The portfolio page `DIR/index.html`: every map rendered, one row each, sortable; pure.

Each row: the map's title (linked to its page), persona, state, score with
its sequence and depth (or "not scored"), findings, owner and tags. Like the
map pages it is one self-contained file: inline CSS, one inline script (a
column sorter, allowed by its hash), no request.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from cjm import __version__
from cjm.check.result import FileResult
from cjm.diagnostic import Severity
from cjm.records import record
from cjm.render.scripts import content_policy, inline_script
from cjm.safe import visible

INDEX_TEMPLATE = "index.html.j2"
SORT_SCRIPT = "sort.js"


@record(hashable=True)
class IndexEntry:
    result: FileResult
    href: str
    """The map's page, relative to the index (`b2c/journey.html`)."""


def render_index(entries: list[IndexEntry], not_rendered: list[str] | None = None,
                 template_dir: Path | None = None) -> str:
    """The index page; `not_rendered` names the maps left out because they are invalid.
    Raises TemplateFailure for a broken template."""
    from cjm.render.html import render_template

    rows = [_row(entry) for entry in entries]
    scored = [row["score"] for row in rows if row["score"] is not None]

    def context(environment: Any) -> dict[str, Any]:
        script = inline_script(environment, SORT_SCRIPT)
        return {"rows": rows, "scored": len(scored), "average": _average(scored),
                "not_rendered": not_rendered or [], "script": script.text, "policy": content_policy(script),
                "generator": f"cjm {__version__}"}

    return render_template(INDEX_TEMPLATE, context, template_dir)


def _average(scores: list[float]) -> str | None:
    from cjm.score import mean_score

    average = mean_score(scores)
    return None if average is None else f"{average:g}"


def _row(entry: IndexEntry) -> dict[str, Any]:
    result = entry.result
    journey = result.journey
    data = journey.data if journey else {}
    persona = journey.section("persona") if journey else {}
    score = result.score
    tags = data.get("tags")
    warnings, infos = result.count(Severity.WARNING), result.count(Severity.INFO)
    return {
        "href": quote(os.fsencode(entry.href)),  # any bytes of a file name, as a link
        "path": visible(result.path),
        "title": _text(data, "title") or "Untitled journey map",
        "brand": _text(data, "brand"),
        "persona": _text(persona, "name"),
        "role": _text(persona, "role"),
        "state": _text(data, "state") or "current",
        "score": score.score if score and score.scored else None,
        "sequence": _number(score.sequence if score else None),
        "depth": _number(score.depth if score else None),
        "findings": warnings + infos,
        "findings_label": _findings_label(warnings, infos),
        "owner": _text(data, "owner"),
        "tags": [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
    }


def _findings_label(warnings: int, infos: int) -> str:
    parts = [f"{count} {word}{'s' if count != 1 and word == 'warning' else ''}"
             for count, word in ((warnings, "warning"), (infos, "info")) if count]
    return ", ".join(parts) or "none"


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _text(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return value if isinstance(value, str) else None
