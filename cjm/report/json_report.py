"""`--format json`: one object on stdout, exactly as the spec shows, each file's entry written as it
comes (cjm.report.json_stream) and the summary counted on the way."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from cjm.check.result import FileResult
from cjm.report import Totals
from cjm.report.json_stream import Items, Later, write_json


def report(results: Iterable[FileResult], stream: TextIO) -> None:
    totals = Totals()
    write_json({
        "version": 2,
        "files": Items(totals.add(r).to_dict() for r in results),
        "summary": Later(totals.counts),
    }, stream)
