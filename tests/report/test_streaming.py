"""The validate reporters read their results once, as they come, and write each map's part before
they ask for the next map (what lets `cjm validate` drop each result once reported)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from cjm.check.engine import check_file
from cjm.check.result import FileResult
from cjm.report import get_reporter

GOLDEN = Path(__file__).resolve().parent / "golden"
ERRORS, WARNINGS = GOLDEN / "errors.cjm.yaml", GOLDEN / "warnings.cjm.yaml"


def _asked_after(results: list[FileResult], stream: io.StringIO, written: list[str]) -> Iterator[FileResult]:
    """`results` one at a time; what `stream` holds each time the next one is asked for, in `written`."""
    for result in results:
        yield result
        written.append(stream.getvalue())


@pytest.mark.parametrize("name", ["text", "text-quiet", "json", "sarif"])
def test_a_map_is_written_before_the_next_is_asked_for(name: str) -> None:
    results = [check_file(ERRORS), check_file(WARNINGS)]
    stream, written = io.StringIO(), list[str]()
    get_reporter(name)(_asked_after(results, stream, written), stream)
    first, _ = written
    assert ERRORS.name in first and WARNINGS.name not in first
    assert WARNINGS.name in stream.getvalue() or name == "text-quiet"  # quiet: errors only


@pytest.mark.parametrize("name", ["text", "text-quiet", "json", "github", "sarif"])
def test_a_reporter_reads_its_results_once(name: str) -> None:
    results = [check_file(ERRORS), check_file(WARNINGS)]
    once, listed = io.StringIO(), io.StringIO()
    get_reporter(name)(iter(results), once)
    get_reporter(name)(results, listed)
    assert once.getvalue() == listed.getvalue() and ERRORS.name in once.getvalue()
