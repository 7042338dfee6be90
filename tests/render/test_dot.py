"""DOT text of the flow diagram: golden files, structure, escaping. No Graphviz needed.

Regenerate the golden files on purpose with `CJM_UPDATE_GOLDEN=1 pytest tests/render/test_dot.py`.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from cjm.check.engine import check_file, check_text
from cjm.model import JourneyMap
from cjm.render.dot import build_dot
from cjm.render.dot_labels import TITLE_WIDTH, clean, html, quoted, wrapped

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
GOLDEN_MAPS = ("b2b-saas-trial", "retail-store-visit")
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
EDGE = re.compile(r"^  (\w+) -> (\w+)(?: \[(.*)\])?;$", re.MULTILINE)


def journey_of(data: dict[str, Any]) -> JourneyMap:
    result = check_text(json.dumps(data), "test.cjm.yaml")
    assert result.valid, [d.message for d in result.diagnostics]
    assert result.journey is not None
    return result.journey


def small_map(**first: Any) -> dict[str, Any]:
    """Two stages, five touchpoints; `first` adds keys to the first touchpoint."""
    def tp(id_: str, **extra: Any) -> dict[str, Any]:
        return {"id": id_, "title": f"Title of {id_}", **extra}

    return {
        "cjm": 1,
        "title": "Small",
        "stages": [
            {"phase": "awareness", "name": "See", "goal": "Be seen",
             "touchpoints": [tp("a", **first), tp("b"), tp("c")]},
            {"phase": "trial", "touchpoints": []},
            {"phase": "referral", "touchpoints": [tp("d"), tp("e")]},
        ],
    }


def edges(dot: str) -> list[tuple[str, str, str]]:
    return [(a, b, attrs or "") for a, b, attrs in EDGE.findall(dot)]


@pytest.mark.parametrize("name", GOLDEN_MAPS)
def test_golden_dot(name: str) -> None:
    result = check_file(ROOT / "sample_maps" / f"{name}.cjm.yaml")
    assert result.journey is not None
    dot = build_dot(result.journey)
    golden = GOLDEN / f"{name}.dot"
    if os.environ.get("CJM_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(dot, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert dot == expected, f"regenerate with CJM_UPDATE_GOLDEN=1 if {name} changed on purpose"


def test_graph_shape_clusters_and_nodes() -> None:
    dot = build_dot(journey_of(small_map()))
    assert "rankdir=LR" in dot
    clusters = re.findall(r"subgraph (cluster_\w+)", dot)
    assert clusters == ["cluster_legend", "cluster_0", "cluster_1", "cluster_2"]
    assert "Awareness · See" in dot and "Be seen" in dot
    nodes = re.findall(r"^    (tp_\d+) \[", dot, re.MULTILINE)
    assert nodes == ["tp_0", "tp_1", "tp_2", "tp_3", "tp_4"]
    assert re.search(r'^    stage_1_empty \[label="no touchpoints yet"', dot, re.MULTILINE)
    assert 'id="flow-tp-a"' in dot and 'tooltip="Title of a"' in dot
    assert build_dot(journey_of(small_map())) == dot


def test_edges_follow_file_order_and_skip_an_empty_stage() -> None:
    visible = [(a, b) for a, b, attrs in edges(build_dot(journey_of(small_map()))) if "invis" not in attrs]
    assert visible == [("tp_0", "tp_1"), ("tp_1", "tp_2"), ("tp_2", "tp_3"), ("tp_3", "tp_4")]


def test_next_replaces_file_order_and_backward_edges_do_not_constrain() -> None:
    data = small_map(next=["c", "e"])
    data["stages"][2]["touchpoints"][1]["next"] = ["a"]
    found = edges(build_dot(journey_of(data)))
    visible = [(a, b, attrs) for a, b, attrs in found if "invis" not in attrs]
    assert visible == [
        ("tp_0", "tp_2", ""),
        ("tp_0", "tp_4", ""),
        ("tp_1", "tp_2", ""),
        ("tp_2", "tp_3", ""),
        ("tp_3", "tp_4", ""),
        ("tp_4", "tp_0", "constraint=false, style=dashed"),
    ]
    invisible = [(a, b) for a, b, attrs in found if "invis" in attrs]
    assert invisible == [
        ("legend", "tp_0"),
        ("tp_0", "tp_1"),
        ("tp_2", "stage_1_empty"),
        ("stage_1_empty", "tp_3"),
    ]


def test_step_storytelling_emotion_and_moment_of_truth_on_the_node() -> None:
    data = small_map(step="share", actor="advocate", emotion=-2, moment_of_truth=True, channel="email")
    node = re.search(r"^    tp_0 \[(.*)\];$", build_dot(journey_of(data)), re.MULTILINE)
    assert node is not None
    attributes = node.group(1)
    assert 'fillcolor="#44BB99"' in attributes and "penwidth=3" in attributes
    assert "peripheries=2" in attributes and "MOMENT OF TRUTH" in attributes
    assert "▼▼ −2 very negative" in attributes and "SHARE · email · advocate" in attributes
    plain = re.search(r"^    tp_1 \[(.*)\];$", build_dot(journey_of(data)), re.MULTILINE)
    assert plain is not None
    assert 'fillcolor="#DDDDDD"' in plain.group(1) and "penwidth=1" in plain.group(1)
    assert "peripheries" not in plain.group(1) and "NO STEP" in plain.group(1)


def test_long_titles_wrap_and_very_long_ones_are_cut() -> None:
    title = " ".join(f"word{n}" for n in range(80))
    label = wrapped(title, TITLE_WIDTH, 6)
    lines = label.split('<BR ALIGN="LEFT"/>')
    assert len(lines) == 6 and lines[-1].endswith("…")
    assert all(len(line) <= TITLE_WIDTH for line in lines)
    assert wrapped("short", TITLE_WIDTH, 6) == "short"


NASTY = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(2)</script>",
    'say "hi" {and} \\ back\\slash < less',
    "ends with a backslash \\",
    "line\nbreak\tand \x01 control \x7f chars",
]


def test_escaping_helpers() -> None:
    assert quoted('a "b" \\ c &#1;') == '"a \\"b\\" \\\\\\\\ c &amp;#1;"'
    assert quoted("\\N") == '"\\\\\\\\N"'  # four backslashes, read twice by Graphviz
    assert html('<a href="x">{&}</a>') == "&lt;a href=&quot;x&quot;&gt;&#123;&amp;&#125;&lt;/a&gt;"
    assert clean("line\nbreak\tand \x01 x\x7f") == "line break and x"


def test_nasty_titles_never_reach_dot_raw() -> None:
    data = small_map()
    touchpoints = data["stages"][0]["touchpoints"] + data["stages"][2]["touchpoints"]
    for tp, title in zip(touchpoints, NASTY[: len(touchpoints)], strict=True):
        tp["title"] = title
    data["stages"][0]["name"] = "<b>{stage}</b> \\ \""
    data["stages"][0]["goal"] = "</title>"
    dot = build_dot(journey_of(data))
    assert "\x01" not in dot and "\x7f" not in dot
    outside_strings = QUOTED.sub('""', dot)
    for raw in ("<script", "<img", "</title>", "<b>", "{stage}"):
        assert raw not in outside_strings
    assert 'tooltip="say \\"hi\\" {and} \\\\\\\\ back\\\\\\\\slash < less"' in dot
    assert 'tooltip="ends with a backslash \\\\\\\\"' in dot
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dot
