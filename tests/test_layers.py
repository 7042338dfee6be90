"""The layering contract in pyproject.toml ([tool.importlinter]) holds, names every
part of cjm, and really fails when a lower stage imports a higher one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _config() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        config: dict[str, object] = tomllib.load(fh)["tool"]["importlinter"]
    return config


def _layered_modules() -> set[str]:
    contracts = _config()["contracts"]
    assert isinstance(contracts, list)
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    return {name.strip() for layer in layers for name in layer.split("|")}


def _lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    if not LINT_IMPORTS.exists():
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def test_every_part_of_cjm_is_in_a_layer() -> None:
    """A new module or package at the top of cjm/ must be placed in the contract."""
    parts = {f"cjm.{path.stem}" for path in (ROOT / "cjm").iterdir()
             if (path.suffix == ".py" or (path / "__init__.py").exists()) and not path.name.startswith("__")}
    assert parts == _layered_modules()


def test_the_contract_is_kept() -> None:
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "broken" in done.stdout and "0 broken" in done.stdout


def test_a_lower_stage_importing_a_higher_one_breaks_it(tmp_path: Path) -> None:
    """A copy of cjm where the model imports the command line fails the check."""
    shutil.copytree(ROOT / "cjm", tmp_path / "cjm", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "cjm" / "model.py"
    model.write_text(model.read_text("utf-8") + "\n\ndef _bad() -> None:\n    import cjm.cli.app\n", "utf-8")
    done = _lint_imports(tmp_path, pythonpath=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "cjm.model -> cjm.cli.app" in done.stdout
