"""The Mermaid export of every sample map, and of a map of hostile titles, drawn by the real Mermaid.

One `mmdc` call (the npm `@mermaid-js/mermaid-cli` that .ci/setup installs
in .ci/node, driving Debian's chromium; about a second per call) renders a
Markdown file holding every diagram; mmdc stops at the first Mermaid error.
Each SVG must then show exactly what the map says: the title, one section
per stage, one task per touchpoint with its title and its face (score), and
every actor. Skipped, saying why, only where mmdc or chromium is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from cjm.interop.mermaid_out import section_text, shorten, to_mermaid
from cjm.interop.mermaid_syntax import score_of, unescape
from cjm.model import JourneyMap
from tests.interop.maps import HOSTILE, REPO, SAMPLES, journey_of

MMDC = REPO / ".ci" / "node" / "node_modules" / ".bin" / "mmdc"
MAPS = [*SAMPLES, HOSTILE]
XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"


def chromium() -> str | None:
    found = os.environ.get("CJM_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).exists() else None


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, ET.Element]:
    browser = chromium()
    if not MMDC.exists() or browser is None:
        pytest.skip("the Mermaid test needs the Mermaid CLI in .ci/node and Debian's chromium: run "
                    "`bash .ci/setup` as root (it runs npm ci with PUPPETEER_SKIP_DOWNLOAD=1)")
    folder = tmp_path_factory.mktemp("mermaid")
    (folder / "puppeteer.json").write_text(json.dumps(
        {"executablePath": browser, "args": ["--no-sandbox", "--headless", "--disable-gpu"]}))
    blocks = [to_mermaid(journey_of(path), markdown=True) for path in MAPS]
    (folder / "maps.md").write_text("\n".join(blocks), encoding="utf-8")
    done = subprocess.run([str(MMDC), "-q", "-i", "maps.md", "-o", "drawn.md", "-p", "puppeteer.json"],
                          cwd=folder, capture_output=True, text=True, timeout=300, check=False)
    drawn = sorted(folder.glob("drawn-*.svg"), key=lambda p: int(p.stem.split("-")[1]))
    failed = MAPS[len(drawn)].name if len(drawn) < len(MAPS) else "?"
    assert done.returncode == 0, f"Mermaid could not draw {failed}:\n{done.stdout}{done.stderr}"
    assert len(drawn) == len(MAPS)
    return {path: ET.parse(svg).getroot() for path, svg in zip(MAPS, drawn, strict=True)}


def labels(svg: ET.Element, kind: str) -> list[str]:
    """The text of every section (`journey-section`) or task (`task`) box, in order."""
    return ["".join(label.itertext()) for box in svg.iter(f"{XHTML}div")
            if box.get("class", "").split()[0] == kind for label in box.iter(f"{XHTML}div")
            if label.get("class") == "label"]


def faces(svg: ET.Element) -> list[int]:
    """Each task's score, read back from where Mermaid put its face (cy = 300 + (5 - score) * 30)."""
    return [5 - (int(float(c.get("cy", "0"))) - 300) // 30 for c in svg.iter(f"{SVG}circle")
            if c.get("class") == "face"]


def expected(journey: JourneyMap) -> dict[str, Any]:
    return {
        "title": " ".join((journey.text("title") or "").split()),
        "sections": [unescape(section_text(stage)) for stage in journey.stages if stage.touchpoints],
        "tasks": [shorten(tp.title) for tp in journey.touchpoints],
        "faces": [score_of(tp.emotion) for tp in journey.touchpoints],
    }


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_mermaid_draws_every_stage_touchpoint_and_face(path: Path, drawn: dict[Path, ET.Element]) -> None:
    svg, journey = drawn[path], journey_of(path)
    texts = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert expected(journey)["title"] in texts
    assert {
        "title": expected(journey)["title"], "sections": list(dict.fromkeys(labels(svg, "journey-section"))),
        "tasks": labels(svg, "task"), "faces": faces(svg),
    } == expected(journey)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_actor_is_named_on_its_tasks(path: Path, drawn: dict[Path, ET.Element]) -> None:
    journey = journey_of(path)
    actors = {"".join(t.itertext()) for t in drawn[path].iter(f"{SVG}title")}
    persona = journey.section("persona").get("name") or "Customer"
    assert " ".join(persona.split()) in actors
    if journey.text("brand") and any(tp.actor == "brand" for tp in journey.touchpoints):
        assert " ".join(journey.text("brand").split()) in actors  # type: ignore[union-attr]
    for actor in journey.declared_actors:
        if any(tp.actor == actor.id for tp in journey.touchpoints):
            assert " ".join(actor.name.split()) in actors
