"""unrecovered-dip: a negative emotion followed, in its phase, by no higher emotion.

The finding points at the touchpoint of the dip.
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


def test_recovery_only_in_the_next_phase_still_fires() -> None:
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
        ''', (6, 9, RULE, "trial"))


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
