"""unknown-phase: a stage's `phase` is not one of the map's `phases`."""

from __future__ import annotations

from cjm.check.config import Config
from tests.helpers import RuleChecker

check = RuleChecker("unknown-phase")
RULE = "unknown-phase"


def test_typo_of_a_default_phase_suggests_the_right_one() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        stages:
          - phase: awarness
            touchpoints: []
        ''', (4, 12, RULE, None))
    finding = next(d for d in result.diagnostics if d.rule == RULE)
    assert finding.message == "the phase 'awarness' is not one of the map's phases; did you mean 'awareness'?"
    assert not result.valid


def test_default_phase_not_in_custom_phases() -> None:
    result = check('''
        cjm: 1
        title: Acme
        phases: [discover, buy]
        stages:
          - phase: discover
            touchpoints: []
          - {phase: awareness, touchpoints: []}
        ''', (7, 13, RULE, None))
    finding = next(d for d in result.diagnostics if d.rule == RULE)
    assert finding.hint == "use one of: discover, buy, or add it to `phases`"


def test_phases_from_config_apply_when_the_map_has_none() -> None:
    src = '''
        cjm: 1
        title: Acme
        stages:
          - phase: discover
            touchpoints: []
          - phase: awareness
            touchpoints: []
        '''
    check(src, (6, 12, RULE, None), config=Config(phases=("discover", "buy")))
    check(src, (4, 12, RULE, None))


def test_the_maps_own_phases_win_over_config() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [awareness]
        stages:
          - phase: awareness
            touchpoints: []
        ''', config=Config(phases=("discover",)))


def test_several_stages_may_share_a_phase() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - {phase: awareness, name: Ads, touchpoints: []}
          - {phase: awareness, name: Content, touchpoints: []}
          - {phase: referral, touchpoints: []}
        ''')


def test_missing_or_non_text_phase_is_a_schema_matter() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - touchpoints: []
          - {phase: 3, touchpoints: []}
        ''')
    assert sum(d.rule == "schema" for d in result.diagnostics) == 2
