"""long-message: an advocate share's message has more than max_words words (default 10)."""

from __future__ import annotations

import pytest

from cjm.check.config import ConfigError, parse_config
from tests.helpers import RuleChecker

check = RuleChecker("long-message")
RULE = "long-message"


def share(message: str, actor: str = "customer", step: str = "share") -> str:
    return f'''
        cjm: 1
        title: Acme
        stages:
          - phase: referral
            touchpoints:
              - id: tell
                title: Tells a friend
                step: {step}
                actor: {actor}
                message: {message}
        '''


def test_eleven_words_is_too_long() -> None:
    eleven = "one two three four five six seven eight nine ten eleven"
    result = check(share(eleven), (10, 18, RULE, "referral"))
    [message] = [d.message for d in result.diagnostics if d.rule == RULE]
    assert message == ("the message of 'tell' has 11 words: advocates retell a brand with brutal concision, "
                       "so say it in 10 or fewer")


def test_ten_words_passes() -> None:
    check(share("one two three four five six seven eight nine ten"))


def test_corporate_shares_and_other_steps_are_not_checked() -> None:
    long = "one two three four five six seven eight nine ten eleven twelve"
    check(share(long, actor="brand"))
    check(share(long, step="inform"))


def test_max_words_from_config() -> None:
    config = parse_config({"rules": {RULE: {"severity": "error", "max_words": 3}}}, "pyproject.toml")
    result = check(share("Notes that never get lost"), (10, 18, RULE, "referral"), config=config)
    [finding] = [d for d in result.diagnostics if d.rule == RULE]
    assert finding.severity.value == "error" and "say it in 3 or fewer" in finding.message


@pytest.mark.parametrize(("options", "error"), [
    ({"max_word": 3}, "rule 'long-message' has no option 'max_word' (did you mean 'max_words'?)"),
    ({"max_words": "six"}, "max_words must be a whole number of 1 or more, not 'six'"),
    ({"max_words": 0}, "max_words must be a whole number of 1 or more, not 0"),
    ({"max_words": True}, "max_words must be a whole number of 1 or more, not True"),
    ({"severity": "loud"}, "unknown severity 'loud'"),
])
def test_bad_options_are_config_errors(options: dict[str, object], error: str) -> None:
    with pytest.raises(ConfigError, match=r"pyproject\.toml") as raised:
        parse_config({"rules": {RULE: options}}, "pyproject.toml")
    assert error in str(raised.value)
