"""What got worse: perverse-consequence and regression, one finding per phase that got worse."""

from __future__ import annotations

from typing import Any

from cjm.check.changes import DiffResult
from tests.diff.maps import compare, journey, spec_example, tp

PHASES = ["awareness", "trial", "commitment"]


def three(awareness: list[dict[str, Any]], trial: list[dict[str, Any]],
          commitment: list[dict[str, Any]]) -> str:
    return journey(("awareness", awareness), ("trial", trial), ("commitment", commitment), phases=PHASES)


def found(result: DiffResult) -> list[tuple[str, str | None, str]]:
    return [(d.rule, d.phase, d.message) for d in result.findings]


def test_the_spec_example_is_one_perverse_consequence_on_commitment() -> None:
    result = compare(*spec_example())
    assert found(result) == [("perverse-consequence", "commitment", "trial got better (mean emotion -2 → +2) "
                              "but commitment got worse (mean emotion +1 → -2)")]
    assert result.findings[0].touchpoint == "first-invoice"  # the one touchpoint that got worse
    assert result.findings[0].severity.value == "warning"


def test_worse_with_nothing_better_is_a_regression() -> None:
    old = three([tp("ad", emotion=1)], [tp("signup", emotion=1)], [tp("invoice", emotion=1)])
    new = three([tp("ad", emotion=1)], [tp("signup", emotion=1)],
                [tp("invoice", emotion=1, pain_points=["Surprise charge"])])
    assert found(compare(old, new)) == [
        ("regression", "commitment", "commitment got worse (pain points 0 → 1) and no phase got better")]


def test_a_phase_better_and_worse_at_once_with_no_other_change_gives_nothing() -> None:
    old = three([tp("ad", emotion=1)], [tp("signup", emotion=-1)], [tp("invoice", emotion=1)])
    new = three([tp("ad", emotion=1)], [tp("signup", emotion=1, pain_points=["Long form"])],
                [tp("invoice", emotion=1)])
    result = compare(old, new)
    assert result.findings == []
    trial = result.diff.phases[1]  # type: ignore[union-attr]
    assert trial.verdict == "mixed" and trial.better == ("emotion",) and trial.worse == ("pain_points",)


def test_a_mixed_phase_is_the_better_counterpart_of_another() -> None:
    old = three([tp("ad", emotion=1)], [tp("signup", emotion=-1)], [tp("invoice", emotion=1)])
    new = three([tp("ad", emotion=1)], [tp("signup", emotion=1, pain_points=["Long form"])],
                [tp("invoice", emotion=0)])
    assert [(rule, phase) for rule, phase, _ in found(compare(old, new))] == [
        ("perverse-consequence", "commitment")]


def test_each_worse_phase_gets_one_finding_naming_the_phase_that_got_most_better() -> None:
    old = journey(("awareness", [tp("ad", emotion=0)]),
                  ("trial", [tp("signup", emotion=-2, pain_points=["Card"])]),
                  ("commitment", [tp("invoice", emotion=1)]), ("referral", [tp("tip", emotion=2)]),
                  phases=[*PHASES, "referral"])
    new = journey(("awareness", [tp("ad", emotion=1)]), ("trial", [tp("signup", emotion=2)]),
                  ("commitment", [tp("invoice", emotion=-1)]), ("referral", [tp("tip", emotion=1)]),
                  phases=[*PHASES, "referral"])
    assert found(compare(old, new)) == [
        ("perverse-consequence", "commitment", "trial got better (mean emotion -2 → +2, pain points 1 → 0) "
         "but commitment got worse (mean emotion +1 → -1)"),
        ("perverse-consequence", "referral", "trial got better (mean emotion -2 → +2, pain points 1 → 0) "
         "but referral got worse (mean emotion +2 → +1)")]


def test_a_falling_score_is_worse_and_points_at_the_phase() -> None:
    def walk(prefix: str, steps: tuple[str, ...]) -> list[dict[str, Any]]:
        return [tp(f"{prefix}-{step}", step) for step in steps]

    full = ("connect", "inform", "entertain", "share")
    old = three(walk("a", full), walk("t", full), walk("c", full))
    new = three(walk("a", full), walk("t", full[:3]), walk("c", full))
    result = compare(old, new)
    assert found(result) == [
        ("regression", "trial", "trial got worse (score 50 → 37.5) and no phase got better")]
    [finding] = result.findings
    assert finding.touchpoint is None and '"phase": "trial"' in new.splitlines()[finding.line - 1]


def test_maps_that_are_not_scored_compare_emotion_and_pain_points_only() -> None:
    old = three([tp("ad")], [tp("signup", emotion=1)], [tp("invoice")])
    new = three([tp("ad"), tp("ad2")], [tp("signup", emotion=0)], [tp("invoice")])
    result = compare(old, new)
    assert all(p.score.old is None and p.score.new is None for p in result.diff.phases)  # type: ignore[union-attr]
    assert found(result) == [
        ("regression", "trial", "trial got worse (mean emotion +1 → 0) and no phase got better")]


def test_a_phase_without_emotions_has_no_emotion_to_compare() -> None:
    old = three([tp("ad")], [tp("signup")], [tp("invoice", emotion=1)])
    new = three([tp("ad", emotion=-2)], [tp("signup")], [tp("invoice", emotion=1)])
    result = compare(old, new)
    assert result.findings == []  # awareness had no emotion before: -2 is not a fall
    assert result.diff.phases[0].emotion.old is None and result.diff.phases[0].verdict == "same"  # type: ignore[union-attr]


def test_phases_added_or_removed_are_neither_better_nor_worse() -> None:
    old = journey(("awareness", [tp("ad", emotion=1)]), ("trial", [tp("signup", emotion=-2)]),
                  phases=["awareness", "trial"])
    new = journey(("awareness", [tp("ad", emotion=1)]), ("referral", [tp("tip", emotion=-2)]),
                  phases=["awareness", "referral"])
    result = compare(old, new)
    assert result.findings == []
    assert [(p.phase, p.status, p.verdict) for p in result.diff.phases] == [  # type: ignore[union-attr]
        ("awareness", "same", "same"), ("trial", "removed", "same"), ("referral", "added", "same")]


def test_means_are_compared_as_shown_rounded_to_one_decimal() -> None:
    old = three([tp("ad", emotion=1)], [tp("a", emotion=2), tp("b", emotion=-1), tp("c", emotion=0)],
                [tp("invoice", emotion=1)])  # mean 1/3, shown 0.3
    new = three([tp("ad", emotion=1)], [tp("a", emotion=1), tp("b", emotion=0), tp("c", emotion=0),
                                        tp("d", emotion=0)], [tp("invoice", emotion=1)])  # 1/4, shown 0.3
    assert compare(old, new).findings == []


def test_the_finding_points_at_the_one_touchpoint_that_made_the_phase_worse() -> None:
    ad = [tp("ad", emotion=1)]
    old = three(ad, [tp("signup", emotion=-1)], [tp("plans", emotion=1), tp("invoice", emotion=1)])
    one = three(ad, [tp("signup", emotion=1)], [tp("plans", emotion=1), tp("invoice", emotion=-1)])
    two = three([tp("ad", emotion=1)], [tp("signup", emotion=1)],
                [tp("plans", emotion=0), tp("invoice", emotion=-1)])
    [at_one] = compare(old, one).findings
    [at_phase] = compare(old, two).findings
    assert at_one.touchpoint == "invoice" and at_phase.touchpoint is None
    new_text = one.splitlines()
    assert '"emotion": -1' in new_text[at_one.line - 1]
    assert '"phase": "commitment"' in two.splitlines()[at_phase.line - 1]
