"""The HTML journey map, checked by parsing it: structure, self-containment, escaping,
the emotion curve and template overrides.

The flow diagram is a tiny stand-in SVG here, so these tests need no Graphviz;
the real one is embedded by the CLI tests (tests/render/test_render_cli.py).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from cjm.check.engine import check_file, check_text
from cjm.check.result import FileResult
from cjm.model import Touchpoint
from cjm.render.context import build_context
from cjm.render.curve import curve_y
from cjm.render.grid import grid_columns
from cjm.render.html import TemplateFailure, render_html

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "sample_maps").rglob("*.cjm.yaml"))
STAND_IN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g id="stand-in"/></svg>'
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NASTY = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</title><b>x</b>",
         '" onmouseover="alert(1)', "{{ 7*7 }} {% raw %}", "javascript:alert(1)"]


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def iter(self) -> list[Node]:
        return [self, *(n for child in self.children for n in child.iter())]

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if n.tag == tag and (cls is None or cls in n.classes)]

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        return " ".join(" ".join([*self.texts, *(c.text() for c in self.children)]).split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].texts.append(data)


def parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.root


def checked(data: dict[str, Any]) -> FileResult:
    result = check_text(json.dumps(data), "test.cjm.yaml")
    assert result.valid, [d.message for d in result.diagnostics]
    return result


def tp(ident: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "title": fields.pop("title", f"Touchpoint {ident}"), **fields}


def small_map(**top: Any) -> dict[str, Any]:
    stages = top.pop("stages", [{"phase": "awareness", "touchpoints": [tp("a", emotion=1, doing="Scrolls")]}])
    return {"cjm": 1, "title": top.pop("title", "A map"), "phases": ["awareness", "trial"], **top,
            "stages": stages}


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.name)
def sample(request: pytest.FixtureRequest) -> tuple[FileResult, Node, str]:
    result = check_file(request.param)
    page = render_html(result, flow_svg=STAND_IN_SVG)
    return result, parse(page), page


def grid_of(dom: Node) -> Node:
    (grid,) = dom.find_all("table", "grid")
    return grid


def test_every_stage_is_a_column_group_under_its_phase(sample: tuple[FileResult, Node, str]) -> None:
    result, dom, _ = sample
    assert result.journey is not None
    stages = result.journey.stages
    headers = dom.find_all("th", "stage")
    assert [h.find_all("span", "stage-name")[0].text() for h in headers] == [s.name for s in stages]
    assert [int(h.attrs["colspan"]) for h in headers] == [max(len(s.touchpoints), 1) for s in stages]
    columns = sum(max(len(s.touchpoints), 1) for s in stages)
    assert len(dom.find_all("col", "tp-col")) == columns
    gaps = [p for p in result.journey.phases if not result.journey.phase_stages(p)]
    assert len(dom.find_all("col", "gap-col")) == len(gaps)
    assert sum(int(h.attrs["colspan"]) for h in dom.find_all("th", "phase")) == columns + len(gaps)
    assert all(h.attrs["scope"] == "colgroup" for h in headers)


def test_every_touchpoint_has_a_card_in_the_grid_and_in_the_sheets(
        sample: tuple[FileResult, Node, str]) -> None:
    result, dom, _ = sample
    assert result.journey is not None
    expected = [" ".join(t.title.split()) for t in result.journey.touchpoints]
    in_grid = [n.text() for n in grid_of(dom).find_all("span", "card-title")]
    if result.journey.text("layout") == "blueprint":  # lane by lane
        in_grid, expected = sorted(in_grid), sorted(expected)
    assert in_grid == expected
    (sheets,) = dom.find_all("section", "sheets")
    assert [n.text() for n in sheets.find_all("span", "card-title")] == [
        " ".join(t.title.split()) for t in result.journey.touchpoints]
    assert all(n.attrs.get("scope") == "col" for n in dom.find_all("th") if n.find_all("div", "card"))


def test_the_page_is_self_contained(sample: tuple[FileResult, Node, str]) -> None:
    _, dom, page = sample
    for node in dom.iter():
        for name in ("src", "href", "xlink:href", "action", "poster", "data"):
            value = node.attrs.get(name, "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ftp:")), (node.tag, name, value)
    assert_only_its_own_script_runs(dom)
    assert [n for n in dom.find_all("link") if "stylesheet" in n.attrs.get("rel", "")] == []
    assert [n for n in dom.find_all("img") if not n.attrs.get("src", "").startswith("data:")] == []
    styles = " ".join(n.text() for n in dom.find_all("style"))
    assert "@import" not in styles and not re.search(r"url\(\s*['\"]?(https?:)?//", styles)
    assert "@page" in styles and "landscape" in styles
    assert 'id="stand-in"' in page  # the flow diagram is inline


def assert_only_its_own_script_runs(dom: Node) -> None:
    """One inline script, and a policy that lets that script and nothing else run."""
    (script,) = dom.find_all("script")
    assert "src" not in script.attrs
    (meta,) = [m for m in dom.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    policy = dict(part.strip().split(" ", 1) for part in meta.attrs["content"].split(";"))
    digest = base64.b64encode(hashlib.sha256("".join(script.texts).encode("utf-8")).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert policy["default-src"] == "'none'"


def test_the_page_has_landmarks_a_screen_reader_can_walk(sample: tuple[FileResult, Node, str]) -> None:
    _, dom, _ = sample
    assert dom.find_all("html")[0].attrs["lang"] == "en"
    assert len(dom.find_all("header")) >= 1 and len(dom.find_all("main")) == 1
    for section in dom.find_all("section"):
        assert "aria-label" in section.attrs or "aria-labelledby" in section.attrs
    for table in dom.find_all("table"):
        assert table.find_all("caption"), "every table has a caption"
    row_heads = [th for th in dom.find_all("th") if th.attrs.get("scope") == "row"]
    heads = {th.text() for th in row_heads}
    assert "Stage" in heads and ("Touchpoints" in heads or any(h.endswith("customer") for h in heads))


def test_emotion_curve_has_one_point_per_emotion(sample: tuple[FileResult, Node, str]) -> None:
    result, dom, _ = sample
    assert result.journey is not None
    columns: list[Touchpoint | None] = [column.touchpoint for column in grid_columns(result.journey)]
    expected = [((i + 0.5) * 100, curve_y(t.emotion)) for i, t in enumerate(columns)
                if t is not None and t.emotion is not None]
    (polyline,) = grid_of(dom).find_all("polyline")
    points = [tuple(float(v) for v in p.split(",")) for p in polyline.attrs["points"].split()]
    assert points == expected
    dots = grid_of(dom).find_all("g", "dot")
    assert len(dots) == len(expected)
    centre = dots[0].find_all("circle")[-1].attrs["cx"]
    assert centre == f"{expected[0][0] / len(columns):.4f}%"


def test_a_map_without_emotions_has_no_curve() -> None:
    page = render_html(checked(small_map(stages=[{"phase": "awareness", "touchpoints": [tp("a")]}])))
    dom = parse(page)
    assert dom.find_all("polyline") == [] and dom.find_all("tr", "lane-emotion") == []


def test_empty_lanes_are_omitted() -> None:
    dom = parse(render_html(checked(small_map())))
    lanes = [row.classes[-1] for row in dom.find_all("tr", "lane")]
    assert lanes == ["lane-touchpoints", "lane-doing", "lane-emotion"]
    assert dom.find_all("tr", "visibility") == []


def test_backstage_sits_below_the_line_of_visibility() -> None:
    stages = [{"phase": "awareness", "touchpoints": [
        tp("a", pain_points=["Slow"], backstage=["Ops team"], metrics={"reach": 12000, "ctr": 0.02})]}]
    dom = parse(render_html(checked(small_map(stages=stages))))
    rows = [row.classes[-1] for row in dom.find_all("tr") if {"lane", "visibility"} & set(row.classes)]
    assert rows == ["lane-touchpoints", "lane-pain_points", "visibility", "lane-backstage", "lane-metrics"]
    metrics = dom.find_all("dl", "metrics")[0].text()
    assert "reach 12,000" in metrics and "ctr 2 %" in metrics  # a click-through rate is a ratio


def test_a_stage_without_touchpoints_keeps_its_column() -> None:
    stages = [{"phase": "awareness", "touchpoints": [tp("a")]},
              {"phase": "trial", "name": "Try", "touchpoints": []}]
    dom = parse(render_html(checked(small_map(stages=stages))))
    names = [h.find_all("span", "stage-name")[0].text() for h in dom.find_all("th", "stage")]
    assert names == ["Awareness", "Try"]
    assert len(dom.find_all("col", "tp-col")) == 2


@pytest.mark.parametrize("nasty", NASTY)
def test_map_text_renders_as_text_never_as_markup(nasty: str) -> None:
    stages = [{"phase": "awareness", "name": nasty, "goal": nasty, "touchpoints": [
        tp("a", title=nasty, channel=nasty, doing=nasty, feeling=nasty, emotion=-1,
           metrics={nasty: nasty}, backstage=[nasty])]}]
    data = small_map(title=nasty, brand=nasty, owner=nasty, tags=[nasty], stages=stages,
                     persona={"name": nasty, "quote": nasty, "goals": [nasty]},
                     narrative={"open_role": nasty, "story": nasty})
    page = render_html(checked(data))
    dom = parse(page)
    assert_only_its_own_script_runs(dom)
    assert nasty not in "".join(dom.find_all("script")[0].texts)
    assert dom.find_all("img") == [] and dom.find_all("b") == []
    assert not [(n.tag, a) for n in dom.iter() for a in n.attrs if a.startswith("on")]
    assert dom.find_all("title")[0].text() == " ".join(nasty.split())
    assert dom.find_all("h1")[0].text() == " ".join(nasty.split())
    assert dom.find_all("span", "card-title")[0].text() == " ".join(nasty.split())
    assert "49" not in dom.find_all("h1")[0].text()  # no template injection either


def test_header_persona_and_narrative() -> None:
    data = small_map(brand="Acme", state="future", owner="CX team", tags=["b2c", "pilot"],
                     persona={"name": "Maya Lin", "role": "Designer", "quote": "Too many apps.",
                              "goals": ["One place"], "frustrations": ["Switching"]},
                     narrative={"open_role": "The colleague", "story": "Maya tells others."})
    context = build_context(checked(data))
    assert context["narrative"]["hero"] == "Maya Lin"  # defaults to the persona's name
    assert context["persona"]["initials"] == "ML"
    dom = parse(render_html(checked(data)))
    header = dom.find_all("header")[0].text()
    for text in ("Acme", "Future state", "CX team", "b2c", "pilot", "Designer", "Too many apps.",
                 "One place", "Switching", "The colleague", "Maya tells others."):
        assert text in header


def test_scorecard_shows_chains_scores_and_findings() -> None:
    result = check_file(ROOT / "sample_maps" / "needs-work" / "gaps-and-order.cjm.yaml")
    dom = parse(render_html(result))
    table = dom.find_all("table", "score-table")[0]
    rows = {row.find_all("th")[0].text(): row for row in table.find_all("tr")[1:]}
    cells = {phase: [td.classes[1] for td in row.find_all("td", "chain")] for phase, row in rows.items()}
    assert cells["Awareness"] == ["chain-filled", "chain-filled", "chain-missing", "chain-filled"]
    assert "chain-out-of-order" in cells["Trial"]
    assert cells["Involvement"] == ["chain-missing"] * 4
    messages = [n.text() for n in dom.find_all("p", "message")]
    assert messages == [" ".join(d.message.split()) for d in result.diagnostics]


def test_rendering_is_deterministic() -> None:
    first = render_html(check_file(SAMPLES[0]), flow_svg=STAND_IN_SVG)
    assert render_html(check_file(SAMPLES[0]), flow_svg=STAND_IN_SVG) == first


def test_one_partial_overrides_only_that_block(tmp_path: Path) -> None:
    (tmp_path / "legend.html.j2").write_text(
        '<section class="legend" aria-label="Legend">Our legend: {{ legend.steps | length }} steps, '
        "{{ header.title }}</section>\n", "utf-8")
    page = render_html(checked(small_map(title="<b>T</b>")), template_dir=tmp_path)
    dom = parse(page)
    assert dom.find_all("section", "legend")[0].text() == "Our legend: 4 steps, <b>T</b>"  # escaped there too
    assert dom.find_all("table", "grid") and dom.find_all("style")  # the rest is built in


def test_a_user_stylesheet_replaces_the_built_in_one(tmp_path: Path) -> None:
    (tmp_path / "styles.css").write_text("body { background: #123456; }\n", "utf-8")
    styles = parse(render_html(checked(small_map()), template_dir=tmp_path)).find_all("style")[0].text()
    assert styles.startswith("body { background: #123456; } /* Print")  # print.css is a partial of its own
    assert "--gutter" not in styles


@pytest.mark.parametrize(("source", "line", "problem"), [
    ("<p>\n{% if %}\n</p>\n", 2, "Expected an expression"),
    ("<p>\n\n{{ no_such_thing }}\n</p>\n", 3, "'no_such_thing' is undefined"),
    ("<p>\n{% include 'missing.html.j2' %}\n", 2, "'missing.html.j2' not found"),
])
def test_a_broken_user_template_is_named_with_its_line(tmp_path: Path, source: str, line: int,
                                                       problem: str) -> None:
    (tmp_path / "legend.html.j2").write_text(source, "utf-8")
    with pytest.raises(TemplateFailure) as failure:
        render_html(checked(small_map()), template_dir=tmp_path)
    assert failure.value.template == f"template {tmp_path / 'legend.html.j2'}"
    assert failure.value.line == line
    assert problem in failure.value.problem
