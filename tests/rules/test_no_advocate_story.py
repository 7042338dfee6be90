"""no-advocate-story: no touchpoint has `step: share` with advocate storytelling.

Storytelling defaults to advocate when the actor is a customer or an
advocate, else corporate; an explicit `storytelling` wins.
"""

from __future__ import annotations

from tests.helpers import RuleChecker

check = RuleChecker("no-advocate-story")
RULE = "no-advocate-story"


def test_brand_share_points_at_the_last_shares_step() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        phases: [trial, referral]
        stages:
          - phase: trial
            touchpoints:
              - {id: invite, title: Invite a friend, step: share}
          - phase: referral
            touchpoints:
              - {id: brand-post, title: We post a customer quote, step: share, actor: brand}
              - {id: thanks, title: Thank-you mail, step: connect}
        ''', (10, 65, RULE, "referral"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert "'brand-post'" in message


def test_no_share_at_all_points_at_the_last_touchpoint() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, step: connect, actor: customer}
          - phase: trial
            touchpoints:
              - id: b
                title: B
                actor: advocate
        ''', (9, 9, RULE, "trial"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert message.startswith("no touchpoint shares the story")


def test_partner_tells_a_corporate_story_by_default() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: referral
            touchpoints:
              - {id: a, title: A, step: share, actor: partner}
        ''', (6, 33, RULE, "referral"))


def test_explicit_corporate_storytelling_overrides_a_customer_actor() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: referral
            touchpoints:
              - id: a
                title: A
                step: share
                actor: customer
                storytelling: corporate
        ''', (8, 15, RULE, "referral"))


def test_customer_share_passes_by_default() -> None:
    check('''
        cjm: 1
        title: Acme onboarding
        phases: [referral]
        stages:
          - phase: referral
            touchpoints:
              - {id: maya-review, title: Maya reviews us on G2, step: share, actor: customer}
        ''')


def test_advocate_actor_passes_by_default() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: referral
            touchpoints:
              - {id: a, title: A, step: share, actor: advocate}
        ''')


def test_explicit_advocate_storytelling_overrides_a_brand_actor() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: referral
            touchpoints:
              - {id: a, title: A, step: share, storytelling: advocate}
        ''')


def test_one_advocate_share_anywhere_is_enough() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, step: share, actor: customer}
          - phase: referral
            touchpoints:
              - {id: b, title: B, step: share}
        ''')


def test_a_map_without_touchpoints_passes() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints: []
        ''')
