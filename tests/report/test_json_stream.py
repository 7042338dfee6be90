"""JSON written as its items come (cjm.report.json_stream) is byte for byte what dump_json writes
for the whole document: for the json and SARIF reports of the sample maps (none, one, all of them;
to a UTF-8 stream and to ones that cannot take every character), and for any document."""

from __future__ import annotations

import io
import json
import random
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm.check.engine import check_file
from cjm.check.result import FileResult
from cjm.report import Totals, json_report, sarif
from cjm.report.json_stream import Items, Later, ascii_json, write_json
from cjm.safe import dump_json, json_text

SAMPLES = Path(__file__).resolve().parents[2] / "sample_maps"
INVALID = Path(__file__).resolve().parent / "golden" / "errors.cjm.yaml"
MAPS = [*sorted([*SAMPLES.glob("*.cjm.yaml"), *(SAMPLES / "needs-work").glob("*.cjm.yaml")]), INVALID]
"""The sample maps, and a map with errors (no sample has one)."""
JUDGES = {"plain": partial(FileResult.judged), "strict": partial(FileResult.judged, strict=True),
          "fail-under": partial(FileResult.judged, fail_under=90)}
ENCODINGS = ("utf-8", "latin-1", "ascii")


def _stream(encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, newline="\n", write_through=True)


def _written(write: Any, value: Any, encoding: str) -> bytes:
    stream = _stream(encoding)
    write(value, stream)
    raw = stream.buffer
    assert isinstance(raw, io.BytesIO)
    return raw.getvalue()


def _whole_json_document(results: list[FileResult]) -> dict[str, Any]:
    """`--format json` as one document, made from the list at once."""
    totals = Totals()
    return {"version": 2, "files": [totals.add(r).to_dict() for r in results], "summary": totals.counts()}


@pytest.fixture(scope="module")
def judged() -> dict[str, list[FileResult]]:
    checked = [check_file(path) for path in MAPS]
    assert any(r.diagnostics for r in checked) and any(not r.valid for r in checked)
    return {name: [judge(r).lean() for r in checked] for name, judge in JUDGES.items()}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("judge", JUDGES)
@pytest.mark.parametrize("count", [0, 1, len(MAPS)])
def test_the_reports_are_the_bytes_of_the_whole_document(
        judged: dict[str, list[FileResult]], judge: str, count: int, encoding: str) -> None:
    results = judged[judge][:count]
    streamed = _written(json_report.report, iter(results), encoding)
    assert streamed == _written(dump_json, _whole_json_document(results), encoding)
    assert json.loads(streamed)["summary"]["files"] == count
    sarif_streamed = _written(sarif.report, iter(results), encoding)
    assert sarif_streamed == _written(dump_json, sarif.document(results), encoding)


def test_a_stream_that_cannot_take_a_character_gets_all_of_it_as_ascii(
        judged: dict[str, list[FileResult]]) -> None:
    emoji = FileResult("maps/caf\u00e9 \U0001f600.cjm.yaml", [])
    results = [*judged["plain"][:2], emoji]
    ascii_only = _written(json_report.report, iter(results), "latin-1")
    assert ascii_only == _written(dump_json, _whole_json_document(results), "latin-1")
    assert ascii_only.isascii() and b"caf\\u00e9 \\ud83d\\ude00" in ascii_only


_TEXT = st.text(st.characters(exclude_categories=()), max_size=12)  # surrogates and controls too
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20)


def _holed(value: Any, chance: random.Random) -> Any:
    """`value` with some of its values made Later and some of its lists Items (a one-pass iterator),
    each holding plain data."""
    draw = chance.random()
    if draw < 0.2:
        return Later(lambda: value)
    if isinstance(value, list) and draw < 0.6:
        return Items(iter(value))
    if isinstance(value, dict):
        return {key: _holed(item, chance) for key, item in value.items()}
    if isinstance(value, list):
        return [_holed(item, chance) for item in value]
    return value


@given(_JSON, st.randoms(use_true_random=False))
def test_any_document_streamed_is_the_document_dumped(document: Any, chance: random.Random) -> None:
    for encoding in ENCODINGS:
        streamed = _written(write_json, _holed(document, chance), encoding)
        assert streamed == _written(dump_json, document, encoding)


@given(_JSON)
def test_ascii_json_is_what_json_dumps_gives_with_ensure_ascii(document: Any) -> None:
    assert ascii_json(json_text(document)) == json.dumps(document, indent=2, ensure_ascii=True)
