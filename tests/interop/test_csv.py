"""`cjm export --to csv` and `cjm import` of a CSV: the file spreadsheets open, and the files they save.

Golden file: golden/retail-store-visit.csv (regenerate on purpose with
`CJM_UPDATE_GOLDEN=1 pytest tests/interop/test_csv.py`). Excel cannot run
here; what Excel needs is checked with Python's csv module in the `excel`
dialect (and `unix`, as other tools write), plus the byte-order mark that
makes Excel read UTF-8. LibreOffice itself is in test_libreoffice.py.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from cjm.interop.csv_cells import read_records
from cjm.interop.csv_columns import BOM, COLUMNS, NUMBER, guarded, unguarded
from cjm.interop.csv_header import column_key
from cjm.interop.csv_out import to_csv
from cjm.interop.importing import import_map
from tests.interop.maps import (
    REPO,
    SAMPLES,
    journey_from,
    journey_of,
    maps,
    model_of,
    one_line,
    touchpoint_rows,
)

GOLDEN = Path(__file__).parent / "golden"


def imported(text: str, name: str = "sheet.csv", **options: Any) -> dict[str, Any]:
    result = import_map(text.encode("utf-8"), name, **options)
    assert result.data is not None, [d.message for d in result.diagnostics]
    return result.data


def touchpoints(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [tp for stage in data["stages"] for tp in stage["touchpoints"]]


def test_a_sample_matches_its_golden_csv() -> None:
    text = to_csv(journey_of(REPO / "sample_maps" / "retail-store-visit.cjm.yaml"))
    golden = GOLDEN / "retail-store-visit.csv"
    if os.environ.get("CJM_UPDATE_GOLDEN") == "1":
        golden.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == golden.read_bytes()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_excel_reads_the_export_as_utf8_rows_of_every_column(path: Path) -> None:
    journey = journey_of(path)
    raw = to_csv(journey).encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbfphase,stage,id,title,") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), dialect="excel"))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == len(journey.touchpoints) + 1 and {len(row) for row in rows} == {len(COLUMNS)}
    assert [unguarded(row[3]) for row in rows[1:]] == [tp.title for tp in journey.touchpoints]


@given(maps())
@settings(max_examples=50)
def test_our_reader_reads_the_cells_pythons_csv_reads(data: dict[str, Any]) -> None:
    text = to_csv(model_of(data)).removeprefix(BOM)
    ours = [[cell.text for cell in record.cells] for record in read_records(text, ",")]
    assert ours == list(csv.reader(io.StringIO(text, newline=""), dialect="excel"))


@given(maps())
@settings(max_examples=30)
def test_a_csv_in_the_unix_dialect_imports_the_same_touchpoints(data: dict[str, Any]) -> None:
    journey = model_of(data)
    rows = list(csv.reader(io.StringIO(to_csv(journey).removeprefix(BOM), newline="")))
    buffer = io.StringIO()
    csv.writer(buffer, dialect="unix").writerows(rows)
    assert buffer.getvalue().startswith('"phase","stage"')
    assert touchpoint_rows(journey_from(imported(buffer.getvalue()))) == touchpoint_rows(journey)


@given(one_line)
def test_formula_guard_comes_off_again(text: str) -> None:
    for cell in (text, f"={text}", f"'{text}", f"'={text}", f"-{text}", f"@{text}"):
        written = guarded(cell)
        assert unguarded(written) == cell
        assert not written.startswith(("=", "+", "-", "@", "\t")) or NUMBER.fullmatch(written)


def test_numbers_are_not_guarded_and_formulas_are() -> None:
    assert [guarded(c) for c in ("-1", "+2", "0.5", "=1+1", "-20% conversion", "@mara", "'=x")] == [
        "-1", "+2", "0.5", "'=1+1", "'-20% conversion", "'@mara", "''=x"]


def test_headers_are_matched_leniently() -> None:
    assert [column_key(h) for h in ("Pain points", "pain-points", " PAIN_POINTS ", "Moment of truth?",
                                    "Steps into role", "ID", "x-Owner", "Emotoin")] == [
        "pain_points", "pain_points", "pain_points", "moment_of_truth", "steps_into_role", "id",
        "x-Owner", None]
    assert column_key("X-Owner") == "x-Owner"


def test_columns_in_any_order_semicolons_and_tabs() -> None:
    for sep in (",", ";", "\t"):
        text = sep.join(["Title", "Emotion", "Phase"]) + "\r\n" + sep.join(["Ad", "2", "Awareness"]) + "\r\n"
        assert touchpoints(imported(text)) == [{"title": "Ad", "emotion": 2, "id": "ad"}]


def test_cells_are_read_leniently() -> None:
    text = ("phase,title,step,actor,emotion,moment_of_truth,steps_into_role,opportunities,next,metrics\n"
            "trial,Signs up,Connect,CUSTOMER,\u22121,Yes,x,\"A\n\n B \",\"demo, pay\",\"nps=42\nratio = 0.5\n"
            "note=good\"\ntrial,Demo,,,1.0,no,0,,(end),\ntrial,Pay,,,+2,,,,,\n")
    first, demo, pay = touchpoints(imported(text))
    assert first == {"title": "Signs up", "step": "connect", "actor": "customer", "emotion": -1,
                     "moment_of_truth": True, "steps_into_role": True, "opportunities": ["A", "B"],
                     "next": ["demo", "pay"], "metrics": {"nps": 42, "ratio": 0.5, "note": "good"},
                     "id": "signs-up"}
    assert demo == {"title": "Demo", "emotion": 1, "moment_of_truth": False, "steps_into_role": False,
                    "next": [], "id": "demo"}
    assert pay == {"title": "Pay", "emotion": 2, "id": "pay"}


def test_phase_and_stage_carry_down_and_a_stage_only_row_is_an_empty_stage() -> None:
    text = ("phase,stage,title\nawareness,Discover,Ad\n,,Blog\n,Compare,Pricing\ntrial,,Sign up\n"
            "commitment,Buy,\n")
    data = imported(text, persona="Maya", title="Workshop map")
    assert data["title"] == "Workshop map" and data["persona"] == {"name": "Maya"}
    assert [(s["phase"], s.get("name"), [t["title"] for t in s["touchpoints"]]) for s in data["stages"]] == [
        ("awareness", "Discover", ["Ad", "Blog"]), ("awareness", "Compare", ["Pricing"]),
        ("trial", None, ["Sign up"]), ("commitment", "Buy", [])]
    assert data["phases"] == ["awareness", "trial", "commitment"]


def test_a_stage_column_alone_names_the_phases() -> None:
    data = imported("stage,title\nDiscover,Ad\nGo home,Walk\n")
    assert [(s["phase"], s.get("name")) for s in data["stages"]] == [("discover", None), ("go home", None)]


def test_ids_come_from_titles_and_never_clash() -> None:
    text = "phase,id,title\nawareness,,Café crème\nawareness,cafe-creme,Other\nawareness,,Café crème\n" \
           "awareness,,日本語\n"
    assert [tp["id"] for tp in touchpoints(imported(text))] == [
        "cafe-creme-2", "cafe-creme", "cafe-creme-3", "touchpoint-4"]


def test_x_columns_are_kept_as_text_and_the_default_title_comes_from_the_file_name() -> None:
    data = imported("phase,title,X-owner\nawareness,Ad,Social team\n", "q3_workshop-notes.csv")
    assert data["title"] == "Q3 workshop notes" and touchpoints(data)[0]["x-owner"] == "Social team"


def test_excel_unicode_text_utf16_with_tabs_is_read() -> None:
    raw = "\ufeffphase\ttitle\r\nawareness\tCafé\r\n".encode("utf-16-le")
    data = import_map(raw, "export.txt").data
    assert data is not None and touchpoints(data)[0]["title"] == "Café"
