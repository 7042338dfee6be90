"""The built wheel carries the page templates: build it, install it into a fresh venv
(dependencies from PyPI, as a user's pip would), and render a sample map from there,
outside the source tree, so the templates can only come from inside the wheel.

Slow (a build and a venv with its dependencies): `pytest -m "not slow"` skips it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_maps" / "retail-store-visit.cjm.yaml"
BUILT_IN = ("map.html.j2", "header.html.j2", "grid.html.j2", "card.html.j2", "emotion.html.j2",
            "scorecard.html.j2", "legend.html.j2", "flow.html.j2", "styles.css")

pytestmark = pytest.mark.slow


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "CJM_DOT")}
    env.update({"NO_COLOR": "1", "CJM_WIDTH": "100", "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900, check=False)
    assert proc.returncode == 0, f"{args}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _source_copy(target: Path) -> Path:
    """The files a wheel is built from, copied so the build leaves nothing in the checkout."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("cjm", "templates", "sample_maps"):
        shutil.copytree(REPO / folder, target / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, target / name)
    if not (target / "README.md").exists():
        (target / "README.md").write_text("# cjm\n", "utf-8")
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build", reason="the wheel test needs `build` (pip install -e '.[test]')")
    work = tmp_path_factory.mktemp("wheel")
    source = _source_copy(work / "src")
    _run(sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", source, cwd=work)
    (built,) = (work / "dist").glob("cjm_cli-*.whl")
    return built


def test_the_wheel_holds_every_built_in_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"cjm/templates/{name}" for name in BUILT_IN} <= names


def test_a_fresh_install_renders_from_the_wheels_templates(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    _run(scripts / "python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    where = _run(scripts / "python", "-c",
                 "from cjm.resources import TEMPLATES, data_dir; print(data_dir(TEMPLATES) / 'map.html.j2')",
                 cwd=tmp_path).stdout.strip()
    assert Path(where).is_relative_to(venv) and Path(where).is_file()
    map_copy = tmp_path / "maps" / SAMPLE.name
    map_copy.parent.mkdir()
    shutil.copy2(SAMPLE, map_copy)
    _run(scripts / "cjm", "render", "maps", "-o", "out", cwd=tmp_path)
    page = (tmp_path / "out" / "retail-store-visit.html").read_text("utf-8")
    assert "<polyline" in page and 'class="grid"' in page and 'class="flow' in page
    assert (tmp_path / "out" / "retail-store-visit.svg").read_text("utf-8").lstrip().startswith("<")
    # The other commands work from the installed wheel too (no click, no source tree).
    samples = _run(scripts / "cjm", "init", "--from", "list", cwd=tmp_path).stdout
    assert "streaming-subscription" in samples
    _run(scripts / "cjm", "init", "new.cjm.yaml", "--from", "streaming-subscription", cwd=tmp_path)
    _run(scripts / "cjm", "init", "blank.cjm.yaml", "--title", "Blank: a test", cwd=tmp_path)
    for command in (("validate",), ("score",), ("fmt", "--check")):
        _run(scripts / "cjm", *command, "new.cjm.yaml", "blank.cjm.yaml", cwd=tmp_path)
