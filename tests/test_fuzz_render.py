"""The renderers on every map the engine accepts (tests/fuzzing.py): the HTML page and the DOT text never
fail and are well-formed, map text shows as text (never as markup, template code or a DOT escape), and
a sample of the DOT goes through Graphviz to a well-formed SVG. Graphviz takes about 20 ms a map, so
that test runs GRAPHVIZ_SHARE of CJM_FUZZ_EXAMPLES."""

from __future__ import annotations

import re
import unicodedata
from html import unescape

import pytest
from hypothesis import assume, example, given

from cjm.check.engine import check_text
from cjm.check.result import FileResult
from cjm.model import JourneyMap
from cjm.render.dot import build_dot
from cjm.render.flow import flow_diagram
from cjm.render.graphviz import Graphviz, find_graphviz
from cjm.render.html import render_html
from tests.corpus.checks import dot_problems, html_problems, svg_problems
from tests.fuzzing import fuzz, map_texts

GRAPHVIZ_SHARE = 0.1
CONTROL_ONLY_TITLE = ("cjm: 1\ntitle: T\nstages:\n  - phase: awareness\n    touchpoints:\n"
                      '      - {id: a, title: "\\e", step: connect}\n')


def valid(text: str) -> FileResult:
    result = check_text(text, "fuzz.cjm.yaml")
    assume(result.valid)
    assert result.journey is not None
    return result


def ordinary(text: str) -> bool:
    """Text of letters, marks, numbers, punctuation, symbols and spaces only: shown exactly as written."""
    return all(unicodedata.category(char)[0] in "LMNPSZ" and char not in "\u2028\u2029" for char in text)


def shown(text: str) -> str:
    return " ".join(text.split())


def titles(journey: JourneyMap) -> list[str]:
    return [shown(tp.title) for tp in journey.touchpoints if ordinary(tp.title)]


@fuzz()
@given(map_texts())
def test_the_page_and_the_dot_of_every_valid_map_are_well_formed(text: str) -> None:
    result = valid(text)
    assert result.journey is not None
    page = render_html(result)
    assert html_problems(page) == []
    visible = shown(unescape(re.sub(r"<[^>]*>", " ", page)))
    for title in titles(result.journey):
        assert title in visible
    assert dot_problems(build_dot(result.journey)) == []


@pytest.fixture(scope="module")
def graphviz() -> Graphviz:
    found = find_graphviz(None)
    assert found is not None, "graphviz-pure is a dependency of cjm"
    return found


def laid_out(text: str, graphviz: Graphviz) -> None:
    """Graphviz lays the map out into a well-formed SVG that shows every title as text."""
    result = valid(text)
    assert result.journey is not None
    svg = flow_diagram(result.journey, graphviz).svg
    assert svg_problems(svg) == []
    tooltips = shown(unescape(svg))
    for title in titles(result.journey):
        assert title in tooltips


@fuzz(GRAPHVIZ_SHARE)
@given(text=map_texts())
def test_graphviz_lays_out_every_valid_map(text: str, graphviz: Graphviz) -> None:
    journey = valid(text).journey
    assert journey is not None
    assume(all(any(ordinary(char) and not char.isspace() for char in tp.title) for tp in journey.touchpoints))
    laid_out(text, graphviz)


@example(text=CONTROL_ONLY_TITLE)
@given(text=map_texts())
@fuzz(GRAPHVIZ_SHARE)
def test_graphviz_lays_out_titles_of_control_characters(text: str, graphviz: Graphviz) -> None:
    laid_out(text, graphviz)
