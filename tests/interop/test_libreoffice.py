"""The CSV export opened and saved by real LibreOffice (Debian's `libreoffice-calc-nogui`, headless).

cjm exports every sample map and the hostile map; one `soffice` call opens
them all as a user would (UTF-8, comma, quoted cells) and saves them as
spreadsheets, whose cells must hold the map's values (a list one item per
line, numbers as numbers, a formula-like text as text); a second call saves
those spreadsheets as CSV again, and `cjm import` must give back the same
touchpoints. LibreOffice drops a tab inside a cell when it opens a CSV (the
hostile map has one): that is the one difference. Skipped, saying why, only
where LibreOffice is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cjm.interop.csv_columns import COLUMNS, guarded
from cjm.interop.csv_out import cell_text, to_csv
from tests.interop.maps import HOSTILE, SAMPLES, journey_from, journey_of, reimported, touchpoint_rows

MAPS = [*SAMPLES, HOSTILE]
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
CSV_IN = "CSV:44,34,76,1"
"""Comma-separated, `"` quotes, UTF-8 (76), from the first line: what a user picks when opening."""
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1"


def soffice(folder: Path, *args: str) -> None:
    command = [str(shutil.which("soffice")), f"-env:UserInstallation=file://{folder}/profile", "--headless",
               *args]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("soffice") is None:
        pytest.skip("the LibreOffice test needs Debian's libreoffice-calc-nogui: `bash .ci/setup` as root")
    folder = tmp_path_factory.mktemp("office")
    names = []
    for path in MAPS:
        name = path.name.removesuffix(".cjm.yaml")
        (folder / f"{name}.csv").write_bytes(to_csv(journey_of(path)).encode("utf-8"))
        names.append(name)
    soffice(folder, f"--infilter={CSV_IN}", "--convert-to", "ods", "--outdir", "ods",
            *(f"{name}.csv" for name in names))
    soffice(folder, "--convert-to", CSV_OUT, "--outdir", "saved", *(f"ods/{name}.ods" for name in names))
    return folder


def sheet(path: Path) -> list[list[tuple[str, str | None]]]:
    """Each row of a spreadsheet: each cell's text (its paragraphs joined by line breaks) and type."""
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    rows = []
    for row in root.iter(f"{TABLE}table-row"):
        cells: list[tuple[str, str | None]] = []
        for cell in row.findall(f"{TABLE}table-cell"):
            repeat = int(cell.get(f"{TABLE}number-columns-repeated", "1"))
            text = "\n".join("".join(p.itertext()) for p in cell.findall(f"{TEXT}p"))
            cells += [(text, cell.get(f"{OFFICE}value-type"))] * min(repeat, len(COLUMNS))
        rows.append(cells[:len(COLUMNS)])
    return rows


def as_read(value: Any) -> Any:
    """`value` as LibreOffice reads it from a CSV: every text without its tabs."""
    if isinstance(value, str):
        return value.replace("\t", "")
    if isinstance(value, list):
        return [as_read(item) for item in value]
    if isinstance(value, dict):
        return {as_read(key): as_read(item) for key, item in value.items()}
    return value


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_libreoffice_opens_the_export_with_every_value_in_its_cell(path: Path, office: Path) -> None:
    journey = journey_of(path)
    rows = sheet(office / "ods" / f"{path.name.removesuffix('.cjm.yaml')}.ods")
    assert [text for text, _ in rows[0]] == list(COLUMNS)
    for tp, row in zip(journey.touchpoints, rows[1:], strict=False):
        cells = dict(zip(COLUMNS, row, strict=True))
        assert cells["title"] == (as_read(guarded(tp.title)), "string")  # a formula-like title is not run
        for key in ("pain_points", "metrics", "evidence", "doing", "next"):
            assert cells[key][0] == as_read(guarded(cell_text(key, tp.raw.get(key))))
        assert cells["emotion"] == ((str(tp.emotion), "float") if tp.emotion is not None else ("", None))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_saved_again_by_libreoffice_it_imports_with_the_same_touchpoints(path: Path, office: Path) -> None:
    journey = journey_of(path)
    saved = (office / "saved" / f"{path.name.removesuffix('.cjm.yaml')}.csv").read_text("utf-8")
    imported = reimported(saved, "saved.csv")
    assert imported.data is not None
    assert touchpoint_rows(journey_from(imported.data)) == as_read(touchpoint_rows(journey))
