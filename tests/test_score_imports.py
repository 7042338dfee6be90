"""Start-up guards for `cjm score`: a plain command line runs without the typer app."""

from __future__ import annotations

from tests.test_imports import ROOT, _modules_after


def _score_modules(*args: str) -> set[str]:
    sample = ROOT / "sample_maps" / "streaming-subscription.cjm.yaml"
    code = (
        "import sys, io, contextlib\n"
        "from cjm.cli.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['score', *{list(args)!r}, {str(sample)!r}])\n"
        "assert code == 0, code\n"
        "print(' '.join(sys.modules))\n"
    )
    return _modules_after(code)


def test_score_as_json_imports_neither_typer_nor_rich() -> None:
    loaded = _score_modules("--format", "json")
    assert {"typer", "click", "rich", "jinja2", "cjm.render", "cjm.cli.app"} & loaded == set()


def test_a_piped_scorecard_imports_no_typer() -> None:
    """The text scorecard is laid out by rich's tables (the goldens hold it to the byte), so rich is
    imported for it, but not typer or click."""
    loaded = _score_modules()
    assert {"typer", "click", "jinja2", "cjm.render", "cjm.cli.app"} & loaded == set()
    assert "rich" in loaded
