"""participation-only: some touchpoints of a phase set engagement, none is engaged, some participate."""

from __future__ import annotations

from tests.helpers import RuleChecker

check = RuleChecker("participation-only")
RULE = "participation-only"


def test_participants_and_spectators_without_anyone_engaged() -> None:
    result = check('''
        cjm: 1
        title: Gym
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: class, title: Free class, step: connect, engagement: participant}
              - {id: tour, title: Tour, step: inform, engagement: spectator}
              - {id: talk, title: Talk, step: entertain}
        ''', (5, 12, RULE, "trial"))
    [message] = [d.message for d in result.diagnostics if d.rule == RULE]
    assert message.startswith("in trial, customers take part but never engage (1 participant touchpoint, "
                              "none engaged)")


def test_one_engaged_touchpoint_is_enough() -> None:
    check('''
        cjm: 1
        title: Gym
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: class, title: Free class, step: connect, engagement: participant}
              - {id: challenge, title: 30-day challenge, step: inform, engagement: engaged}
        ''')


def test_only_spectators_is_spectator_phase_not_this() -> None:
    check('''
        cjm: 1
        title: Gym
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: ad, title: Ad, step: connect, engagement: spectator}
        ''')


def test_unset_engagement_does_not_count_as_showing_up() -> None:
    """Only what the map sets is read: a phase that sets nothing says nothing."""
    check('''
        cjm: 1
        title: Gym
        phases: [trial]
        stages:
          - phase: trial
            touchpoints:
              - {id: class, title: Free class, step: connect}
        ''')


def test_one_finding_per_phase() -> None:
    check('''
        cjm: 1
        title: Gym
        phases: [awareness, trial]
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, step: connect, engagement: participant}
          - phase: trial
            touchpoints:
              - {id: b, title: B, step: connect, engagement: participant}
              - {id: c, title: C, step: inform, engagement: participant}
        ''', (5, 12, RULE, "awareness"), (8, 12, RULE, "trial"))
