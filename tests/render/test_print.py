"""Printing a rendered map with headless Chromium, and reading the PDF back (pypdf).

A printed map: landscape pages; the header, the persona and the start of the journey on the
first; then the journey a phase at a time; text no smaller than 8 pt anywhere (measured from
the PDF's own text); no lane split from its row (every row's label and its cells on one
page); colours and the engagement meter kept. A poster (`--poster A2`): the whole map on one
page of that size. With CJM_UPDATE_SCREENSHOTS=1 and poppler's pdftoppm, a printed page goes
to docs/screenshots/ for the README.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cjm.check.engine import check_file
from cjm.render.context import build_context
from tests.harness import cjm
from tests.render.browsing import REPO, Visit, launch, page_of, publish, screenshot_path

pypdf = pytest.importorskip("pypdf", reason="the print test reads the PDF with pypdf: pip install pypdf")

B2B = REPO / "sample_maps" / "b2b-saas-trial.cjm.yaml"
BLUEPRINT = REPO / "sample_maps" / "parking-permit-blueprint.cjm.yaml"
MIN_POINTS = 8.0
A2_POINTS = (1683.8, 1190.6)
METER_JS = """() => {
  const meter = document.querySelector('.sheet .meter-1, .sheet .meter-2');
  const dots = [...meter.children].map(i => getComputedStyle(i).backgroundColor);
  return {adjust: getComputedStyle(document.body).printColorAdjust, rank: +meter.className.slice(-1), dots};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


class Printed:
    """A PDF as pages of words, with the size of its smallest text."""

    def __init__(self, pdf: bytes) -> None:
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        self.sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
        self.words: list[set[str]] = []
        self.smallest = 1000.0
        for page in reader.pages:
            self.words.append(words(page.extract_text(visitor_text=self._measure)))

    def _measure(self, text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            self.smallest = min(self.smallest, size * abs(a * d - b * c) ** 0.5)

    def page_with(self, wanted: set[str]) -> int | None:
        return next((n for n, found in enumerate(self.words) if wanted <= found), None)


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower()))


def print_page(browser: Any, page_file: Path) -> tuple[bytes, Printed, Any]:
    visit = Visit(browser, page_file, width=1280)
    visit.assert_self_contained()
    pdf = visit.page.pdf(prefer_css_page_size=True, print_background=True)
    return pdf, Printed(pdf), visit


@pytest.mark.parametrize("sample", [B2B, BLUEPRINT], ids=lambda p: p.name)
def test_a_printed_map_reads(browser: Any, rendered: Path, sample: Path, tmp_path: Path) -> None:
    result = check_file(sample)
    assert result.journey is not None
    sheets = [s for s in build_context(result)["sheets"] if not s["gap"]]
    pdf, printed, visit = print_page(browser, rendered / page_of(sample))
    assert all(width > height for width, height in printed.sizes)  # landscape
    assert len(sheets) + 2 <= len(printed.sizes) <= 3 * len(sheets) + 4
    first = words(f"{result.journey.text('title')} {result.journey.section('persona')['name']} Awareness")
    assert first <= printed.words[0]  # header, persona and the start of the journey
    assert printed.smallest >= MIN_POINTS, f"text of {printed.smallest:.1f} pt"
    for sheet in sheets:
        for row in _rows(sheet):
            assert printed.page_with(row) is not None, f"a row split from its lane: {sorted(row)}"
    visit.page.emulate_media(media="print")
    meter = visit.page.evaluate(METER_JS)
    assert meter["adjust"] == "exact"
    filled = [colour for colour in meter["dots"] if colour != "rgba(0, 0, 0, 0)"]
    assert len(filled) == meter["rank"] < 3  # the meter shows its level, not three filled dots
    visit.page.close()
    name = sample.name.removesuffix(".cjm.yaml")
    _publish_page(pdf, 1 if sample == B2B else 3, f"print-{name}.png", tmp_path)


def _rows(sheet: dict[str, Any]) -> list[set[str]]:
    """Per lane of the sheet: its label's words and a few words of every cell in it."""
    cells: dict[int, list[str]] = {}
    for column in sheet["cells"]:
        for entry in column["entries"]:
            cells.setdefault(entry["row"], []).append(_text(entry))
    rows = []
    for row in sheet["rows"]:
        if row["kind"] in ("emotion", "line") or row["row"] not in cells:
            continue
        found = words(row["label"])
        for text in cells[row["row"]]:
            found |= _ends(text)
        rows.append(found)
    return rows


def _text(entry: dict[str, Any]) -> str:
    value = entry["value"]
    if entry["kind"] == "cards":
        return str(value["card"]["title"] if "card" in value else value["receives"]["title"])
    if entry["kind"] == "metrics":
        return " ".join(metric["name"] for metric in value)
    return " ".join(value) if isinstance(value, list) else str(value)


def _ends(text: str) -> set[str]:
    """The first and last three words: a cell cut across two pages loses one end."""
    found = re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())
    return set(found[:3] + found[-3:])


def _publish_page(pdf: bytes, number: int, name: str, tmp_path: Path) -> None:
    """A printed page as a PNG for the README (only when regenerating, with poppler's pdftoppm)."""
    pdftoppm = shutil.which("pdftoppm")
    if not (os.environ.get("CJM_UPDATE_SCREENSHOTS") and pdftoppm):
        return
    (tmp_path / "printed.pdf").write_bytes(pdf)
    subprocess.run([pdftoppm, "-f", str(number), "-l", str(number), "-r", "72", "-png", "-singlefile",
                    str(tmp_path / "printed.pdf"), str(tmp_path / "page")], check=True, timeout=60)
    shutil.copyfile(tmp_path / "page.png", screenshot_path(name))
    publish(name, docs=True)


def test_a_poster_is_the_whole_map_on_one_page(browser: Any, tmp_path: Path) -> None:
    done = cjm("render", B2B, "-o", tmp_path / "poster", "--to", "html", "--poster", "a2")
    assert done.returncode == 0, done.stderr
    _, printed, visit = print_page(browser, tmp_path / "poster" / "sample_maps" / "b2b-saas-trial.html")
    assert len(printed.sizes) == 1
    assert all(abs(got - want) < 2 for got, want in zip(printed.sizes[0], A2_POINTS, strict=True))
    journey = check_file(B2B).journey
    assert journey is not None
    assert words(journey.touchpoints[-1].title) <= printed.words[0]  # the end of the journey too
    assert "flow" in printed.words[0]
    visit.page.close()
