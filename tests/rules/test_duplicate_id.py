"""duplicate-id: two touchpoints share an `id`; the finding points at the second use."""

from __future__ import annotations

from tests.helpers import RuleChecker

check = RuleChecker("duplicate-id")
RULE = "duplicate-id"


def test_same_id_twice_in_flow_style() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        stages:
          - phase: awareness
            touchpoints:
              - {id: demo, title: TikTok demo}
              - {id: demo, title: YouTube demo}
        ''', (7, 14, RULE, "awareness"))
    assert result.diagnostics[-1].message == (
        "the id 'demo' is already used by the touchpoint at line 6")
    assert not result.valid


def test_same_id_in_another_stage_and_phase_block_style() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - id: demo
                title: TikTok demo
          - phase: trial
            touchpoints:
              - title: Trial demo
                id: demo
        ''', (11, 13, RULE, "trial"))


def test_three_uses_give_two_findings() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: demo, title: A}
              - {id: demo, title: B}
          - phase: awareness
            touchpoints:
              - {id: demo, title: C}
        ''', (7, 14, RULE, "awareness"), (10, 14, RULE, "awareness"))
    assert all("line 6" in d.message for d in result.diagnostics if d.rule == RULE)


def test_duplicate_id_cannot_be_silenced() -> None:
    check('''
        # cjm: disable=duplicate-id
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: demo, title: A}
              - {id: demo, title: B}  # cjm: disable=all
        ''', (8, 14, RULE, "awareness"))


def test_distinct_ids_pass() -> None:
    check('''
        cjm: 1
        title: Acme onboarding
        stages:
          - phase: awareness
            touchpoints:
              - {id: tiktok-demo, title: TikTok demo}
              - {id: youtube-demo, title: YouTube demo}
          - phase: trial
            touchpoints:
              - {id: tiktok-demo-2, title: Trial demo}
        ''')


def test_touchpoints_without_id_are_not_duplicates() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {title: A}
              - {title: B}
        ''')


def test_two_actors_with_one_id() -> None:
    check('''
        cjm: 1
        title: Acme
        actors:
          - {id: clerk, name: Counter clerk, kind: frontstage}
          - {id: clerk, name: Back-office clerk, kind: backstage}
        stages:
          - phase: awareness
            touchpoints:
              - {id: clerk, title: A touchpoint may share an actor's id, actor: clerk}
        ''', (5, 10, "duplicate-id"))
