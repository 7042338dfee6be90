"""Graphviz lookup, and the SVG it lays out, checked by structure, never by bytes.

SVG tests use the Graphviz cjm would use (`CJM_DOT`, else graphviz-pure, else
system dot) and are skipped, saying so, only when there is none at all.
"""

from __future__ import annotations

import json
import os
import stat
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from cjm.check.engine import check_file, check_text
from cjm.loader.positions import Positions
from cjm.model import JourneyMap, build_model
from cjm.render import graphviz as graphviz_module
from cjm.render.dot import build_dot
from cjm.render.dot_labels import clean
from cjm.render.graphviz import (
    NO_GRAPHVIZ,
    Graphviz,
    RenderError,
    find_graphviz,
    render_svg,
    render_svgs,
    scripts_folder,
    svg_for_inline,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "sample_maps").rglob("*.cjm.yaml"))
SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
NASTY = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(2)</script>",
    'say "hi" {and} \\ back\\slash < less',
    "ends with a backslash \\",
    "Graphviz escapes \\N \\G \\E \\T \\H \\L \\n \\l stay text",
    "]]> <!-- comment --> <![CDATA[x]]> Q&A &#1; &#xD800; &#65535;",
    "control \x01 \x7f \ud800 \ufffe chars\tand\u2028breaks",
]


@pytest.fixture(scope="module")
def graphviz() -> Graphviz:
    found = find_graphviz(os.environ.get("CJM_DOT"))
    if found is None:
        pytest.skip(f"SVG tests need a Graphviz graphviz: {NO_GRAPHVIZ}")
    return found


def journey_of(data: dict[str, Any]) -> JourneyMap:
    """The model of `data`. Text the YAML loader refuses (a lone surrogate) is built
    straight into the model, so the DOT escaping is tested even for it."""
    text = json.dumps(data)
    result = check_text(text, "test.cjm.yaml")
    if "\\ud800" in text:
        assert not result.valid  # the loader refuses it: a surrogate is not a character
        journey = build_model(data, Positions())
        assert journey is not None
        return journey
    assert result.valid, [d.message for d in result.diagnostics]
    assert result.journey is not None
    return result.journey


def render(journey: JourneyMap, graphviz: Graphviz) -> ET.Element:
    return ET.fromstring(render_svg(build_dot(journey), graphviz))


def groups(svg: ET.Element, kind: str) -> dict[str, ET.Element]:
    """The `<g class=kind>` elements by their `<title>`."""
    found = {}
    for group in svg.iter(f"{SVG}g"):
        if group.get("class") == kind:
            found[group.findtext(f"{SVG}title") or ""] = group
    return found


def node_text(group: ET.Element) -> str:
    return " ".join(text.text or "" for text in group.iter(f"{SVG}text"))


def squeezed(text: str) -> str:
    """`text` without whitespace: a title wrapped over lines (maybe mid-word) still matches."""
    return "".join(text.split())


def tooltip(group: ET.Element) -> str | None:
    anchor = group.find(f".//{SVG}a")
    return anchor.get(XLINK_TITLE) if anchor is not None else None


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_map_svg_structure(path: Path, graphviz: Graphviz) -> None:
    journey = check_file(path).journey
    assert journey is not None
    svg = render(journey, graphviz)
    nodes = groups(svg, "node")
    touchpoints = {name: group for name, group in nodes.items() if name.startswith("tp_")}
    assert len(touchpoints) == len(journey.touchpoints)
    assert set(nodes) - set(touchpoints) == {"legend"} | {f"stage_{s.index}_empty" for s in journey.stages
                                                          if not s.touchpoints}
    for n, tp in enumerate(journey.touchpoints):
        group = touchpoints[f"tp_{n}"]
        assert tooltip(group) == clean(tp.title)
        assert squeezed(tp.title) in squeezed(node_text(group))
        assert group.get("id") == f"flow-tp-{tp.id}"
    clusters = groups(svg, "cluster")
    assert sorted(clusters) == sorted(["cluster_legend", *(f"cluster_{s.index}" for s in journey.stages)])


def test_edges_for_a_small_map_with_next(graphviz: Graphviz) -> None:
    tps: list[dict[str, Any]] = [{"id": name, "title": f"Touchpoint {name}"} for name in "abcde"]
    tps[0]["next"] = ["c"]
    tps[4]["next"] = ["b"]
    data = {"cjm": 1, "title": "Edges", "phases": ["awareness", "trial"], "stages": [
        {"phase": "awareness", "touchpoints": tps[:3]}, {"phase": "trial", "touchpoints": tps[3:]}]}
    svg = render(journey_of(data), graphviz)
    assert set(groups(svg, "edge")) == {"tp_0->tp_2", "tp_1->tp_2", "tp_2->tp_3", "tp_3->tp_4", "tp_4->tp_1"}
    assert len(groups(svg, "cluster")) == 3


def test_nasty_titles_give_valid_harmless_svg(graphviz: Graphviz) -> None:
    tps = [{"id": f"t{n}", "title": title} for n, title in enumerate(NASTY)]
    name, goal = '</title>{"\\<', "<img src=x onerror=alert(1)>"
    stage = {"phase": "awareness", "name": name, "goal": goal, "touchpoints": tps}
    data = {"cjm": 1, "title": "<script>x</script>", "phases": ["awareness"], "stages": [stage]}
    journey = journey_of(data)
    text = render_svg(build_dot(journey), graphviz)
    svg = ET.fromstring(text)
    for element in svg.iter():
        assert not element.tag.endswith("script")
        assert not any(name.lower().startswith("on") for name in element.attrib)
    nodes = groups(svg, "node")
    for n, title in enumerate(NASTY):
        assert tooltip(nodes[f"tp_{n}"]) == clean(title)
        assert squeezed(clean(title)) in squeezed(node_text(nodes[f"tp_{n}"]))
    assert "</title>{\"\\<" in node_text(groups(svg, "cluster")["cluster_0"])


def test_a_map_of_300_touchpoints_renders(graphviz: Graphviz) -> None:
    steps = ["connect", "inform", "entertain", "share"]
    stages = []
    for s in range(30):
        tps = [{"id": f"tp-{s}-{t}", "title": f"Touchpoint {t} of stage {s}, with a longer title to wrap",
                "step": steps[t % 4], "emotion": (t % 5) - 2, "moment_of_truth": t == 3} for t in range(10)]
        if s % 3 == 2:
            tps[-1]["next"] = [f"tp-{s - 2}-0"]
        stages.append({"phase": ["awareness", "involvement", "trial", "commitment", "referral"][s // 6],
                       "name": f"Stage {s}", "touchpoints": tps})
    journey = journey_of({"cjm": 1, "title": "Big", "stages": stages})
    svg = render(journey, graphviz)
    assert sum(1 for name in groups(svg, "node") if name.startswith("tp_")) == 300
    assert len(groups(svg, "cluster")) == 31


def test_svg_for_inline_keeps_only_the_svg_element(graphviz: Graphviz) -> None:
    inline = svg_for_inline(render_svg("digraph { a -> b }", graphviz))
    assert inline.startswith("<svg") and inline.endswith("</svg>")
    assert "<?xml" not in inline and "DOCTYPE" not in inline
    assert ET.fromstring(inline).tag == f"{SVG}svg"
    with pytest.raises(RenderError):
        svg_for_inline("<?xml version='1.0'?><html/>")


def test_graphs_laid_out_together_come_back_as_one_at_a_time(graphviz: Graphviz) -> None:
    journey = check_file(ROOT / "sample_maps" / "retail-store-visit.cjm.yaml").journey
    assert journey is not None
    sources = [build_dot(journey, range(start, start + 3)) for start in (0, 3, 6)] + ["digraph { a -> b }"]
    assert render_svgs(sources, graphviz) == [render_svg(source, graphviz) for source in sources]
    assert render_svgs([], graphviz) == []


def test_a_bad_graph_among_several_is_named_by_graphviz(graphviz: Graphviz) -> None:
    with pytest.raises(RenderError, match="syntax error"):
        render_svgs(["digraph { a -> b }", "digraph { a -> }", "digraph { c }"], graphviz)


def test_bad_dot_raises_with_graphviz_message(graphviz: Graphviz) -> None:
    with pytest.raises(RenderError, match="syntax error"):
        render_svg("digraph { a -> }", graphviz)


# Graphviz lookup: fake executables, no Graphviz needed.


def fake_executable(folder: Path, name: str, script: str = "exit 0") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """An empty scripts folder and an empty PATH folder, returned as (scripts, path)."""
    scripts, path = tmp_path / "scripts", tmp_path / "path"
    scripts.mkdir()
    path.mkdir()
    monkeypatch.setattr(graphviz_module, "scripts_folder", lambda: str(scripts))
    monkeypatch.setenv("PATH", str(path))
    return scripts, path


pytestmark_posix = pytest.mark.skipif(os.name == "nt", reason="fake engines are shell scripts")


@pytestmark_posix
def test_explicit_path_wins(isolated: tuple[Path, Path], tmp_path: Path) -> None:
    scripts, path = isolated
    fake_executable(scripts, "graphviz-pure")
    fake_executable(path, "dot")
    mine = fake_executable(tmp_path / "mine", "my-dot")
    assert find_graphviz(str(mine)) == Graphviz(str(mine), "my-dot")
    assert find_graphviz("dot") == Graphviz(str(path / "dot"), "dot")


def test_missing_explicit_path_is_an_error_naming_it(isolated: tuple[Path, Path], tmp_path: Path) -> None:
    missing = tmp_path / "no" / "dot"
    with pytest.raises(RenderError, match="does not exist") as error:
        find_graphviz(str(missing))
    assert str(missing) in error.value.message
    with pytest.raises(RenderError, match="not an executable"):
        find_graphviz(str(tmp_path))


@pytestmark_posix
def test_bundled_graphviz_pure_then_path(isolated: tuple[Path, Path]) -> None:
    scripts, path = isolated
    dot = fake_executable(path, "dot")
    assert find_graphviz(None) == Graphviz(str(dot), "dot")
    on_path = fake_executable(path, "graphviz-pure")
    assert find_graphviz(None) == Graphviz(str(on_path), "graphviz-pure")
    bundled = fake_executable(scripts, "graphviz-pure")
    assert find_graphviz(None) == Graphviz(str(bundled), "graphviz-pure")


def test_scripts_folder_is_the_one_sysconfig_names() -> None:
    """The shortcut taken in a virtual environment names the folder sysconfig does."""
    assert Path(scripts_folder()) == Path(sysconfig.get_path("scripts"))


def test_no_engine_at_all(isolated: tuple[Path, Path]) -> None:
    assert find_graphviz(None) is None
    assert "pip install graphviz-pure==0.2.2" in NO_GRAPHVIZ and "CJM_DOT" in NO_GRAPHVIZ


@pytestmark_posix
def test_an_engine_that_reads_only_one_graph_is_run_once_per_graph(tmp_path: Path) -> None:
    """An engine that writes one document for several graphs: each is laid out on its own."""
    script = "cat > /dev/null; echo '<?xml version=\"1.0\"?>'; echo \"<svg>$$</svg>\""
    engine = Graphviz(str(fake_executable(tmp_path, "dot", script)), "dot")
    documents = render_svgs(["digraph { a }", "digraph { b }", "digraph { c }"], engine)
    assert len(documents) == 3 and len(set(documents)) == 3  # three processes, three pids


@pytestmark_posix
def test_engine_failure_carries_its_stderr(tmp_path: Path) -> None:
    broken = fake_executable(tmp_path, "dot", "echo 'Error: out of cheese' >&2; exit 3")
    with pytest.raises(RenderError, match=r"exit 3.*out of cheese"):
        render_svg("digraph {}", Graphviz(str(broken), "dot"))
    with pytest.raises(RenderError, match="could not run"):
        render_svg("digraph {}", Graphviz(str(tmp_path / "gone"), "dot"))
