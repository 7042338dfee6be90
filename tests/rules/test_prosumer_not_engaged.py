"""prosumer-not-engaged: a prosumer persona, and a touchpoint sets spectator or participant."""

from __future__ import annotations

from tests.helpers import RuleChecker

check = RuleChecker("prosumer-not-engaged")
RULE = "prosumer-not-engaged"


def test_each_spectator_or_participant_touchpoint_of_a_prosumer() -> None:
    result = check('''
        cjm: 1
        title: Makers
        persona: {name: Sam, prosumer: true}
        phases: [involvement]
        stages:
          - phase: involvement
            touchpoints:
              - {id: video, title: Launch video, step: connect, engagement: spectator}
              - {id: forum, title: Forum, step: inform, engagement: participant}
              - {id: remix, title: Remix contest, step: entertain, engagement: engaged}
              - {id: unset, title: Newsletter, step: share}
        ''', (8, 69, RULE, "involvement"), (9, 61, RULE, "involvement"))
    first = next(d for d in result.diagnostics if d.rule == RULE)
    assert first.message.startswith("the persona is a prosumer, but 'video' has them as a spectator")


def test_an_unset_engagement_is_engaged_for_a_prosumer() -> None:
    result = check('''
        cjm: 1
        title: Makers
        persona: {name: Sam, prosumer: true}
        phases: [involvement]
        stages:
          - phase: involvement
            touchpoints:
              - {id: remix, title: Remix contest, step: connect}
        ''')
    assert result.score is not None and result.score.phases[0].mix["engaged"] == 1


def test_a_consumer_may_watch() -> None:
    check('''
        cjm: 1
        title: Makers
        persona: {name: Sam, prosumer: false}
        phases: [involvement]
        stages:
          - phase: involvement
            touchpoints:
              - {id: video, title: Launch video, step: connect, engagement: spectator}
        ''')
