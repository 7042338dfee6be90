"""`cjm score --format json`, as the spec shows (keys may be added, none renamed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from cjm.check.result import FileResult
from cjm.safe import dump_json
from cjm.score import mean_score

VERSION = 2


def file_entry(result: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": result.path, "valid": result.valid, "failed": result.failed,
                             "reasons": result.why_failed}
    if result.score is None:
        entry.update(score=None, sequence=None, engagement_ratio=None, advocate_shares=None, phases=[])
    else:
        entry.update(result.score.to_dict())
    entry["diagnostics"] = [d.to_dict() for d in result.diagnostics]
    return entry


def report(results: Sequence[FileResult], stream: TextIO) -> None:
    scored = [r.score_value for r in results if r.score_value is not None]
    doc = {"version": VERSION, "files": [file_entry(r) for r in results],
           "summary": {"files": len(results), "scored": len(scored), "average_score": mean_score(scored),
                       "failed": sum(1 for r in results if r.failed)}}
    dump_json(doc, stream)
