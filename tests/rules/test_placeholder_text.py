"""placeholder-text: the map still holds the placeholders `cjm init` wrote."""

from __future__ import annotations

from cjm.cli.skeleton import render_skeleton
from cjm.loader import load_text
from cjm.rules.placeholder_text import MARK, PLACEHOLDERS, _texts
from tests.helpers import RuleChecker, run

check = RuleChecker("placeholder-text")
RULE = "placeholder-text"


def test_a_placeholder_is_named_at_its_value() -> None:
    result = check('''
        cjm: 1
        title: T
        brand: Your brand
        stages: []
        ''', (3, 8, RULE))
    [finding] = [d for d in result.diagnostics if d.rule == RULE]
    assert finding.message == "'Your brand' is a placeholder from cjm init: replace it with your own text"


def test_replace_me_anywhere() -> None:
    check('''
        cjm: 1
        title: T
        phases: [discover]
        stages:
          - phase: discover
            goal: Your goal for this stage (replace me)
            touchpoints: []
        ''', (6, 11, RULE))


def test_every_placeholder_cjm_init_writes_is_known_and_found() -> None:
    text = render_skeleton("Title", "Alex", ["awareness", "something-else"], "schema.json")
    written = {value for _, value in _texts(load_text(text).data, ())}
    assert written >= PLACEHOLDERS
    assert any(MARK in value for value in written)  # a phase cjm has no examples for
    found = [d for d in run(text).diagnostics if d.rule == RULE]
    assert len(found) >= len(PLACEHOLDERS)


def test_own_text_passes() -> None:
    check('''
        cjm: 1
        title: T
        brand: Acme
        persona: {name: Maya, role: Freelance designer}
        stages: []
        ''')
