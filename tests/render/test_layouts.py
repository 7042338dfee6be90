"""The layout cache (cjm.render.layouts): a drawing laid out once is read back, not laid out again.

A fake engine counts its runs and writes one SVG per graph it reads, so the
tests see exactly which layouts Graphviz was asked for.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cjm.render import layouts
from cjm.render.graphviz import Graphviz
from cjm.render.layouts import lay_out, lay_out_all, layout_key
from tests.render.test_svg import fake_executable, pytestmark_posix

pytestmark = pytestmark_posix

COUNTING = """echo run >> "$(dirname "$0")/runs"
text=$(cat)
echo "$text" | grep -o 'digraph [a-z0-9]*' | while read -r _ name; do
  echo '<?xml version="1.0"?>'; echo "<svg>$name</svg>"
done"""


@pytest.fixture
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Graphviz:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return Graphviz(str(fake_executable(tmp_path / "engine", "dot", COUNTING)), "dot")


def runs(engine: Graphviz) -> int:
    log = Path(engine.path).parent / "runs"
    return len(log.read_text().splitlines()) if log.exists() else 0


def test_a_layout_is_made_once_then_read_back(engine: Graphviz) -> None:
    assert lay_out("digraph a {}", engine) == '<?xml version="1.0"?>\n<svg>a</svg>\n'
    assert lay_out("digraph a {}", engine) == '<?xml version="1.0"?>\n<svg>a</svg>\n'
    assert runs(engine) == 1


def test_only_the_missing_layouts_are_made_in_one_process_in_order(engine: Graphviz) -> None:
    lay_out("digraph b {}", engine)
    svgs = lay_out_all(["digraph a {}", "digraph b {}", "digraph c {}"], engine)
    assert [svg.split("<svg>")[1].split("<")[0] for svg in svgs] == ["a", "b", "c"]
    assert runs(engine) == 2  # b alone, then a and c together
    lay_out_all(["digraph c {}", "digraph a {}"], engine)
    assert runs(engine) == 2


def test_another_engine_lays_out_afresh(engine: Graphviz, tmp_path: Path) -> None:
    lay_out("digraph a {}", engine)
    other = Graphviz(str(fake_executable(tmp_path / "other", "dot", COUNTING)), "dot")
    lay_out("digraph a {}", other)
    assert runs(engine) == 1 and runs(other) == 1
    assert layout_key("digraph a {}", engine) != layout_key("digraph a {}", other)


def test_a_damaged_layout_is_made_again(engine: Graphviz) -> None:
    lay_out("digraph a {}", engine)
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "cjm" / "layouts"
    kept = folder / f"{layout_key('digraph a {}', engine)}.svg"
    kept.write_text("half a fi", "utf-8")
    assert "<svg>a</svg>" in lay_out("digraph a {}", engine)
    assert runs(engine) == 2 and "<svg>a</svg>" in kept.read_text("utf-8")


def test_a_cache_that_cannot_be_written_is_passed_over(engine: Graphviz, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-file").write_text("", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a-file"))
    assert "<svg>a</svg>" in lay_out("digraph a {}", engine)
    assert "<svg>a</svg>" in lay_out("digraph a {}", engine)
    assert runs(engine) == 2


def test_past_keep_the_oldest_half_goes(engine: Graphviz, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layouts, "KEEP", 4)
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "cjm" / "layouts"
    for n, name in enumerate("abcde"):
        lay_out(f"digraph {name} {{}}", engine)
        kept = folder / f"{layout_key(f'digraph {name} {{}}', engine)}.svg"
        os.utime(kept, ns=(n * 10**9, n * 10**9))  # written one second apart
    names = {path.read_text("utf-8").split("<svg>")[1][0] for path in folder.glob("*.svg")}
    assert names == {"c", "d", "e"}
