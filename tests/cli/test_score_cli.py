"""`cjm score` at the widths people use: golden scorecards and overviews at 60, 80 and 120 columns.

Every phase and map name is shown whole at every width (a name that does not fit wraps, it is
never cut with an ellipsis), no line is wider than the terminal, and a pipe gets 80 columns.
Regenerate on purpose with `CJM_UPDATE_GOLDEN=1 pytest tests/cli/test_score_cli.py` and review
`git diff tests/cli/golden`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm.model import DEFAULT_PHASES as PHASES
from tests.cli.test_validate_options import joined
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


def _score_command() -> Any:
    from typer.main import get_command

    from cjm.cli.app import app

    return get_command(app).commands["score"]  # type: ignore[attr-defined]


def test_both_readings_of_score_take_the_same_options() -> None:
    """The quick loop (running) and the typer command (help, completion, mistakes) come from
    cjm.cli.score.OPTIONS."""
    from cjm.cli.score import OPTIONS

    command = _score_command()
    typer_flags = {flag for param in command.params for flag in (*param.opts, *param.secondary_opts)
                   if flag.startswith("-")}
    assert typer_flags == {flag for option in OPTIONS for flag in option.flags}  # click adds --help itself
    helps = {param.opts[0]: param.help for param in command.params if getattr(param, "help", None)}
    assert all(helps[option.flags[0]] == option.help for option in OPTIONS)


PATH = st.sampled_from(["maps", "a.cjm.yaml", "dir/b.cjm.yml", ".", "-"])
VALUE = {"--format": st.sampled_from(["text", "json"]), "-f": st.sampled_from(["text", "json"]),
         "--fail-under": st.integers(0, 100).map(str) | st.sampled_from(["0.5", "99.9", "1e1"])}
OPTION = st.sampled_from(sorted(VALUE)).flatmap(
    lambda flag: st.tuples(st.just(flag), VALUE[flag], st.booleans()).map(joined))
ARGUMENT = st.one_of(PATH.map(lambda p: [p]), st.just(["--strict"]), OPTION)


@given(st.lists(ARGUMENT, max_size=8), st.lists(PATH | st.just("-x.cjm.yaml"), max_size=2))
def test_the_quick_reading_is_the_app_s(parts: list[list[str]], after: list[str]) -> None:
    """On every plain command line (and paths after `--`), the loop reads what click reads."""
    from cjm.cli.score import parse

    argv = [word for part in parts for word in part] + (["--", *after] if after else [])
    quick = parse(argv)
    assert quick is not None, argv
    params = _score_command().make_context("score", list(argv)).params
    assert (quick.paths, quick.format, quick.strict, quick.fail_under) == (
        list(params["paths"] or ["."]), params["format"], params["strict"], params["fail_under"])


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
