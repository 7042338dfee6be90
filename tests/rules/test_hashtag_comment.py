"""hashtag-comment: a comment like `#BringAFriend` right after a plain value."""

from __future__ import annotations

from tests.helpers import RuleChecker, run

check = RuleChecker("hashtag-comment")
RULE = "hashtag-comment"


def test_a_hashtag_after_a_title_is_named_with_the_quoted_fix() -> None:
    result = check('''
        cjm: 1
        title: Duo class night #BringAFriend
        stages: []
        ''', (2, 24, RULE))
    [finding] = [d for d in result.diagnostics if d.rule == RULE]
    assert finding.message == ("the text after ' #' is a comment, so the title is 'Duo class night', "
                               "without '#BringAFriend'")
    assert finding.hint == ('put the whole value in quotes to keep the hashtag: '
                           'title: "Duo class night #BringAFriend"')


def test_in_a_touchpoint_too() -> None:
    check('''
        cjm: 1
        title: T
        stages:
          - phase: awareness
            touchpoints:
              - id: reel
                title: Reel #SummerShred
                step: connect
        ''', (7, 21, RULE, "awareness"))


def test_a_real_comment_and_a_quoted_hashtag_pass() -> None:
    check('''
        cjm: 1
        title: "Duo class night #BringAFriend"  # ok
        description: Our plan # a comment with a space after the hash
        stages: []
        ''')


def test_a_value_left_empty_by_a_hashtag_is_a_schema_error_that_says_why() -> None:
    result = run('''
        cjm: 1
        title: #BringAFriend
        stages: []
        ''')
    [finding] = [d for d in result.diagnostics if d.rule == "schema"]
    assert (finding.line, finding.column) == (2, 8)
    assert "is empty: `#BringAFriend` after it is a comment" in finding.message
    assert finding.hint == 'put the value in quotes: title: "#BringAFriend"'
