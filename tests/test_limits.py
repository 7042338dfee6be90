"""Bounded work on any map: limits named in findings, hint lists capped, "did you mean" budgeted.

(Timings live in bench/growth.py; these tests check the bounds themselves.)"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.check import engine
from cjm.check.engine import check_text
from cjm.diagnostic import MAX_GUESSES, Guesser, listed
from cjm.loader.positions import Positions
from cjm.loader.size import count_touchpoints
from cjm.model import build_model


def test_phases_over_the_limit_are_one_finding_and_nothing_else_runs() -> None:
    names = ", ".join(f"p{i}" for i in range(1_200))
    result = check_text(f"cjm: 1\ntitle: T\nphases: [{names}]\nstages: []\n")
    assert [(d.rule, d.line, d.column) for d in result.diagnostics] == [("schema", 3, 1)]
    assert result.diagnostics[0].message == "phases has 1,200 phases; cjm checks maps of up to 1,000 phases"
    assert result.score is None


def test_touchpoints_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_TOUCHPOINTS", 3)
    rows = "".join(f"      - {{id: t{i}, title: T}}\n" for i in range(4))
    result = check_text(f"cjm: 1\ntitle: T\nstages:\n  - phase: awareness\n    touchpoints:\n{rows}")
    [finding] = result.diagnostics
    assert (finding.rule, finding.line, finding.message) == (
        "schema", 3, "the map has 4 touchpoints; cjm checks maps of up to 3 touchpoints")
    assert result.journey is None and result.score is None  # refused before its model is built


KEYS = st.sampled_from(["stages", "touchpoints", "phase", "title", "id"])


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.integers() | st.text(max_size=3),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
                    max_leaves=30))
def test_touchpoints_are_counted_as_the_model_counts_them(data: object) -> None:
    journey = build_model(data, Positions())
    assert count_touchpoints(data) == (len(journey.touchpoints) if journey is not None else 0)


def test_a_hint_lists_ten_names_and_counts_the_rest() -> None:
    assert listed(["a", "b"]) == "a, b"
    assert listed([f"p{i}" for i in range(25)]) == "p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 15 more"
    names = ", ".join(f"phase-{i}" for i in range(40))
    stages = "stages:\n  - {phase: elsewhere, touchpoints: []}\n"
    result = check_text(f"cjm: 1\ntitle: T\nphases: [{names}]\n{stages}")
    [finding] = [d for d in result.diagnostics if d.rule == "unknown-phase"]
    assert finding.hint is not None and finding.hint.endswith("phase-9 and 30 more, or add it to `phases`")


def test_did_you_mean_has_a_budget_and_a_bounded_pool() -> None:
    guess = Guesser([f"touchpoint-{i}" for i in range(50_000)])
    assert guess("touchpoint-12x") is not None
    answers = [guess(f"nothing-like-{i}") for i in range(MAX_GUESSES + 10)]
    assert guess.budget == 0 and answers[-1] is None
    assert guess("touchpoint-12x") is not None  # a word already guessed costs nothing


def test_thousands_of_unknown_ids_each_get_a_finding() -> None:
    targets = ", ".join(f"missing-{i}" for i in range(5_000))
    result = check_text("cjm: 1\ntitle: T\nstages:\n  - phase: awareness\n    touchpoints:\n"
                        f"      - {{id: missing-1x, title: A, next: [{targets}]}}\n")
    found = [d for d in result.diagnostics if d.rule == "unknown-reference"]
    assert len(found) == 5_000
    assert sum("did you mean" in d.message for d in found) <= MAX_GUESSES


def test_repeated_phases_are_found_in_one_pass() -> None:
    names = ", ".join([f"p{i}" for i in range(500)] * 2)
    result = check_text(f"cjm: 1\ntitle: T\nphases: [{names}]\nstages: []\n")
    assert sum(1 for d in result.diagnostics if "twice" in d.message) == 500
