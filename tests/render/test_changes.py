"""A future map with `based_on` shows what changed in its page (cjm.render.changes, changes.html.j2)."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cjm.check.engine import check_file
from cjm.render.changes import build_changes
from cjm.render.html import render_html
from tests.diff.maps import journey, tp
from tests.harness import REPO, cjm

REDESIGN = REPO / "sample_maps" / "redesign" / "acme-notes-redesign.cjm.yaml"
TODAY = REPO / "sample_maps" / "redesign" / "acme-notes-today.cjm.yaml"


def test_a_map_without_based_on_has_no_changes() -> None:
    result = check_file(TODAY)
    assert build_changes(result) is None
    assert 'class="changes"' not in render_html(result)


def test_the_changes_of_the_redesign() -> None:
    changes = build_changes(check_file(REDESIGN))
    assert changes is not None
    assert changes["based_on"] == "acme-notes-today.cjm.yaml" and changes["score"] == "77.5 → 80 (+2.5)"
    assert [(p["phase"], p["status"]) for p in changes["phases"]] == [
        ("awareness", "same"), ("involvement", "same"), ("trial", "better"), ("commitment", "worse"),
        ("referral", "same")]
    assert [(g["kind"], g["cjml"], [i["id"] for i in g["items"]]) for g in changes["touchpoints"]] == [
        ("added", "ad hoc", ["email-start", "card-at-trial-end"]),
        ("removed", "missing", ["card-wall", "plan-reminder"]),
        ("changed", None, ["first-invoice"])]
    [finding] = changes["findings"]
    assert finding["rule"] == "perverse-consequence" and finding["phase"] == "commitment"
    curve = changes["curve"]
    assert len(curve["old"]["dots"]) == len(curve["new"]["dots"]) == 20  # every touchpoint has an emotion
    assert [band["label"] for band in curve["bands"]] == [p["phase"] for p in changes["phases"]]


def test_the_page_shows_the_changes_and_both_curves() -> None:
    page = render_html(check_file(REDESIGN))
    section = page[page.index('<section class="changes"'):]
    section = section[:section.index("</section>")]
    assert "What changed since Acme Notes today, first ad to first referral" in section
    assert "trial got better (score 87.5 → 100" in section
    for side in ("old", "new"):
        assert re.search(rf'<g class="state-{side}">\s*<path class="line" d="M[0-9., L]+"/>', section), side
    assert "Added <span class=\"cjml\">(ad hoc, in CJML's words)</span>: 2" in section
    assert page.count('{% include') == 0 and page.index('class="journey"') < page.index('class="changes"')


def test_map_text_is_escaped_in_the_changes(tmp_path: Path) -> None:
    nasty = "<script>alert(1)</script>"
    old = journey(("trial", [tp("a", "connect", 1)]), phases=["trial"])
    new = json.loads(journey(("trial", [tp("a", "connect", 1), tp("b", "inform", 0, title=nasty)]),
                             phases=["trial"]))
    (tmp_path / "old.cjm.yaml").write_text(old, "utf-8")
    (tmp_path / "new.cjm.yaml").write_text(json.dumps({**new, "state": "future", "based_on": "old.cjm.yaml"}))
    page = render_html(check_file(tmp_path / "new.cjm.yaml"))
    assert nasty not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_cjm_render_writes_the_pair(tmp_path: Path) -> None:
    done = cjm("render", "sample_maps/redesign", "-o", tmp_path, "--to", "html", cwd=REPO)
    assert done.returncode == 0, done.stderr
    pages = {p.name: p.read_text("utf-8") for p in tmp_path.glob("*.html")}
    assert 'id="changes"' in pages["acme-notes-redesign.html"] and 'id="changes"' not in pages[
        "acme-notes-today.html"]


@pytest.fixture(scope="module")
def chromium_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the browser check needs Playwright")
    executable = os.environ.get("CJM_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        pytest.skip("the browser check needs Debian's chromium: apt-get install chromium")
    out = tmp_path_factory.mktemp("changes")
    (out / "redesign.html").write_text(render_html(check_file(REDESIGN)), "utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--headless"])
        page = browser.new_page()
        page.goto((out / "redesign.html").as_uri())
        yield page
        browser.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_changes_fit_a_phone_and_a_desktop(chromium_page: Any, width: int) -> None:
    chromium_page.set_viewport_size({"width": width, "height": 900})
    root = "document.documentElement"
    assert chromium_page.evaluate(f"{root}.scrollWidth - {root}.clientWidth") <= 0
    for side in ("old", "new"):
        box = chromium_page.locator(f".changes-curve .state-{side} .line").bounding_box()
        assert box is not None and box["width"] > 100
    assert chromium_page.locator("#changes .finding").is_visible()
