"""cjm.score: the engagement score of edition 2, against the spec, a brute-force reference
and the laws it must keep (0..100, more engagement never lowers it, no steps: not scored)."""

from __future__ import annotations

import copy
import itertools
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm.loader.positions import Positions
from cjm.model import DEFAULT_PHASES, ENGAGEMENTS, STEPS, build_model
from cjm.score import MapScore, longest_chain, round_half_up, score_map
from tests.helpers import run

C, I, E, S = STEPS  # noqa: E741 - the spec's own letters

SPEC_SEQUENCES = [
    ([C, I, E, S], 100),
    ([C, I, S], 75),
    ([S, C, I, E], 75),
    ([E, C], 25),
    ([], 0),
]


@pytest.mark.parametrize(("steps", "sequence"), SPEC_SEQUENCES)
def test_spec_examples_on_longest_chain(steps: list[str], sequence: int) -> None:
    assert len(longest_chain(steps)) * 25 == sequence


def one_phase_map(steps: list[str | None], engagement: list[str | None] | None = None,
                  prosumer: bool | None = None) -> dict[str, Any]:
    levels = engagement or [None] * len(steps)
    pairs = enumerate(zip(steps, levels, strict=True))
    touchpoints = [{"id": f"t{i}", "title": f"T{i}", **({"step": s} if s else {}),
                    **({"engagement": e} if e else {})} for i, (s, e) in pairs]
    data: dict[str, Any] = {"cjm": 1, "title": "T", "phases": ["p"],
                            "stages": [{"phase": "p", "touchpoints": touchpoints}]}
    if prosumer is not None:
        data["persona"] = {"name": "M", "prosumer": prosumer}
    return data


def score_of(data: dict[str, Any]) -> MapScore:
    journey = build_model(data, Positions())
    assert journey is not None
    return score_map(journey)


@pytest.mark.parametrize(("steps", "sequence"), SPEC_SEQUENCES[:-1])
def test_spec_sequences_with_default_engagement(steps: list[str], sequence: int) -> None:
    """Nobody sets engagement: every touchpoint participates (depth 50), so the score is half the sequence."""
    result = score_of(one_phase_map([*steps]))
    [phase] = result.phases
    assert (phase.sequence, phase.depth, phase.score) == (sequence, 50, Fraction(sequence, 2))
    assert result.score == sequence / 2 and result.sequence == sequence


def test_the_spec_worked_example() -> None:
    """C (spectator), I (participant), E (engaged), S (engaged): sequence 100, depth 62.5, score 62.5;
    the same phase with no engagement anywhere: depth 50, score 50."""
    [phase] = score_of(one_phase_map([C, I, E, S], ["spectator", "participant", "engaged", "engaged"])).phases
    assert (phase.sequence, phase.depth, phase.score) == (100, Fraction(125, 2), Fraction(125, 2))
    assert phase.to_dict()["depth"] == 62.5 and phase.to_dict()["score"] == 62.5
    [plain] = score_of(one_phase_map([C, I, E, S])).phases
    assert (plain.depth, plain.score) == (50, 50)


def test_a_phase_where_everyone_watches_scores_zero_whatever_its_sequence() -> None:
    result = score_of(one_phase_map([C, I, E, S], ["spectator"] * 4))
    assert result.score == 0.0 and result.sequence == 100.0


def test_an_empty_phase_scores_zero_and_has_no_depth() -> None:
    data = one_phase_map([C])
    data["phases"] = ["p", "q"]
    result = score_of(data)
    q = result.phases[1]
    assert (q.sequence, q.depth, q.score, q.touchpoints) == (0, None, 0, 0)
    assert q.to_dict()["depth"] is None
    assert result.score == round_half_up(Fraction(25 * 50, 100) / 2)


def test_effective_engagement_of_consumers_and_prosumers() -> None:
    levels: list[str | None] = ["spectator", "participant", None]
    consumer = score_of(one_phase_map([C, I, E], levels, prosumer=False)).phases[0]
    prosumer = score_of(one_phase_map([C, I, E], levels, prosumer=True)).phases[0]
    assert consumer.mix == {"spectator": 1, "participant": 2, "engaged": 0}
    assert prosumer.mix == {"spectator": 1, "participant": 1, "engaged": 1}  # a set value is kept
    assert consumer.depth == Fraction(100, 3) and prosumer.depth == 50


def test_phase_score_details() -> None:
    [phase] = score_of(one_phase_map([S, None, C, I, E, None])).phases
    assert (phase.phase, phase.sequence, phase.touchpoints) == ("p", 75, 6)
    assert phase.chain == [C, I, E]
    assert phase.missing == []
    assert phase.out_of_order == [S]
    [phase] = score_of(one_phase_map([C, I, S])).phases
    assert (phase.chain, phase.missing, phase.out_of_order) == ([C, I, S], [E], [])


def test_phase_is_read_across_its_stages_in_file_order() -> None:
    result = run('''
        cjm: 1
        title: T
        phases: [trial, referral]
        stages:
          - {phase: trial, touchpoints: [{id: a, title: A, step: connect, engagement: engaged}]}
          - {phase: referral, touchpoints: [{id: b, title: B, step: inform, engagement: engaged}]}
          - {phase: trial, touchpoints: [{id: c, title: C, step: inform}, {id: d, title: D}]}
          - {phase: trial, touchpoints: [{id: e, title: E, step: share, engagement: spectator}]}
        ''')
    assert result.score is not None
    trial, referral = result.score.phases
    assert (trial.chain, trial.sequence, trial.touchpoints, trial.depth) == ([C, I, S], 75, 4, 50)
    assert (referral.chain, referral.sequence, referral.depth) == ([I], 25, 100)
    assert result.score.score == round_half_up((Fraction(75 * 50, 100) + 25) / 2)  # 31.25 -> 31.3
    assert result.score.score == 31.3 and result.score.sequence == 50.0


# --- not scored -------------------------------------------------------------------------------


def test_a_map_without_any_step_is_not_scored() -> None:
    result = score_of(one_phase_map([None, None], ["engaged", "spectator"]))
    assert result.score is None and result.sequence is None and not result.scored
    assert result.to_dict()["score"] is None and result.to_dict()["phases"][0]["score"] is None
    assert result.phases[0].depth == 50  # engagement is still measured
    assert result.depth == 50.0


def test_not_scored_is_a_failure_reason_under_fail_under() -> None:
    result = run('''
        cjm: 1
        title: T
        stages:
          - {phase: awareness, touchpoints: [{id: a, title: A}]}
        ''')
    assert result.score_value is None
    assert result.judged(fail_under=10).why_failed == ["not scored"]
    assert result.judged().why_failed == []


# --- brute-force reference ----------------------------------------------------------------


def brute_force_chain_length(steps: list[str]) -> int:
    """The longest strictly increasing subsequence, by trying every subsequence."""
    ranks = [STEPS.index(s) for s in steps]
    for length in range(min(len(ranks), 4), 0, -1):
        for combo in itertools.combinations(ranks, length):
            if all(a < b for a, b in itertools.pairwise(combo)):
                return length
    return 0


def is_subsequence(chain: list[str], steps: list[str]) -> bool:
    remaining = iter(steps)
    return all(step in remaining for step in chain)


@given(st.lists(st.sampled_from(STEPS), max_size=12))
def test_longest_chain_matches_brute_force(steps: list[str]) -> None:
    chain = longest_chain(steps)
    assert len(chain) == brute_force_chain_length(steps)
    assert all(STEPS.index(a) < STEPS.index(b) for a, b in itertools.pairwise(chain))
    assert is_subsequence(chain, steps)


@given(st.lists(st.sampled_from([*STEPS, None]), min_size=1, max_size=12),
       st.lists(st.sampled_from([*ENGAGEMENTS, None]), min_size=12, max_size=12))
def test_phase_score_is_sequence_times_depth(steps: list[str | None], levels: list[str | None]) -> None:
    [phase] = score_of(one_phase_map(steps, levels[: len(steps)])).phases
    tagged = [s for s in steps if s]
    weight = {"spectator": 0, "participant": 50, "engaged": 100}
    weights = [weight[e or "participant"] for e in levels[: len(steps)]]
    assert phase.sequence == 25 * brute_force_chain_length(tagged)
    assert phase.depth == Fraction(sum(weights), len(weights))
    assert phase.score == phase.sequence * phase.depth / 100
    assert phase.touchpoints == len(steps)
    assert phase.missing == [s for s in STEPS if s not in tagged]


# --- the map score ------------------------------------------------------------------------


def map_with_phase_steps(*phases: list[str]) -> dict[str, Any]:
    """Every touchpoint engaged, so the phase score is its sequence."""
    names = [f"p{i}" for i in range(len(phases))]
    stages = [{"phase": name, "touchpoints": [{"id": f"{name}-{j}", "title": "T", "step": s,
                                               "engagement": "engaged"} for j, s in enumerate(steps)]}
              for name, steps in zip(names, phases, strict=True) if steps]
    return {"cjm": 1, "title": "T", "phases": names, "stages": stages}


@pytest.mark.parametrize(("phases", "score"), [
    (([C, I, E, S], [C, I, S], []), 58.3),
    (([E, C], []), 12.5),
    (([C], [], [], []), 6.3),  # 6.25 rounds half up, not to even
    (([C, I, E], [], [], []), 18.8),
    (([C], [], [], [], [], [], [], []), 3.1),  # 3.125
    (([C, I, E, S],), 100.0),
    (([C, I], [C, I, E, S], [C, I, E, S]), 83.3),
    (([C, I, E], [C, I, E, S], [C, I, E, S]), 91.7),
])
def test_map_score_is_the_rounded_mean_with_empty_phases_as_zero(
        phases: tuple[list[str], ...], score: float) -> None:
    result = score_of(map_with_phase_steps(*phases))
    assert result.score == score == result.sequence


def test_map_score_uses_unrounded_phase_scores() -> None:
    """Phases of 31.25 and 0: the mean of the unrounded scores is 15.625 -> 15.6, where the mean
    of the rounded ones (31.3 and 0) would be 15.65 -> 15.7."""
    data = {"cjm": 1, "title": "T", "phases": ["a", "b"], "stages": [
        {"phase": "a", "touchpoints": [
            {"id": "a1", "title": "T", "step": C, "engagement": "spectator"},
            {"id": "a2", "title": "T", "step": I, "engagement": "participant"},
            {"id": "a3", "title": "T", "engagement": "engaged"},
            {"id": "a4", "title": "T", "engagement": "engaged"}]}]}
    result = score_of(data)
    assert result.phases[0].score == Fraction(3125, 100)
    assert result.phases[0].to_dict()["score"] == 31.3
    assert result.score == 15.6


def test_default_phases_apply_when_none_are_declared() -> None:
    data = {"cjm": 1, "title": "T", "stages": [
        {"phase": "awareness", "touchpoints": [
            {"id": "a", "title": "A", "step": C, "engagement": "engaged"}]}]}
    result = score_of(data)
    assert [p.phase for p in result.phases] == list(DEFAULT_PHASES)
    assert result.score == 5.0


def test_stages_of_unknown_phases_are_not_scored() -> None:
    data = map_with_phase_steps([C, I, E, S])
    data["stages"].append({"phase": "elsewhere", "touchpoints": [{"id": "x", "title": "X", "step": C}]})
    assert [p.phase for p in score_of(data).phases] == ["p0"]


# --- engagement ratio and advocate shares -------------------------------------------------


def map_with(*touchpoints: dict[str, Any], prosumer: bool | None = None) -> dict[str, Any]:
    tps = [{"id": f"t{i}", "title": "T", **tp} for i, tp in enumerate(touchpoints)]
    data: dict[str, Any] = {"cjm": 1, "title": "T", "stages": [{"phase": "trial", "touchpoints": tps}]}
    if prosumer is not None:
        data["persona"] = {"name": "M", "prosumer": prosumer}
    return data


def test_engagement_ratio_is_null_when_no_touchpoint_sets_engagement() -> None:
    assert score_of(map_with({}, {"step": C})).engagement_ratio is None
    assert score_of(map_with()).engagement_ratio is None


def test_engagement_ratio_counts_engaged_among_those_that_set_it() -> None:
    result = score_of(map_with({"engagement": "engaged"}, {"engagement": "spectator"},
                               {"engagement": "participant"}, {}))
    assert result.engagement_ratio == 0.333
    assert score_of(map_with({"engagement": "engaged"}, {})).engagement_ratio == 1.0
    assert score_of(map_with({"engagement": "spectator"})).engagement_ratio == 0.0
    prosumer = map_with({"engagement": "spectator"}, {}, prosumer=True)
    assert score_of(prosumer).engagement_ratio == 0.0  # the ratio counts what the map sets


def test_advocate_shares() -> None:
    result = score_of(map_with(
        {"step": S, "actor": "customer"},                               # advocate by default
        {"step": S, "actor": "advocate"},                               # advocate by default
        {"step": S, "actor": "brand", "storytelling": "advocate"},      # explicit override
        {"step": S, "actor": "customer", "storytelling": "corporate"},  # explicit override
        {"step": S, "actor": "partner"},                                # corporate by default
        {"step": S},                                                    # brand: corporate
        {"step": C, "actor": "customer"},                               # not a share
        {"step": C, "actor": "customer", "storytelling": "advocate"},   # not a share either
    ))
    assert result.advocate_shares == 3


def test_storytelling_is_derived_on_shares_only() -> None:
    journey = build_model(map_with({"step": C, "actor": "customer"}, {"step": S, "actor": "customer"},
                                   {"actor": "advocate"}, {"step": S}), Positions())
    assert journey is not None
    assert [tp.storytelling for tp in journey.touchpoints] == [None, "advocate", None, "corporate"]


@pytest.mark.parametrize(("kind", "storytelling"), [
    ("customer", "advocate"), ("frontstage", "corporate"), ("backstage", "corporate"),
    ("support", "corporate"), ("system", "corporate")])
def test_a_declared_actors_share_is_told_by_its_kind(kind: str, storytelling: str) -> None:
    data = map_with({"step": S, "actor": "someone"},
                    {"step": S, "actor": "someone", "storytelling": "advocate"})
    data["actors"] = [{"id": "someone", "name": "Someone", "kind": kind}]
    journey = build_model(data, Positions())
    assert journey is not None
    assert [tp.storytelling for tp in journey.touchpoints] == [storytelling, "advocate"]
    assert [tp.actor_kind for tp in journey.touchpoints] == [kind, kind]


# --- laws on generated maps ----------------------------------------------------------------

PHASE_LISTS = st.sampled_from([list(DEFAULT_PHASES), ["a", "b"], ["a", "b", "c"]])
LEVELS = st.sampled_from([*ENGAGEMENTS, None])


@st.composite
def maps(draw: st.DrawFn) -> dict[str, Any]:
    phases = draw(PHASE_LISTS)
    stages = []
    for i in range(draw(st.integers(0, 6))):
        steps = draw(st.lists(st.sampled_from([*STEPS, None]), max_size=5))
        touchpoints = []
        for j, step in enumerate(steps):
            level = draw(LEVELS)
            touchpoints.append({"id": f"s{i}-{j}", "title": "T", **({"step": step} if step else {}),
                                **({"engagement": level} if level else {})})
        stages.append({"phase": draw(st.sampled_from(phases)), "touchpoints": touchpoints})
    data: dict[str, Any] = {"cjm": 1, "title": "T", "phases": phases, "stages": stages}
    if draw(st.booleans()):
        data["persona"] = {"name": "P", "prosumer": draw(st.booleans())}
    return data


def phase_scores(data: dict[str, Any]) -> dict[str, Fraction]:
    return {p.phase: p.score for p in score_of(data).phases}


def _touchpoints(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [tp for stage in data["stages"] for tp in stage["touchpoints"]]


@given(maps())
def test_scores_stay_within_0_and_100(data: dict[str, Any]) -> None:
    result = score_of(data)
    for phase in result.phases:
        assert 0 <= phase.score <= 100 and 0 <= phase.sequence <= 100
        assert phase.depth is None or 0 <= phase.depth <= 100
    for value in (result.score, result.sequence, result.depth):
        assert value is None or 0 <= value <= 100


@given(maps())
def test_a_map_with_no_step_is_never_scored(data: dict[str, Any]) -> None:
    result = score_of(data)
    has_steps = any("step" in tp for tp in _touchpoints(data))
    assert result.scored == has_steps
    if not has_steps:
        assert result.score is None and result.sequence is None


@given(maps(), st.data())
def test_more_engagement_never_lowers_a_score(data: dict[str, Any], draw: st.DataObject) -> None:
    """Raising one touchpoint's engagement (spectator < participant < engaged) never lowers its
    phase's score or the map's."""
    touchpoints = _touchpoints(data)
    if not touchpoints:
        return
    index = draw.draw(st.integers(0, len(touchpoints) - 1))
    before = score_of(data)
    raised = copy.deepcopy(data)
    tp = _touchpoints(raised)[index]
    now = tp.get("engagement")
    higher = ENGAGEMENTS[ENGAGEMENTS.index(now) + 1:] if now else ["engaged"]
    if not higher:
        return
    tp["engagement"] = draw.draw(st.sampled_from(higher))
    after = score_of(raised)
    for old, new in zip(before.phases, after.phases, strict=True):
        assert new.score >= old.score
    assert (after.score or 0) >= (before.score or 0)


@given(maps(), st.data())
def test_adding_a_missing_step_never_lowers_a_sequence(data: dict[str, Any], draw: st.DataObject) -> None:
    phase = draw.draw(st.sampled_from(data["phases"]))
    before = score_of(data)
    [phase_before] = [p for p in before.phases if p.phase == phase]
    if not phase_before.missing:
        return
    step = draw.draw(st.sampled_from(phase_before.missing))
    changed = copy.deepcopy(data)
    stages = [s for s in changed["stages"] if s["phase"] == phase]
    if not stages or draw.draw(st.booleans()):
        stages.append({"phase": phase, "touchpoints": []})
        changed["stages"].insert(draw.draw(st.integers(0, len(changed["stages"]))), stages[-1])
    stage = draw.draw(st.sampled_from(stages))
    position = draw.draw(st.integers(0, len(stage["touchpoints"])))
    added = {"id": "added", "title": "Added", "step": step, "engagement": "engaged"}
    stage["touchpoints"].insert(position, added)
    after = score_of(changed)
    [phase_after] = [p for p in after.phases if p.phase == phase]
    assert phase_before.sequence <= phase_after.sequence <= phase_before.sequence + 25
    assert (after.sequence or 0) >= (before.sequence or 0)


@given(maps(), st.data())
def test_moving_a_touchpoint_changes_only_the_two_phases(data: dict[str, Any], draw: st.DataObject) -> None:
    sources = [(i, j) for i, s in enumerate(data["stages"]) for j in range(len(s["touchpoints"]))]
    if not sources:
        return
    i, j = draw.draw(st.sampled_from(sources))
    moved = copy.deepcopy(data)
    touchpoint = moved["stages"][i]["touchpoints"].pop(j)
    origin = moved["stages"][i]["phase"]
    target = draw.draw(st.sampled_from([p for p in moved["phases"] if p != origin]))
    targets = [s for s in moved["stages"] if s["phase"] == target]
    if not targets:
        targets = [{"phase": target, "touchpoints": []}]
        moved["stages"].append(targets[0])
    stage = draw.draw(st.sampled_from(targets))
    stage["touchpoints"].insert(draw.draw(st.integers(0, len(stage["touchpoints"]))), touchpoint)
    before, after = phase_scores(data), phase_scores(moved)
    assert {p for p in before if before[p] != after[p]} <= {origin, target}
