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
