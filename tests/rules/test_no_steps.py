"""no-steps: no touchpoint sets `step`: said once, the map is not scored, and the rules that
read steps are held back."""

from __future__ import annotations

from cjm.check.config import Config
from cjm.diagnostic import Severity
from tests.helpers import RuleChecker, run

check = RuleChecker("no-steps")
RULE = "no-steps"
UNTAGGED = '''
    cjm: 1
    title: Council tax, moving house
    phases: [awareness, trial]
    stages:
      - phase: awareness
        touchpoints:
          - {id: letter, title: Letter about the new bill, emotion: -1}
          - {id: website, title: Reads the council website}
      - phase: trial
        touchpoints:
          - {id: form, title: Fills in the change-of-address form, emotion: -2}
    '''


def test_fires_once_at_the_stages_key() -> None:
    result = check(UNTAGGED, (4, 1, RULE))
    [finding] = [d for d in result.diagnostics if d.rule == RULE]
    assert finding.severity is Severity.INFO
    assert finding.message == ("none of the map's 3 touchpoints sets `step`, so the engagement sequence "
                               "is not checked and the map is not scored")
    assert finding.hint is not None and "step:" in finding.hint


def test_the_rules_that_read_steps_are_held_back() -> None:
    rules = {d.rule for d in run(UNTAGGED).diagnostics}
    assert not rules & {"missing-step", "step-order", "empty-phase", "no-advocate-story", "long-message"}
    assert "unrecovered-dip" in rules  # it reads emotions, not steps


def test_the_map_is_not_scored() -> None:
    result = run(UNTAGGED)
    assert result.score is not None and result.score.score is None and result.score_value is None


def test_one_step_anywhere_is_enough() -> None:
    check('''
        cjm: 1
        title: T
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A}
              - {id: b, title: B, step: share}
        ''')


def test_a_map_without_touchpoints_says_there_is_nothing_to_score() -> None:
    assert check.messages('''
        cjm: 1
        title: T
        stages: []
        ''') == ["the map has no touchpoints yet, so there is nothing to score"]


def test_off_still_holds_the_step_rules_back() -> None:
    config = Config(rules={RULE: Severity.OFF})
    rules = {d.rule for d in run(UNTAGGED, config).diagnostics}
    assert RULE not in rules and "missing-step" not in rules
