"""empty-phase: a phase of `phases` has no touchpoints.

It points at the phase's first stage, else at the phase in the map's
`phases` list, else at the `stages` key.
"""

from __future__ import annotations

from cjm.check.config import Config
from cjm.rules import empty_phase
from tests.helpers import RuleChecker, rule_alone

check = RuleChecker("empty-phase")
RULE = "empty-phase"


def test_declared_phase_without_a_stage_points_at_the_phases_item() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        phases: [awareness, trial]
        stages:
          - phase: awareness
            touchpoints:
              - {id: tiktok-demo, title: TikTok demo, step: connect}
        ''', (3, 21, RULE, "trial"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert message == ("trial has no touchpoints, so the journey has a gap: "
                       "add a stage with `phase: trial` after awareness")


def test_default_phases_without_stages_point_at_the_stages_key() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, step: connect}
          - phase: referral
            touchpoints:
              - {id: b, title: B, step: connect}
        ''', (3, 1, RULE, "involvement"), (3, 1, RULE, "trial"), (3, 1, RULE, "commitment"))
    messages = [d.message for d in result.diagnostics if d.rule == RULE]
    assert messages[0].endswith("add a stage with `phase: involvement` between awareness and trial")


def test_stage_with_no_touchpoints_points_at_its_phase() -> None:
    result = check('''
        cjm: 1
        title: Acme
        phases: [awareness, trial]
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, step: connect}
          - phase: trial
            name: Try it
            touchpoints: []
        ''', (8, 12, RULE, "trial"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert message.endswith("add touchpoints to the 'Try it' stage")


def test_phases_from_config() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: discover
            touchpoints:
              - {id: a, title: A, step: connect}
        ''', (3, 1, RULE, "buy"), config=Config(phases=("discover", "buy")))


def test_a_map_without_touchpoints_gets_no_steps_instead() -> None:
    """No touchpoint sets a step (there are none): no-steps says so once, and empty-phase,
    which reads steps, is held back (edition 2)."""
    result = check('''
        cjm: 1
        title: Acme
        phases: [awareness]
        stages: []
        ''')
    assert {d.rule for d in result.diagnostics} == {"no-steps", "no-narrative"}
    assert rule_alone(empty_phase, '''
        cjm: 1
        title: Acme
        phases: [awareness]
        stages: []
        ''') == [(3, 10, RULE, "awareness")]


def test_one_full_stage_is_enough_for_a_phase_with_several_stages() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [awareness]
        stages:
          - {phase: awareness, touchpoints: []}
          - {phase: awareness, touchpoints: [{id: a, title: A, step: connect}]}
        ''')


def test_untagged_touchpoints_fill_a_phase() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [awareness, trial]
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, step: connect}
          - phase: trial
            touchpoints:
              - {id: b, title: B, step: connect}
        ''')


def test_touchpoints_of_an_unknown_phase_do_not_fill_another() -> None:
    assert rule_alone(empty_phase, '''
        cjm: 1
        title: Acme
        phases: [awareness]
        stages:
          - phase: awarness
            touchpoints:
              - {id: a, title: A, step: connect}
        ''') == [(3, 10, RULE, "awareness")]
