"""Start-up guards: `cjm validate` and `import cjm` stay lean at run time.

The static layering (the core never imports the CLI or the terminal
libraries) is the import-linter contract that tests/test_layers.py runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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
