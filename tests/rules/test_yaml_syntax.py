"""yaml-syntax: the file is not a YAML document cjm can read."""

from __future__ import annotations

from tests.helpers import RuleChecker, run

check = RuleChecker("yaml-syntax")
RULE = "yaml-syntax"


def test_unclosed_quote_points_at_where_the_quote_opens() -> None:
    # the parser fails at the end of the file; the useful place is the opening quote
    check('''
        cjm: 1
        title: "Acme: first ad
        stages: []
        ''', (2, 8, RULE))


def test_unclosed_list_at_the_end_points_at_the_last_thing_written() -> None:
    check('''
        cjm: 1
        title: Acme
        tags: [b2b,
        ''', (3, 12, RULE))


def test_bad_indentation_points_at_the_misindented_key() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
           touchpoints: []
        ''', (5, 4, RULE))


def test_tab_indentation_has_a_hint() -> None:
    result = check('cjm: 1\ntitle: Acme\nstages:\n\t- phase: awareness\n', (4, 1, RULE))
    assert result.diagnostics[0].message == "line 4 is indented with a tab; YAML indents with spaces only"
    hint = "replace the tab at the start of line 4 with spaces (two for each level)"
    assert result.diagnostics[0].hint == hint


def test_colon_in_an_unquoted_value() -> None:
    result = check('''
        cjm: 1
        title: Acme: first ad
        stages: []
        ''', (2, 12, RULE))
    assert "quotes" in (result.diagnostics[0].hint or "")


def test_unclosed_flow_sequence() -> None:
    check('''
        cjm: 1
        title: Acme
        tags: [a, b
        stages: []
        ''', (3, 7, RULE))  # the `[` that is never closed


def test_undefined_alias() -> None:
    result = check('''
        cjm: 1
        title: *name
        stages: []
        ''', (2, 8, RULE))
    finding = result.diagnostics[0]
    assert "anchor" in f"{finding.message} {finding.hint}"


def test_second_document() -> None:
    check('''
        cjm: 1
        title: Acme
        stages: []
        ---
        cjm: 1
        ''', (4, 1, RULE))


def test_empty_file_and_comment_only_file() -> None:
    check("", (1, 1, RULE))
    check("\n\n   \n", (1, 1, RULE))
    check("# just a comment\n", (1, 1, RULE))


def test_tag_points_at_the_tagged_value() -> None:
    check('''
        cjm: 1
        title: !!python/object:os.system echo
        stages: []
        ''', (2, 8, RULE))


def test_complex_key_points_at_the_key() -> None:
    check('''
        cjm: 1
        title: Acme
        stages: []
        ? [a, b]
        : 1
        ''', (4, 3, RULE))


def test_nothing_else_is_checked_after_a_syntax_error() -> None:
    result = run('''
        cjm: 1
        title: "unclosed
        ''')
    assert [d.rule for d in result.diagnostics] == [RULE]
    assert result.journey is None and result.score is None and not result.valid


def test_valid_yaml_with_comments_anchors_flow_and_markers_passes() -> None:
    check('''
        %YAML 1.2
        ---
        # a journey map
        cjm: 1   # the format version
        title: "Acme: first ad to first referral"
        tags: &tags [onboarding, b2c]
        x-copy: *tags
        stages:
          - {phase: awareness, touchpoints: [{id: a, title: 'It''s here'}]}
        ...
        ''')


def test_plain_value_with_colon_but_no_space_passes() -> None:
    check('''
        cjm: 1
        title: Acme:Notes
        stages: []
        ''')
