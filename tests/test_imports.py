"""Layering and start-up guards: the core never imports the CLI or presentation
libraries, and `cjm validate` stays lean."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ["loader", "positions", "diagnostic", "schema", "model", "engine", "config", "suppress",
        "score", "rules", "rules_doc", "map_files", "render", "fmt", "preview"]
FORBIDDEN_IN_CORE = ("typer", "rich", "click", "cjm.cli", "cjm.report")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _core_files() -> list[Path]:
    files: list[Path] = []
    for name in CORE:
        module, package = ROOT / "cjm" / f"{name}.py", ROOT / "cjm" / name
        files += [module] if module.exists() else sorted(package.rglob("*.py"))
    return files


def test_core_never_imports_cli_or_presentation() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _core_files()
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN_IN_CORE or name.startswith(FORBIDDEN_IN_CORE)
    ]
    assert offenders == []


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_validate_imports_no_renderer_and_no_typer() -> None:
    sample = ROOT / "sample_maps" / "streaming-subscription.cjm.yaml"
    code = (
        "import sys, io, contextlib\n"
        "from cjm.cli.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['validate', {str(sample)!r}])\n"
        "assert code == 0, code\n"
        "print(' '.join(sys.modules))\n"
    )
    loaded = _modules_after(code)
    heavy = {"jinja2", "graphviz", "typer", "click", "jsonschema", "pydantic", "rich", "cjm.render"}
    assert heavy & loaded == set()


def test_importing_cjm_imports_nothing_else() -> None:
    loaded = _modules_after("import sys, cjm; print(' '.join(sys.modules))")
    assert not {m for m in loaded if m.startswith(("ruamel", "cjm.")) or m in ("typer", "rich")}
