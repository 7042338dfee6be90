"""Start-up guards for `cjm score`: a plain command line, as JSON or as a scorecard into a pipe,
pays for no module that `cjm validate` does not: no typer app, no rich (the plain writer of
cjm.report.plain draws the scorecard where rich would print no colour), no argparse (options read
by the loop of cjm.cli.options), no dataclasses or inspect (cjm.records)."""

from __future__ import annotations

import pytest

from tests.test_imports import ROOT, _modules_after

UNUSED = {"typer", "click", "rich", "argparse", "dataclasses", "inspect", "jinja2", "cjm.render",
          "cjm.cli.app"}


def _score_modules(*args: str) -> set[str]:
    """The modules loaded once `cjm score ARGS SAMPLE` has written to a file that is not a terminal."""
    sample = ROOT / "sample_maps" / "streaming-subscription.cjm.yaml"
    code = (
        "import os, sys, contextlib\n"
        "from cjm.cli.entry import main\n"
        "with open(os.devnull, 'w', encoding='utf-8') as out, contextlib.redirect_stdout(out):\n"
        f"    code = main(['score', *{list(args)!r}, {str(sample)!r}])\n"
        "assert code == 0, code\n"
        "print(' '.join(sys.modules))\n"
    )
    return _modules_after(code)


@pytest.mark.parametrize("args", [["--format", "json"], []], ids=["json", "piped scorecard"])
def test_score_imports_nothing_validate_does_not(args: list[str]) -> None:
    loaded = _score_modules(*args)
    assert UNUSED & loaded == set()
    assert ("cjm.report.plain" in loaded) == (not args)  # the scorecard was drawn, without rich


def test_a_scorecard_on_a_terminal_is_drawn_by_rich() -> None:
    code = (
        "import io, sys, contextlib\n"
        "class Terminal(io.StringIO):\n"
        "    def isatty(self): return True\n"
        "from cjm.cli.entry import main\n"
        "with contextlib.redirect_stdout(Terminal()):\n"
        f"    code = main(['score', {str(ROOT / 'sample_maps' / 'streaming-subscription.cjm.yaml')!r}])\n"
        "print(' '.join(sys.modules))\n"
    )
    loaded = _modules_after(code)
    assert "rich" in loaded and {"typer", "click", "argparse"} & loaded == set()
