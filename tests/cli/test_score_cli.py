"""`cjm score` at the widths people use: golden scorecards and overviews at 60, 80 and 120 columns.

Every phase and map name is shown whole at every width (a name that does not fit wraps, it is
never cut with an ellipsis), no line is wider than the terminal, and a pipe gets 80 columns.
Regenerate on purpose with `CJM_UPDATE_GOLDEN=1 pytest tests/cli/test_score_cli.py` and review
`git diff tests/cli/golden`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cjm.model import DEFAULT_PHASES as PHASES
from tests.harness import REPO, cjm, cjm_process

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN", "") not in ("", "0")
CARD = "sample_maps/needs-work/gaps-and-order.cjm.yaml"
CASES = {
    "card": ("score", CARD, "--fail-under", "50"),
    "overview": ("score", "sample_maps", "sample_maps/needs-work", "--fail-under", "60"),
}


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("case", CASES)
def test_scorecards_match_golden_at_each_width(case: str, width: int) -> None:
    done = cjm(*CASES[case], env={"CJM_WIDTH": str(width)})
    assert done.returncode == 1, done.stderr  # both cases hold a map below the bar
    path = GOLDEN / f"score-{case}-{width}.txt"
    if UPDATE:
        path.write_text(done.stdout, encoding="utf-8", newline="\n")
    assert done.stdout == path.read_text("utf-8")
    assert max(len(line) for line in done.stdout.splitlines()) <= width
    assert "…" not in done.stdout and not any(line.endswith(" ") for line in done.stdout.splitlines())


@pytest.mark.parametrize("width", [60, 80, 120])
def test_every_phase_name_is_whole_on_its_row(width: int) -> None:
    out = cjm("score", CARD, env={"CJM_WIDTH": str(width)}).stdout
    rows = [line.split()[0] for line in out.splitlines() if line.split()[:1] and line.split()[0] in PHASES]
    assert rows == list(PHASES)


def test_a_pipe_and_columns_80_show_whole_phase_names() -> None:
    """`cjm score MAP | cat` and `COLUMNS=80 cjm score MAP`, through the real command."""
    for env in ({"CJM_WIDTH": None}, {"CJM_WIDTH": None, "COLUMNS": "80"}):
        out = cjm_process("score", CARD, env=env).stdout
        assert all(f"\n{phase} " in out for phase in PHASES), out
        assert max(len(line) for line in out.splitlines()) <= 80


def test_a_failing_map_is_marked_in_the_scorecard_and_the_overview() -> None:
    card = cjm(*CASES["card"]).stdout
    assert "Fails: score 48.5 is below --fail-under 50" in card
    overview = cjm(*CASES["overview"]).stdout
    assert "✗  needs-work/gaps-and-order" in overview and "failed:" in overview


def test_score_with_no_path_scores_the_current_folder(tmp_path: Path) -> None:
    (tmp_path / "a.cjm.yaml").write_bytes((REPO / CARD).read_bytes())
    done = cjm("score", cwd=tmp_path)
    assert done.returncode == 0 and "a.cjm.yaml" in done.stdout


def test_both_parsers_of_score_take_the_same_options() -> None:
    """The argparse parser (running) and the typer command (help, completion, mistakes) come from
    cjm.cli.score.OPTIONS."""
    from typer.main import get_command

    from cjm.cli.app import app
    from cjm.cli.score import OPTIONS, build_parser

    command = get_command(app).commands["score"]  # type: ignore[attr-defined]
    typer_flags = {flag for param in command.params for flag in (*param.opts, *param.secondary_opts)
                   if flag.startswith("-")}
    argparse_flags = {flag for action in build_parser()._actions for flag in action.option_strings}
    assert typer_flags == argparse_flags  # click adds its help option itself, not a param
    helps = {param.opts[0]: param.help for param in command.params if getattr(param, "help", None)}
    assert all(helps[option.flags[0]] == option.help for option in OPTIONS)


@pytest.mark.parametrize("args", [
    ["--fail-under", "50", CARD],
    ["-fjson", CARD],
    [CARD, "--strict", "sample_maps/b2b-saas-trial.cjm.yaml"],
])
def test_a_plain_command_line_runs_without_the_app(args: list[str]) -> None:
    from cjm.cli.score import parse

    assert parse(args) is not None


@pytest.mark.parametrize(("args", "said"), [
    (["--fail-under", "150", CARD], "invalid value for '--fail-under': 150.0 is not in the range 0<=x<=100"),
    (["--fail-under", "abc", CARD], "'abc' is not a valid float range"),
    (["--strict=1", CARD], "option '--strict' does not take a value"),
    (["-V", CARD], "no such option: -V; see `cjm score --help`"),
    (["--format"], "option '--format' requires an argument"),
    (["-a b"], "no such option: -a"),
])
def test_a_mistake_is_worded_by_the_app(args: list[str], said: str) -> None:
    from cjm.cli.score import parse

    assert parse(args) is None
    done = cjm("score", *args)
    assert done.returncode == 2 and said in done.stderr, done.stderr


def test_score_checks_its_format_and_bar_itself() -> None:
    assert "--format must be one of text, json, not 'sarif'" in cjm("score", "-f", "sarif", CARD).stderr
    assert "--fail-under nan: use a score from 0 to 100" in cjm("score", "--fail-under", "nan", CARD).stderr
