"""The rendered pages in a real browser (headless Debian chromium through Playwright).

Each sample page: no console error, no request but the file itself, every stage column and
the emotion curve visible, the curve's dots centred on their columns, no text spilling out of
a grid cell. The journey at a glance: the cue that there is more to the right, the fit toggle
that shows every phase, the phase strip that scrolls the grid, the lane labels and headers
that stay in view. A phone (390 px): no word broken inside, labels that fit, one phase at a
time. The portfolio index: every map, linked, sorted by a click. Print and the preview have
modules of their own (test_print.py, test_preview_browser.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cjm.check.engine import check_file
from cjm.render.grid import grid_columns
from tests.render.browsing import REPO, SAMPLES, Visit, launch, page_of, publish, screenshot_path

B2B = REPO / "sample_maps" / "b2b-saas-trial.cjm.yaml"
BLUEPRINT = REPO / "sample_maps" / "parking-permit-blueprint.cjm.yaml"
# The grid must not spill out of cells; these hold graphics that may draw past their edge.
OVERFLOW_JS = """() => [...document.querySelectorAll('.grid th, .grid td')]
  .filter(c => !c.classList.contains('curve-cell') && !c.classList.contains('emotion-label'))
  .filter(c => c.scrollWidth > c.clientWidth + 1)
  .map(c => c.className + ': ' + c.textContent.trim().slice(0, 60))"""
COLUMNS_JS = """() => {
  const centre = e => { const r = e.getBoundingClientRect(); return (r.left + r.right) / 2; };
  const cells = [...document.querySelector('.grid tr.lane-cards').children].slice(1);
  const dots = [...document.querySelectorAll('.grid .emotion-curve g.dot circle:last-of-type')].map(centre);
  return {columns: cells.map(centre), dots};
}"""
# Every word of visible text on one line: a word's boxes (Range.getClientRects) share one top.
BROKEN_WORDS_JS = """() => {
  const broken = [], range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (!parent || parent.closest('svg, script, style, .visually-hidden')) continue;
    if (!parent.getClientRects().length) continue;  // not shown
    const words = /[^\\s\\-\\u2010-\\u2014\\/]+/g;
    let found;
    while ((found = words.exec(node.data))) {
      range.setStart(node, found.index);
      range.setEnd(node, found.index + found[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(found[0] + ' in ' + parent.className);
    }
  }
  return broken;
}"""
STICKY_JS = """() => {
  const box = document.querySelector('.grid-scroll').getBoundingClientRect();
  const edge = sel => document.querySelector(sel).getBoundingClientRect();
  return {box: [box.left, box.top], label: [edge('.grid tbody .lane-label').left],
          phase: [edge('.grid th.phase').top],
          stage: [edge('.grid th.stage').top, edge('.grid th.phase').bottom]};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_a_sample_map_in_chromium(browser: Any, rendered: Path, sample: Path) -> None:
    journey = check_file(sample).journey
    assert journey is not None
    visit = Visit(browser, rendered / page_of(sample))
    page = visit.page
    visit.assert_self_contained()
    stages = page.locator(".grid th.stage")
    assert stages.count() == len(journey.stages)
    for index in range(stages.count()):
        box = stages.nth(index).bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
    curve = page.locator(".grid svg.emotion-curve")
    assert curve.is_visible()
    box = curve.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 50
    assert page.evaluate(OVERFLOW_JS) == []
    _assert_dots_on_their_columns(page.evaluate(COLUMNS_JS), journey)
    name = sample.name.removesuffix(".cjm.yaml")
    page.screenshot(path=str(screenshot_path(f"{name}.png")), full_page=True)
    page.close()


def _assert_dots_on_their_columns(found: dict[str, list[Any]], journey: Any) -> None:
    columns = grid_columns(journey)
    assert len(found["columns"]) == len(columns)
    expected = [x for x, column in zip(found["columns"], columns, strict=True)
                if column.touchpoint is not None and column.touchpoint.emotion is not None]
    assert len(found["dots"]) == len(expected)
    assert all(abs(dot - column) <= 1.5 for dot, column in zip(found["dots"], expected, strict=True)), found


def test_long_words_wrap_inside_their_cells(browser: Any, rendered: Path) -> None:
    visit = Visit(browser, rendered / "long-words.html")
    visit.assert_self_contained()
    assert visit.page.evaluate(OVERFLOW_JS) == []
    root = "document.documentElement"
    assert visit.page.evaluate(f"{root}.scrollWidth - {root}.clientWidth") <= 0  # only the grid scrolls
    visit.page.close()


def test_the_whole_journey_at_a_glance(browser: Any, rendered: Path) -> None:
    """At 1440 px a 20-touchpoint map is wider than the screen: a cue says how many phases are to
    the right; the fit toggle shows every phase at once; a phase in the strip scrolls to it."""
    visit = Visit(browser, rendered / page_of(B2B), width=1440)
    page = visit.page
    page.locator(".journey").scroll_into_view_if_needed()
    assert page.locator(".grid-frame").get_attribute("data-more") == "3"
    assert page.locator(".scroll-cue-text").inner_text() == "3 more phases →"
    assert page.locator(".scroll-cue").is_visible()
    page.locator(".fit-toggle").click()
    assert page.locator(".fit-toggle").get_attribute("aria-pressed") == "true"
    width = page.evaluate("document.documentElement.clientWidth")
    lefts_rights = page.evaluate("[...document.querySelectorAll('.grid th.phase')].map(th => "
                                 "[th.getBoundingClientRect().left, th.getBoundingClientRect().right])")
    assert len(lefts_rights) == 5 and all(left >= 0 and right <= width for left, right in lefts_rights)
    assert page.locator(".grid-frame").get_attribute("data-more") == "0"
    assert not page.locator(".scroll-cue").is_visible()
    page.locator(".journey").screenshot(path=str(screenshot_path("overview.png")))
    publish("overview.png", docs=True, target=REPO / "docs" / "screenshot-journey-map.png")
    page.locator(".fit-toggle").click()
    page.locator(".minimap-phase", has_text="Commitment").click()
    gap = ("() => Math.abs(document.querySelector('.grid th.phase:nth-child(5)').getBoundingClientRect().left"
           " - document.querySelector('.grid tbody .lane-label').getBoundingClientRect().right)")
    _until(page, lambda: page.evaluate(gap) < 2)  # the phase starts right after the lane labels
    assert page.locator(".minimap-phase.in-view", has_text="Commitment").count() == 1
    visit.assert_self_contained()
    page.close()


def _until(page: Any, done: Any) -> None:
    """Wait (up to 10 s) for a smooth scroll to end; the page's policy forbids wait_for_function."""
    for _ in range(100):
        if done():
            return
        page.wait_for_timeout(100)
    assert done()




def test_lane_labels_and_headers_stay_in_view(browser: Any, rendered: Path) -> None:
    visit = Visit(browser, rendered / page_of(BLUEPRINT), width=1280, height=800)
    page = visit.page
    page.locator(".journey").scroll_into_view_if_needed()
    page.evaluate("() => { const box = document.querySelector('.grid-scroll'); box.scrollLeft = 2500;"
                  " box.scrollTop = 600; }")
    found = page.evaluate(STICKY_JS)
    left, top = found["box"]
    assert abs(found["label"][0] - left) <= 1  # the lane labels stay at the left edge
    assert abs(found["phase"][0] - top) <= 1   # the phase headers at the top
    assert abs(found["stage"][0] - found["stage"][1]) <= 1  # the stage headers right under them
    visit.screenshot("sticky.png")
    page.close()


@pytest.mark.parametrize("sample", [B2B, BLUEPRINT], ids=lambda p: p.name)
def test_a_phone_shows_one_phase_at_a_time_and_breaks_no_word(browser: Any, rendered: Path,
                                                               sample: Path) -> None:
    visit = Visit(browser, rendered / page_of(sample), width=390, height=844)
    page = visit.page
    visit.assert_self_contained()
    assert not page.locator(".grid").is_visible()
    shown = page.evaluate("[...document.querySelectorAll('.sheet')].filter(s => s.offsetParent)"
                          ".map(s => s.dataset.phase)")
    assert set(shown) == {"Awareness"}
    assert page.evaluate(BROKEN_WORDS_JS) == []
    labels = page.evaluate("[...document.querySelectorAll('.sc-label, .sh, .sheet-title')].filter(e => "
                           "e.offsetParent && e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)")
    assert labels == []
    root = "document.documentElement"
    assert page.evaluate(f"{root}.scrollWidth - {root}.clientWidth") <= 0
    page.locator(".sheet-tabs button", has_text="Trial").click()
    shown = page.evaluate("[...document.querySelectorAll('.sheet')].filter(s => s.offsetParent)"
                          ".map(s => s.dataset.phase)")
    assert set(shown) == {"Trial"}
    assert page.evaluate(BROKEN_WORDS_JS) == []
    page.locator(".sheets").scroll_into_view_if_needed()
    visit.screenshot(f"phone-{sample.name.removesuffix('.cjm.yaml')}.png")
    page.close()


def test_the_index_lists_every_map_and_sorts_by_a_click(browser: Any, rendered: Path) -> None:
    visit = Visit(browser, rendered / "index.html", width=1280)
    page = visit.page
    visit.assert_self_contained()
    hrefs = page.evaluate("[...document.querySelectorAll('tbody a')].map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == sorted([*(page_of(s) for s in SAMPLES), "long-words.html"])
    assert all((rendered / href).is_file() for href in hrefs)
    score = page.locator("th[data-sort=number] button", has_text="Score")
    score.click()
    values = page.evaluate("[...document.querySelectorAll('tbody td.score')].map(td => +td.dataset.value)")
    assert values == sorted(values)
    score.click()
    values = page.evaluate("[...document.querySelectorAll('tbody td.score')].map(td => +td.dataset.value)")
    assert values == sorted(values, reverse=True)
    assert page.locator("th[aria-sort=descending]").count() == 1
    page.evaluate("document.querySelector('.table-scroll').scrollLeft = 0")
    visit.screenshot("index.png", docs=True)
    page.close()
