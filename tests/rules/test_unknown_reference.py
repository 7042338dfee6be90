"""unknown-reference: `next` names an id that no touchpoint has."""

from __future__ import annotations

from tests.helpers import RuleChecker

check = RuleChecker("unknown-reference")
RULE = "unknown-reference"


def test_typo_in_flow_list_points_at_the_item_and_suggests() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        stages:
          - phase: awareness
            touchpoints:
              - {id: tiktok-demo, title: TikTok demo, next: [landing-pgae]}
              - {id: landing-page, title: Landing page}
        ''', (6, 54, RULE, "awareness"))
    message = next(d.message for d in result.diagnostics if d.rule == RULE)
    assert message == ("'tiktok-demo' leads to 'landing-pgae', but no touchpoint has that id; "
                       "did you mean 'landing-page'?")


def test_block_list_with_two_bad_items() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: trial
            touchpoints:
              - id: signup
                title: Sign up
                next:
                  - welcome
                  - signup
                  - zzz-nothing-alike
        ''', (9, 13, RULE, "trial"), (11, 13, RULE, "trial"))
    messages = [d.message for d in result.diagnostics if d.rule == RULE]
    assert "did you mean" not in messages[1]


def test_reference_to_a_touchpoint_without_id_uses_the_title_as_label() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {title: Banner ad, next: [landing]}
        ''', (6, 35, RULE, "awareness"))
    finding = next(d for d in result.diagnostics if d.rule == RULE)
    assert finding.message.startswith("'Banner ad' leads to 'landing'")


def test_references_across_stages_and_phases_pass() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: ad, title: Ad, next: [trial-start, ad]}
          - phase: trial
            touchpoints:
              - {id: trial-start, title: Trial, next: [ad]}
        ''')


def test_empty_next_and_no_next_pass() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: ad, title: Ad, next: []}
              - {id: post, title: Post}
        ''')


def test_non_text_next_items_are_a_schema_matter() -> None:
    result = check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: ad, title: Ad, next: [1, {a: b}]}
              - {id: post, title: Post, next: post}
        ''')
    assert sum(d.rule == "schema" for d in result.diagnostics) == 3
