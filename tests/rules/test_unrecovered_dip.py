"""unrecovered-dip: a negative emotion from which nothing the customer can reach later feels better.

Reach follows `next` (default: the next touchpoint in file order, across
stages and phases; `next: []` ends a path), forward in the file only. The
finding points at the touchpoint of the dip.
"""

from __future__ import annotations

from cjm.rules import unrecovered_dip
from tests.helpers import RuleChecker, rule_alone

check = RuleChecker("unrecovered-dip")
RULE = "unrecovered-dip"


def test_dip_at_the_end_of_a_phase() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: signup, title: Sign up, emotion: 1}
              - {id: card-wall, title: Credit card required, emotion: -2}
        ''', (8, 9, RULE, "trial"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert message.startswith("'card-wall' leaves the customer at emotion -2")


def test_equal_emotion_after_a_dip_is_not_a_recovery() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - id: card-wall
                title: Credit card required
                emotion: -1
              - id: support
                title: Support ticket
                emotion: -1
        ''', (6, 9, RULE, "trial"), (9, 9, RULE, "trial"))


def test_a_recovery_in_a_later_phase_counts() -> None:
    """The dip in trial is recovered in commitment: the customer reaches it (edition 2)."""
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - {id: card-wall, title: Credit card required, emotion: -2}
          - phase: commitment
            touchpoints:
              - {id: first-win, title: First win, emotion: 2}
        ''')


def test_next_empty_ends_the_path_so_nothing_later_recovers() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - {id: card-wall, title: Credit card required, emotion: -2, next: []}
              - {id: first-win, title: First win, emotion: 2}
        ''', (6, 9, RULE, "trial"))
    [dip] = [d for d in result.diagnostics if d.rule == RULE]
    assert "its path ends there (`next: []`)" in dip.message


def test_a_dip_on_a_branch_that_never_recovers_is_reported() -> None:
    """The surprise fee leads only to cancelling; the happy branch beside it does not help."""
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: commitment
            touchpoints:
              - {id: checkout, title: Checkout, emotion: 0, next: [fee, discount]}
              - {id: fee, title: Surprise fee, emotion: -2, next: [cancel]}
              - {id: discount, title: First-order discount, emotion: 2, next: [welcome]}
              - {id: cancel, title: Cancels the order, emotion: -2, next: []}
              - {id: welcome, title: Welcome box, emotion: 2}
        ''', (7, 9, RULE, "commitment"), (9, 9, RULE, "commitment"))


def test_a_dip_with_one_recovering_branch_is_recovered() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: commitment
            touchpoints:
              - {id: fee, title: Surprise fee, emotion: -2, next: [cancel, support]}
              - {id: cancel, title: Cancels, emotion: -2, next: []}
              - {id: support, title: Support refunds the fee, emotion: 1}
        ''', (7, 9, RULE, "commitment"))


def test_a_loop_back_to_the_start_is_not_a_recovery() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: ad, title: Ad, emotion: 2}
          - phase: referral
            touchpoints:
              - {id: lost, title: Lost the referral code, emotion: -1, next: [ad]}
        ''', (9, 9, RULE, "referral"))


def test_reach_passes_through_touchpoints_without_emotion() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, emotion: -1}
              - {id: b, title: B}
              - {id: c, title: C, emotion: 1}
        ''')


def test_a_long_journey_of_dips_is_checked_in_one_pass() -> None:
    """20,000 dips in a row, each recovered only by the last touchpoint, itself a dip: the one
    finding is the last. One pass, not a search from every dip."""
    from cjm.loader.positions import Positions
    from cjm.model import build_model

    touchpoints = [{"id": f"t{i}", "title": "T", "emotion": -1 if i == 19_999 else -2} for i in range(20_000)]
    data = {"cjm": 1, "title": "T", "stages": [{"phase": "trial", "touchpoints": touchpoints}]}
    journey = build_model(data, Positions())
    assert journey is not None
    found = list(unrecovered_dip.check(journey))
    assert [f.message.split("'")[1] for f in found] == ["t19999"]


def test_untagged_emotion_does_not_recover() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, emotion: -1}
              - {id: b, title: B}
        ''', (6, 9, RULE, "trial"))


def test_only_the_dips_nothing_lifts_fire() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, emotion: -1}
              - {id: b, title: B, emotion: -2}
              - {id: c, title: C, emotion: -1}
        ''', (6, 9, RULE, "trial"), (8, 9, RULE, "trial"))


def test_recovery_in_a_later_stage_of_the_same_phase_passes() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - {id: card-wall, title: Credit card required, emotion: -2}
          - phase: commitment
            touchpoints:
              - {id: x, title: X, emotion: 2}
          - phase: trial
            touchpoints:
              - {id: first-win, title: First win, emotion: 1}
        ''')


def test_a_smaller_dip_is_a_recovery_and_zero_is_not_a_dip() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, emotion: 0}
              - {id: b, title: B, emotion: -2}
              - {id: c, title: C, emotion: -1}
              - {id: d, title: D, emotion: 0}
        ''')


def test_dips_in_an_unknown_phase_are_not_checked() -> None:
    assert rule_alone(unrecovered_dip, '''
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trail
            touchpoints:
              - {id: a, title: A, emotion: -2}
          - phase: trial
            touchpoints:
              - {id: b, title: B, emotion: -1}
        ''') == [(10, 9, RULE, "trial")]
