"""Each rendered sample map in a real browser: headless Chromium (Debian's `chromium`)
driven by Playwright, never a downloaded browser (`playwright install` is not needed).

Checks: no console errors, no request but the file itself, every stage column and
the emotion curve visible, the curve's dots centred on their touchpoint columns,
no text spilling out of a grid cell (long words included), and a landscape PDF
whose grid fits the page width. Screenshots go to tests/screenshots/ (gitignored):
NAME.png (the page, 1600 px wide), NAME-journey.png (header and grid),
NAME-whole-grid.png (wide enough for every column) and a print preview.
Skipped, saying why, when chromium or playwright is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cjm.check.engine import check_file

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "sample_maps").rglob("*.cjm.yaml"))
SCREENSHOTS = REPO / "tests" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LONG_WORD = "Supercalifragilistic" * 6
LONG_MAP = {"cjm": 1, "title": f"Long words {LONG_WORD}", "stages": [
    {"phase": "awareness", "name": LONG_WORD, "goal": LONG_WORD, "touchpoints": [
        {"id": f"t{n}", "title": f"{LONG_WORD} {n}", "channel": LONG_WORD, "step": "connect",
         "emotion": n - 1, "doing": LONG_WORD, "pain_points": [LONG_WORD],
         "metrics": {LONG_WORD: 123456789012345}} for n in range(3)]}]}
# The grid must not spill out of cells; these hold graphics that may draw past their edge.
OVERFLOW_JS = """() => [...document.querySelectorAll('.grid th, .grid td')]
  .filter(c => !c.classList.contains('curve-cell') && !c.classList.contains('emotion-label'))
  .filter(c => c.scrollWidth > c.clientWidth + 1)
  .map(c => c.className + ': ' + c.textContent.trim().slice(0, 60))"""
ALIGNMENT_JS = """() => {
  const centre = e => { const r = e.getBoundingClientRect(); return (r.left + r.right) / 2; };
  const heads = [...document.querySelector('tr.lane-touchpoints').children].slice(1);
  const dots = [...document.querySelectorAll('.emotion-curve g.dot circle:last-of-type')].map(centre);
  return {columns: heads.map(centre), withCard: heads.map(h => h.tagName === 'TH'), dots};
}"""


def chromium() -> str | None:
    found = os.environ.get("CJM_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).exists() else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the browser test needs Playwright: pip install playwright")
    executable = chromium()
    if executable is None:
        pytest.skip("the browser test needs Debian's chromium: apt-get install chromium "
                    "(or set CJM_CHROMIUM to a Chromium executable)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sample map and a map of very long words, rendered by the real `cjm render`."""
    work = tmp_path_factory.mktemp("browser")
    maps = work / "maps"
    shutil.copytree(REPO / "sample_maps", maps)
    (maps / "long-words.cjm.yaml").write_text(json.dumps(LONG_MAP), "utf-8")
    cjm = Path(sys.executable).parent / "cjm"
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("CJM_DOT", None)
    proc = subprocess.run([str(cjm if cjm.exists() else "cjm"), "render", str(maps), "-o", str(work / "out")],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    return work / "out"


class Visit:
    """A page opened from a file, with every request and console error recorded."""

    def __init__(self, browser: Any, path: Path, width: int = 1600) -> None:
        self.url = path.resolve().as_uri()
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self._console(message))
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.route("**/*", self._only_the_file)
        self.page.goto(self.url, wait_until="load")

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"console {message.type}: {message.text}")

    def _only_the_file(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_a_sample_map_in_chromium(browser: Any, rendered: Path, sample: Path) -> None:
    journey = check_file(sample).journey
    assert journey is not None
    name = sample.name.removesuffix(".cjm.yaml")
    visit = Visit(browser, rendered / f"{name}.html")
    page = visit.page
    assert visit.errors == []
    assert visit.requests == [visit.url]
    stages = page.locator("th.stage")
    assert stages.count() == len(journey.stages)
    for index in range(stages.count()):
        box = stages.nth(index).bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
    curve = page.locator("svg.emotion-curve")
    assert curve.is_visible()
    box = curve.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 50
    assert page.locator("svg.emotion-curve polyline").bounding_box()["width"] > 0
    assert page.evaluate(OVERFLOW_JS) == []
    _assert_dots_on_their_columns(page.evaluate(ALIGNMENT_JS), journey.touchpoints)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    journey_bottom = page.evaluate("document.querySelector('section.journey').getBoundingClientRect().bottom")
    page.screenshot(path=str(SCREENSHOTS / f"{name}-journey.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": 1600, "height": journey_bottom + 16})
    grid_width = page.evaluate("document.querySelector('.grid').scrollWidth")
    page.set_viewport_size({"width": grid_width + 96, "height": 900})
    page.screenshot(path=str(SCREENSHOTS / f"{name}-whole-grid.png"), full_page=True)
    page.close()


def _assert_dots_on_their_columns(found: dict[str, list[Any]], touchpoints: list[Any]) -> None:
    card_columns = [x for x, has_card in zip(found["columns"], found["withCard"], strict=True) if has_card]
    expected = [x for x, tp in zip(card_columns, touchpoints, strict=True) if tp.emotion is not None]
    assert len(found["dots"]) == len(expected)
    assert all(abs(dot - column) <= 1.5 for dot, column in zip(found["dots"], expected, strict=True)), found


def test_long_words_wrap_inside_their_cells(browser: Any, rendered: Path) -> None:
    visit = Visit(browser, rendered / "long-words.html")
    assert visit.errors == [] and visit.requests == [visit.url]
    assert visit.page.evaluate(OVERFLOW_JS) == []
    root = "document.documentElement"
    overflow = visit.page.evaluate(f"{root}.scrollWidth - {root}.clientWidth")
    assert overflow <= 0  # the page itself never scrolls sideways; only the grid does
    visit.page.close()


def test_print_is_landscape_and_fits_the_page_width(browser: Any, rendered: Path) -> None:
    visit = Visit(browser, rendered / "b2b-saas-trial.html", width=1047)  # A4 landscape minus margins
    page = visit.page
    page.emulate_media(media="print")
    widths = page.evaluate("""() => ({grid: document.querySelector('.grid').getBoundingClientRect().right,
                                      page: document.documentElement.clientWidth})""")
    assert widths["grid"] <= widths["page"]
    pdf = page.pdf(prefer_css_page_size=True)
    media_box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
    assert media_box is not None, "the PDF has a page size"
    width, height = (float(v) for v in media_box.groups())
    assert width > height
    page.screenshot(path=str(SCREENSHOTS / "b2b-saas-trial-print.png"), full_page=True)
    page.close()
