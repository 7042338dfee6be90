"""missing-step: a phase with touchpoints lacks one or more of connect, inform, entertain, share.

One finding per phase, at the `phase` value of the phase's first stage,
naming every missing step and where each goes in the phase's chain.
"""

from __future__ import annotations

from cjm.check.config import Config
from cjm.rules import missing_step
from tests.helpers import RuleChecker, rule_alone

check = RuleChecker("missing-step")
RULE = "missing-step"


def test_phase_without_entertain() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        phases: [awareness]
        stages:
          - phase: awareness
            touchpoints:
              - {id: tiktok-demo, title: TikTok demo, step: connect}
              - {id: blog-post, title: How-to blog post, step: inform}
              - {id: share-quiz, title: Share your quiz result, step: share, actor: customer}
        ''', (5, 12, RULE, "awareness"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert message == ("awareness has no entertain touchpoint: "
                       "add entertain between 'blog-post' and 'share-quiz'")


def test_an_untagged_phase_gives_one_finding() -> None:
    result = check('''
        cjm: 1
        title: Acme
        phases: [awareness, trial]
        stages:
          - phase: awareness
            touchpoints:
              - {id: ad, title: Ad, step: connect}
              - {id: blog, title: Blog, step: inform}
              - {id: quiz, title: Quiz, step: entertain}
              - {id: post, title: Post, step: share, actor: customer}
          - phase: trial
            touchpoints:
              - {id: a, title: A}
              - {id: b, title: B}
        ''', (11, 12, RULE, "trial"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert message.startswith("trial has no connect, inform, entertain or share touchpoint")


def test_phase_read_across_its_stages_points_at_the_first_stage() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [awareness, trial]
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, step: connect}
              - {id: b, title: B, step: inform}
          - phase: trial
            touchpoints:
              - {id: c, title: C, step: connect}
              - {id: d, title: D, step: inform}
              - {id: e, title: E, step: entertain}
              - {id: f, title: F, step: share}
          - phase: awareness
            touchpoints:
              - {id: g, title: G, step: entertain}
        ''', (5, 12, RULE, "awareness"))


def test_steps_spread_over_stages_of_one_phase_pass() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [awareness]
        stages:
          - phase: awareness
            name: Ads
            touchpoints:
              - {id: a, title: A, step: connect}
              - {id: b, title: B, step: inform}
          - phase: awareness
            name: Content
            touchpoints:
              - {id: c, title: C, step: entertain}
              - {id: d, title: D, step: share}
        ''')


def test_steps_in_another_phase_do_not_count() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [discover, buy]
        stages:
          - {phase: discover, touchpoints: [{id: a, title: A, step: connect},
                                            {id: b, title: B, step: inform},
                                            {id: c, title: C, step: entertain}]}
          - {phase: buy, touchpoints: [{id: d, title: D, step: share}]}
        ''', (5, 13, RULE, "discover"), (8, 13, RULE, "buy"))
    messages = check.messages('''
        cjm: 1
        title: Acme
        phases: [discover, buy]
        stages:
          - {phase: discover, touchpoints: [{id: a, title: A, step: connect},
                                            {id: b, title: B, step: inform},
                                            {id: c, title: C, step: entertain}]}
          - {phase: buy, touchpoints: [{id: d, title: D, step: share}]}
        ''')
    assert messages == [
        "discover has no share touchpoint: add share after 'c'",
        "buy has no connect, inform or entertain touchpoint: add connect, inform and entertain, "
        "in that order, before 'd'",
    ]


def test_the_place_follows_the_chain_when_the_order_is_broken_too() -> None:
    """share, connect, inform: the chain is connect -> inform, so entertain goes after 'inform'
    (not between 'connect' and the share that comes first in the file)."""
    assert check.messages('''
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: invite, title: Invite a friend, step: share, actor: customer}
              - {id: welcome, title: Welcome email, step: connect}
              - {id: guide, title: Setup guide, step: inform}
        ''') == ["trial has no entertain touchpoint: add entertain after 'guide'"]


def test_several_missing_steps_in_different_places() -> None:
    assert check.messages('''
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: guide, title: Setup guide, step: inform}
              - {id: invite, title: Invite a friend, step: share, actor: customer}
        ''') == ["trial has no connect or entertain touchpoint: add connect before 'guide'; "
                   "add entertain between 'guide' and 'invite'"]


def test_phases_from_config() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: buy
            touchpoints:
              - {id: a, title: A, step: connect}
              - {id: b, title: B, step: inform}
              - {id: c, title: C, step: share}
        ''', (4, 12, RULE, "buy"), config=Config(phases=("buy",)))


def test_empty_and_unknown_phases_are_left_to_other_rules() -> None:
    assert rule_alone(missing_step, '''
        cjm: 1
        title: Acme
        phases: [awareness, trial]
        stages:
          - phase: awareness
            touchpoints: []
          - phase: checkout
            touchpoints:
              - {id: a, title: A}
          - phase: trial
            touchpoints:
              - {id: b, title: B, step: connect}
              - {id: c, title: C, step: inform}
              - {id: d, title: D, step: entertain}
              - {id: e, title: E, step: share}
        ''') == []


def test_all_four_steps_in_any_order_pass() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [awareness]
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, step: share, actor: customer}
              - {id: b, title: B}
              - {id: c, title: C, step: entertain}
              - {id: d, title: D, step: inform}
              - {id: e, title: E, step: connect}
        ''')
