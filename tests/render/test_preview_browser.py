"""`cjm preview` in a real browser: a save reloads the page where the reader was (the grid at the
same place on the screen, scrolled as it was both ways), and while the map is invalid the last
good render stays under a banner."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_preview import SAMPLE, Preview, _broken, _save, _with_title
from tests.render.browsing import Visit, launch, screenshot_path

SCROLL_JS = """() => { const box = document.querySelector('.grid-scroll');
  return [Math.round(box.getBoundingClientRect().top), Math.round(box.scrollLeft),
          Math.round(box.scrollTop)]; }"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Callable[[Path], Preview]]:
    started: list[Preview] = []

    def start(map_path: Path) -> Preview:
        started.append(Preview(map_path, "--port", "0"))
        return started[-1]

    yield start
    for running in started:
        running.kill()


def _until(page: Any, done: Callable[[], bool]) -> None:
    for _ in range(150):
        if done():
            return
        page.wait_for_timeout(100)
    assert done()


def _same_place(found: list[int], wanted: list[int]) -> bool:
    """The grid within a pixel of where it was on the screen (sub-pixel layout), scrolled exactly so."""
    return abs(found[0] - wanted[0]) <= 1 and found[1:] == wanted[1:]


@pytest.mark.skipif(sys.platform == "win32", reason="the preview test stops the server with SIGINT")
def test_a_save_keeps_the_scroll_and_an_error_keeps_the_last_good_map(
        browser: Any, preview: Callable[[Path], Preview], tmp_path: Path) -> None:
    map_path = tmp_path / "trial.cjm.yaml"
    original = SAMPLE.read_text("utf-8")
    map_path.write_text(original, "utf-8")
    served = preview(map_path)
    visit = Visit(browser, served.url, width=1280, height=800)
    page = visit.page
    page.evaluate("() => { document.querySelector('.journey').scrollIntoView(); window.scrollBy(0, 120); "
                  "const box = document.querySelector('.grid-scroll'); box.scrollLeft = 1500; "
                  "box.scrollTop = 240; }")
    where = page.evaluate(SCROLL_JS)
    assert where[1] == 1500 and where[2] == 240

    _save(map_path, _with_title(original, "Saved once"))  # a shorter title: the header shrinks
    _until(page, lambda: page.title() == "Saved once")
    page.wait_for_load_state("load")
    assert _same_place(page.evaluate(SCROLL_JS), where)

    _save(map_path, _broken(_with_title(original, "Saved once")))
    _until(page, lambda: page.locator(".cjm-preview-banner").count() == 1)
    banner = page.locator(".cjm-preview-banner")
    assert banner.is_visible() and "[schema]" in banner.inner_text() and "hint:" in banner.inner_text()
    assert page.locator(".grid").count() == 1 and page.title() == "Saved once"  # the last good render
    assert _same_place(page.evaluate(SCROLL_JS), where)
    page.screenshot(path=str(screenshot_path("preview-invalid.png")))
    assert visit.errors == []
    page.close()
