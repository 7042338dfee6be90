"""no-narrative: the map has no narrative.open_role."""

from __future__ import annotations

from cjm.diagnostic import Severity
from tests.helpers import RuleChecker

check = RuleChecker("no-narrative")
RULE = "no-narrative"


def test_no_narrative_at_all_points_at_the_title() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages: []
        ''', (2, 1, RULE))
    [finding] = [d for d in result.diagnostics if d.rule == RULE]
    assert finding.severity is Severity.INFO


def test_a_narrative_without_an_open_role_points_at_the_narrative() -> None:
    check('''
        cjm: 1
        title: Acme
        narrative:
          hero: Maya
          story: Maya stops losing notes.
        stages: []
        ''', (3, 1, RULE))


def test_an_open_role_passes() -> None:
    check('''
        cjm: 1
        title: Acme
        narrative: {open_role: The colleague who recommends Acme next}
        stages: []
        ''')
