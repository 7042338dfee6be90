"""cjm.score: the engagement-sequence score, against the spec and a brute-force reference."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm.loader.positions import Positions
from cjm.model import DEFAULT_PHASES, STEPS, build_model
from cjm.score import MapScore, longest_chain, score_map
from tests.helpers import run

C, I, E, S = STEPS  # noqa: E741 - the spec's own letters

SPEC_EXAMPLES = [
    ([C, I, E, S], 100),
    ([C, I, S], 75),
    ([S, C, I, E], 75),
    ([E, C], 25),
    ([], 0),
]


@pytest.mark.parametrize(("steps", "score"), SPEC_EXAMPLES)
def test_spec_examples_on_longest_chain(steps: list[str], score: int) -> None:
    assert len(longest_chain(steps)) * 25 == score


def one_phase_map(steps: list[str | None]) -> dict[str, Any]:
    touchpoints = [{"id": f"t{i}", "title": f"T{i}", **({"step": s} if s else {})}
                   for i, s in enumerate(steps)]
    return {"cjm": 1, "title": "T", "phases": ["p"],
            "stages": [{"phase": "p", "touchpoints": touchpoints}]}


def score_of(data: dict[str, Any]) -> MapScore:
    journey = build_model(data, Positions())
    assert journey is not None
    return score_map(journey)


@pytest.mark.parametrize(("steps", "score"), SPEC_EXAMPLES)
def test_spec_examples_on_phase_scores(steps: list[str], score: int) -> None:
    result = score_of(one_phase_map([*steps]))
    assert [p.score for p in result.phases] == [score]
    assert result.score == score


def test_phase_score_details() -> None:
    [phase] = score_of(one_phase_map([S, None, C, I, E, None])).phases
    assert (phase.phase, phase.score, phase.touchpoints) == ("p", 75, 6)
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
          - {phase: trial, touchpoints: [{id: a, title: A, step: connect}]}
          - {phase: referral, touchpoints: [{id: b, title: B, step: inform}]}
          - {phase: trial, touchpoints: [{id: c, title: C, step: inform}, {id: d, title: D}]}
          - {phase: trial, touchpoints: [{id: e, title: E, step: share}]}
        ''')
    assert result.score is not None
    trial, referral = result.score.phases
    assert (trial.chain, trial.score, trial.touchpoints) == ([C, I, S], 75, 4)
    assert (referral.chain, referral.score) == ([I], 25)
    assert result.score.score == 50.0


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


@given(st.lists(st.sampled_from([*STEPS, None]), max_size=12))
def test_phase_score_skips_untagged_touchpoints(steps: list[str | None]) -> None:
    [phase] = score_of(one_phase_map(steps)).phases
    tagged = [s for s in steps if s]
    assert phase.score == 25 * brute_force_chain_length(tagged)
    assert phase.touchpoints == len(steps)
    assert phase.missing == [s for s in STEPS if s not in tagged]


# --- the map score ------------------------------------------------------------------------


def map_with_phase_steps(*phases: list[str]) -> dict[str, Any]:
    names = [f"p{i}" for i in range(len(phases))]
    stages = [{"phase": name, "touchpoints": [{"id": f"{name}-{j}", "title": "T", "step": s}
                                              for j, s in enumerate(steps)]}
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
    (([], []), 0.0),
])
def test_map_score_is_the_rounded_mean_with_empty_phases_as_zero(
        phases: tuple[list[str], ...], score: float) -> None:
    assert score_of(map_with_phase_steps(*phases)).score == score


def test_default_phases_apply_when_none_are_declared() -> None:
    data = {"cjm": 1, "title": "T", "stages": [
        {"phase": "awareness", "touchpoints": [{"id": "a", "title": "A", "step": C}]}]}
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


def test_prosumer_persona_is_always_engaged() -> None:
    touchpoints: tuple[dict[str, Any], ...] = ({"engagement": "spectator"}, {"engagement": "participant"}, {})
    assert score_of(map_with(*touchpoints, prosumer=True)).engagement_ratio == 1.0
    assert score_of(map_with(*touchpoints, prosumer=False)).engagement_ratio == 0.0
    [phase] = [p for p in score_of(map_with(*touchpoints, prosumer=True)).phases if p.phase == "trial"]
    assert phase.mix == {"spectator": 0, "participant": 0, "engaged": 2}


def test_advocate_shares() -> None:
    result = score_of(map_with(
        {"step": S, "actor": "customer"},                               # advocate by default
        {"step": S, "actor": "advocate"},                               # advocate by default
        {"step": S, "actor": "brand", "storytelling": "advocate"},      # explicit override
        {"step": S, "actor": "customer", "storytelling": "corporate"},  # explicit override
        {"step": S, "actor": "partner"},                                # corporate by default
        {"step": S},                                                    # brand: corporate
        {"step": C, "actor": "customer"},                               # not a share
    ))
    assert result.advocate_shares == 3


# --- metamorphic properties on generated maps ---------------------------------------------

PHASE_LISTS = st.sampled_from([list(DEFAULT_PHASES), ["a", "b"], ["a", "b", "c"]])


@st.composite
def maps(draw: st.DrawFn) -> dict[str, Any]:
    phases = draw(PHASE_LISTS)
    stages = []
    for i in range(draw(st.integers(0, 6))):
        steps = draw(st.lists(st.sampled_from([*STEPS, None]), max_size=5))
        stages.append({"phase": draw(st.sampled_from(phases)), "touchpoints": [
            {"id": f"s{i}-{j}", "title": "T", **({"step": s} if s else {})} for j, s in enumerate(steps)]})
    return {"cjm": 1, "title": "T", "phases": phases, "stages": stages}


def phase_scores(data: dict[str, Any]) -> dict[str, int]:
    return {p.phase: p.score for p in score_of(data).phases}


@given(maps(), st.data())
def test_adding_a_missing_step_never_lowers_a_score(data: dict[str, Any], draw: st.DataObject) -> None:
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
    stage["touchpoints"].insert(position, {"id": "added", "title": "Added", "step": step})
    after = score_of(changed)
    [phase_after] = [p for p in after.phases if p.phase == phase]
    assert phase_before.score <= phase_after.score <= phase_before.score + 25
    assert after.score >= before.score


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
