"""`--format json`: one object on stdout, exactly as the spec shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from cjm.check.result import FileResult
from cjm.report import summary_counts
from cjm.safe import dump_json


def document(results: Sequence[FileResult]) -> dict[str, object]:
    return {
        "version": 2,
        "files": [r.to_dict() for r in results],
        "summary": summary_counts(results),
    }


def report(results: Sequence[FileResult], stream: TextIO) -> None:
    dump_json(document(results), stream)
