"""spectator-phase: every touchpoint of a phase that sets `engagement` is `spectator`.

A prosumer persona co-creates, so it is always engaged.
"""

from __future__ import annotations

from tests.helpers import RuleChecker

check = RuleChecker("spectator-phase")
RULE = "spectator-phase"


def test_all_spectators_in_a_phase() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        phases: [awareness]
        stages:
          - phase: awareness
            touchpoints:
              - {id: tv-spot, title: TV spot, engagement: spectator}
              - {id: banner, title: Banner ad, engagement: spectator}
        ''', (5, 12, RULE, "awareness"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert message.startswith("in awareness, customers only watch (2 spectator touchpoints)")


def test_untagged_touchpoints_are_ignored() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A}
              - {id: b, title: B, engagement: spectator}
        ''', (4, 12, RULE, "trial"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert "(1 spectator touchpoint)" in message


def test_phase_read_across_stages_points_at_the_first_stage() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, engagement: spectator}
          - phase: awareness
            touchpoints:
              - {id: b, title: B, engagement: engaged}
          - phase: trial
            touchpoints:
              - {id: c, title: C, engagement: spectator}
        ''', (4, 12, RULE, "trial"))


def test_one_finding_per_phase() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [discover, buy]
        stages:
          - {phase: discover, touchpoints: [{id: a, title: A, engagement: spectator}]}
          - {phase: buy, touchpoints: [{id: b, title: B, engagement: spectator}]}
        ''', (5, 13, RULE, "discover"), (6, 13, RULE, "buy"))


def test_explicit_non_prosumer_persona_still_fires() -> None:
    check('''
        cjm: 1
        title: Acme
        persona: {name: Maya, prosumer: false}
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, engagement: spectator}
        ''', (5, 12, RULE, "awareness"))


def test_a_prosumer_map_keeps_the_spectators_it_sets() -> None:
    """Edition 2: a set `spectator` stays a spectator for a prosumer too, and prosumer-not-engaged
    says that prosumers are always engaged."""
    result = check('''
        cjm: 1
        title: Acme
        persona:
          name: Maya
          prosumer: true
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, engagement: spectator, step: connect}
              - {id: b, title: B, engagement: spectator}
        ''', (7, 12, RULE, "awareness"))
    assert result.score is not None and result.score.engagement_ratio == 0.0
    assert [d.rule for d in result.diagnostics].count("prosumer-not-engaged") == 2


def test_a_participant_or_engaged_touchpoint_lifts_the_phase() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: tv-spot, title: TV spot, engagement: spectator}
              - {id: quiz, title: Quiz, engagement: engaged}
          - phase: trial
            touchpoints:
              - {id: a, title: A, engagement: spectator}
          - phase: trial
            touchpoints:
              - {id: b, title: B, engagement: participant}
        ''')


def test_phases_that_set_no_engagement_pass() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A}
          - phase: trial
            touchpoints: []
        ''')
