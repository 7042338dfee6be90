"""duplicate-key: a mapping repeats a key; cjm keeps the first value and points at the second key."""

from __future__ import annotations

from tests.helpers import RuleChecker, run

check = RuleChecker("duplicate-key")
RULE = "duplicate-key"


def test_top_level_key_repeated() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        title: Acme onboarding, 2026
        stages: []
        ''', (3, 1, RULE))
    assert result.diagnostics[0].message == "the key 'title' is repeated (first at line 2)"
    assert result.journey is not None
    assert result.journey.data["title"] == "Acme onboarding"


def test_key_repeated_inside_a_block_touchpoint() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - id: demo
                title: TikTok demo
                emotion: 1
                emotion: -1
        ''', (9, 9, RULE))
    assert result.journey is not None
    assert result.journey.touchpoints[0].emotion == 1


def test_key_repeated_in_a_flow_mapping_points_at_the_second_key() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: demo, title: TikTok demo, id: other}
        ''', (6, 40, RULE))
    assert result.journey is not None
    assert result.journey.touchpoints[0].id == "demo"


def test_three_uses_give_two_findings_both_naming_the_first() -> None:
    result = check('''
        cjm: 1
        title: A
        title: B
        title: C
        stages: []
        ''', (3, 1, RULE), (4, 1, RULE))
    messages = [d.message for d in result.diagnostics if d.rule == RULE]
    assert all("first at line 2" in m for m in messages)


def test_repeated_stage_key_and_the_map_is_invalid() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            phase: trial
            touchpoints: []
        ''', (5, 5, RULE))
    assert not result.valid


def test_duplicate_key_cannot_be_silenced() -> None:
    check('''
        # cjm: disable=all
        cjm: 1
        title: A
        title: B  # cjm: disable=duplicate-key
        stages: []
        ''', (4, 1, RULE))


def test_same_key_in_different_mappings_passes() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A}
              - {id: b, title: B}
          - phase: trial
            touchpoints: []
        ''')


def test_keys_that_differ_only_in_case_are_not_duplicates() -> None:
    result = run('''
        cjm: 1
        title: Acme
        Title: Acme
        stages: []
        ''')
    assert [d.rule for d in result.diagnostics if d.rule in (RULE, "schema")] == ["schema"]


def test_merge_key_overridden_by_an_explicit_key_passes() -> None:
    result = check('''
        x-base: &base {id: base, title: Base, emotion: 1}
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - <<: *base
                id: overridden
                emotion: 2
        ''')
    assert result.journey is not None
    tp = result.journey.touchpoints[0]
    assert (tp.id, tp.title, tp.emotion) == ("overridden", "Base", 2)
