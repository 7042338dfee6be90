"""The shipped sample maps are the project's demo: hold them to what they promise."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.check.engine import check_file
from cjm.fmt import format_text
from cjm.rules import CHANGE_RULES, RULES, STRUCTURAL

SAMPLES = Path(__file__).resolve().parents[1] / "sample_maps"
MAIN = sorted(SAMPLES.glob("*.cjm.yaml"))
NEEDS_WORK = sorted((SAMPLES / "needs-work").glob("*.cjm.yaml"))


def test_there_are_four_main_samples_and_some_that_need_work() -> None:
    assert len(MAIN) >= 4 and len(NEEDS_WORK) >= 3


@pytest.mark.parametrize("path", MAIN, ids=lambda p: p.name)
def test_main_samples_are_clean_and_score_high_for_real_reasons(path: Path) -> None:
    """No finding at all; every phase walks the whole sequence; customers mostly engage; advocates
    share in ten words or fewer; someone steps into the open role."""
    result = check_file(path)
    assert result.diagnostics == []
    assert result.score is not None and result.score.score is not None
    assert result.score.score >= 80 and result.score.sequence == 100.0
    assert result.score.engagement_ratio is not None and result.score.engagement_ratio >= 0.5
    journey = result.journey
    assert journey is not None and journey.open_role
    assert any(tp.steps_into_role for tp in journey.touchpoints)
    shares = [tp for tp in journey.touchpoints if tp.is_advocate_share]
    assert shares and all(tp.message for tp in shares)


@pytest.mark.parametrize("path", NEEDS_WORK, ids=lambda p: p.name)
def test_needs_work_samples_are_valid_but_warned(path: Path) -> None:
    result = check_file(path)
    assert result.valid and result.diagnostics


def test_every_engagement_rule_fires_in_some_needs_work_sample() -> None:
    """The change rules need two versions of a map: the redesign pair shows them (test_redesign_sample)."""
    fired = {d.rule for path in NEEDS_WORK for d in check_file(path).diagnostics}
    assert fired == set(RULES) - STRUCTURAL - CHANGE_RULES


@pytest.mark.parametrize("path", MAIN + NEEDS_WORK, ids=lambda p: p.name)
def test_samples_are_in_canonical_layout(path: Path) -> None:
    text = path.read_text("utf-8")
    assert format_text(text) == text, f"run `cjm fmt {path}`"
