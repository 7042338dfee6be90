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


def _modules_after_validate(sample: Path) -> set[str]:
    """The modules loaded once `cjm validate SAMPLE` has run, in a fresh interpreter (exit 0)."""
    return _modules_after(
        "import sys, io, contextlib\n"
        "from cjm.cli.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['validate', {str(sample)!r}])\n"
        "assert code == 0, code\n"
        "print(' '.join(sys.modules))\n"
    )


def test_validate_imports_no_renderer_and_no_typer() -> None:
    sample = ROOT / "sample_maps" / "streaming-subscription.cjm.yaml"
    loaded = _modules_after_validate(sample)
    heavy = {"jinja2", "graphviz", "typer", "click", "jsonschema", "pydantic", "rich", "cjm.render",
             "argparse"}  # options are read by a small loop (cjm.cli.validate); argparse only on errors
    assert heavy & loaded == set()


def test_importing_cjm_imports_nothing_else() -> None:
    loaded = _modules_after("import sys, cjm; print(' '.join(sys.modules))")
    assert not {m for m in loaded if m.startswith(("ruamel", "cjm.")) or m in ("typer", "rich")}


def test_validate_for_github_imports_no_terminal_library(tmp_path: Path) -> None:
    """CI runs `cjm validate --format github` on every push: annotations and the job summary are
    plain text, with no rich, typer or renderer."""
    maps = ROOT / "sample_maps" / "needs-work"
    code = (
        "import os, sys, io, contextlib\n"
        f"os.environ['GITHUB_STEP_SUMMARY'] = {str(tmp_path / 'summary.md')!r}\n"
        "from cjm.cli.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['validate', '--format', 'github', '--strict', {str(maps)!r}])\n"
        "assert code == 1, code\n"
        "print(' '.join(sys.modules))\n"
    )
    loaded = _modules_after(code)
    assert {"jinja2", "graphviz", "typer", "click", "rich", "cjm.render"} & loaded == set()
    assert "cjm.report.github_summary" in loaded and (tmp_path / "summary.md").exists()


def test_validate_pays_for_no_module_it_does_not_use(tmp_path: Path) -> None:
    """The pre-commit path outside a project with a cjm config (so no TOML parser): no dataclasses
    (cjm.records), no argparse (options read by a loop), no typing at run time, no pathlib (paths are
    text, cjm.check.discover), no json (the schema is Python data), and the loader's Builder and its
    YAML-mistake explanations only for a map the fast path cannot take."""
    sample = tmp_path / "map.cjm.yaml"
    sample.write_text((ROOT / "sample_maps" / "streaming-subscription.cjm.yaml").read_text("utf-8"), "utf-8")
    loaded = _modules_after_validate(sample)
    unused = {"dataclasses", "inspect", "argparse", "typing", "tomllib", "pathlib", "urllib.parse", "json",
              "cjm.loader.build", "cjm.loader.mistakes"}
    assert unused & loaded == set()


def test_fmt_imports_no_ruamel_for_a_map_the_fast_writer_takes(tmp_path: Path) -> None:
    """`cjm fmt --check` on a sample map writes its layout with cjm.fmt.fast: ruamel.yaml's pure-Python
    round trip (and its import) is only for the maps that writer declines. A plain fmt command line
    (the pre-commit hook's) is read without the typer app, and a map already formatted needs no
    diff (difflib), dataclasses, nor pathlib (only writing a file does)."""
    sample = tmp_path / "map.cjm.yaml"
    sample.write_text((ROOT / "sample_maps" / "streaming-subscription.cjm.yaml").read_text("utf-8"), "utf-8")
    loaded = _modules_after(
        "import sys, io, contextlib\n"
        "from cjm.cli.entry import main\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        f"    code = main(['fmt', '--check', {str(sample)!r}])\n"
        "assert code == 0, code\n"
        "print(' '.join(sys.modules))\n"
    )
    assert "cjm.fmt.fast" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("ruamel", "typer", "click", "rich")}
    assert {"difflib", "dataclasses", "argparse", "pathlib", "json"} & loaded == set()
