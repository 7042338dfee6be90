"""step-order: within a phase, a step first appears before a step that comes earlier.

The finding points at the `step` value of the first touchpoint with the early step.
"""

from __future__ import annotations

from tests.helpers import RuleChecker

check = RuleChecker("step-order")
RULE = "step-order"


def test_share_before_connect() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: invite-friend, title: Invite a friend, step: share, actor: customer}
              - {id: welcome-mail, title: Welcome email, step: connect}
              - {id: setup-guide, title: Setup guide, step: inform}
              - {id: template-gallery, title: Template gallery, step: entertain}
        ''', (7, 59, RULE, "trial"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert message == ("in trial, share ('invite-friend') comes before connect and inform and "
                       "entertain: move it after 'template-gallery'")


def test_entertain_before_inform_block_style() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [awareness]
        stages:
          - phase: awareness
            touchpoints:
              - id: a
                title: A
                step: connect
              - id: b
                title: B
                step: entertain
              - id: c
                title: C
                step: inform
        ''', (12, 15, RULE, "awareness"))


def test_order_is_read_across_stages_of_one_phase() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, step: share}
          - phase: trial
            touchpoints:
              - {id: b, title: B, step: connect}
        ''', (7, 33, RULE, "trial"))


def test_only_the_first_appearance_of_a_step_counts() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, step: connect}
              - {id: b, title: B, step: share}
              - {id: c, title: C, step: inform}
              - {id: d, title: D, step: share}
        ''', (8, 33, RULE, "trial"))


def test_two_early_steps_give_two_findings() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, step: share}
              - {id: b, title: B, step: entertain}
              - {id: c, title: C, step: inform}
        ''', (7, 33, RULE, "trial"), (8, 33, RULE, "trial"))


def test_order_across_phases_does_not_matter() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [awareness, trial]
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, step: share}
          - phase: trial
            touchpoints:
              - {id: b, title: B, step: connect}
        ''')


def test_forward_order_with_repeats_gaps_and_untagged_passes() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, step: connect}
              - {id: b, title: B}
              - {id: c, title: C, step: connect}
              - {id: d, title: D, step: inform}
              - {id: e, title: E, step: share}
              - {id: f, title: F, step: connect}
              - {id: g, title: G, step: share}
        ''')


def test_a_single_step_passes() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: referral
            touchpoints:
              - {id: a, title: A, step: share}
        ''')
