"""The portfolio page DIR/index.html: one row per rendered map, linked, sortable, self-contained."""

from __future__ import annotations

from pathlib import Path

from cjm.check.engine import check_file
from cjm.render.index import IndexEntry, render_index
from tests.render.test_html import assert_only_its_own_script_runs, parse

ROOT = Path(__file__).resolve().parents[2]
SCORED = ROOT / "sample_maps" / "b2b-saas-trial.cjm.yaml"
UNSCORED = ROOT / "sample_maps" / "needs-work" / "untagged-workshop.cjm.yaml"
WARNED = ROOT / "sample_maps" / "needs-work" / "showing-up.cjm.yaml"


def _index(not_rendered: list[str] | None = None) -> str:
    entries = [IndexEntry(check_file(SCORED), "b2b-saas-trial.html"),
               IndexEntry(check_file(UNSCORED), "needs-work/untagged-workshop.html"),
               IndexEntry(check_file(WARNED), "needs-work/showing-up.html")]
    return render_index(entries, not_rendered)


def test_every_map_is_a_row_linked_to_its_page() -> None:
    dom = parse(_index())
    rows = dom.find_all("tbody")[0].find_all("tr")
    links = [row.find_all("a")[0] for row in rows]
    assert [a.attrs["href"] for a in links] == ["b2b-saas-trial.html", "needs-work/untagged-workshop.html",
                                                "needs-work/showing-up.html"]
    assert links[0].text() == "Tracelight 14-day trial, ops lead to internal champion"


def test_a_row_shows_persona_state_score_parts_findings_owner_and_tags() -> None:
    dom = parse(_index())
    scored, unscored, warned = (row.text() for row in dom.find_all("tbody")[0].find_all("tr"))
    result = check_file(SCORED)
    assert result.score is not None
    assert f"{result.score.score:g}" in scored and "sequence 100 · depth 84.8" in scored
    assert "Dana" in scored and "current" in scored and "PLG pod" in scored and "b2b" in scored
    assert "none" in scored  # no findings
    assert "not scored" in unscored and "1 info" in unscored
    assert "4 warnings" in warned


def test_the_page_is_self_contained_and_sorts_with_its_own_script() -> None:
    page = _index()
    dom = parse(page)
    assert_only_its_own_script_runs(dom)
    assert "http" not in page.replace("http-equiv", "")
    sortable = [th.attrs["data-sort"] for th in dom.find_all("th") if "data-sort" in th.attrs]
    assert sortable == ["text", "text", "text", "number", "number", "text", "text"]
    scores = [td.attrs["data-value"] for td in dom.find_all("td", "score")]
    assert scores[1] == "-1"  # not scored sorts below every score


def test_maps_not_rendered_are_named_outside_the_table() -> None:
    dom = parse(_index(["maps/broken.cjm.yaml"]))
    (section,) = dom.find_all("section", "not-rendered")
    assert "maps/broken.cjm.yaml" in section.text()
    assert len(dom.find_all("tbody")[0].find_all("tr")) == 3
