"""Every rule's docstring is its user documentation: its examples must be true.

"Fails on:" fires the rule; "Passes on:" does not.
"""

from __future__ import annotations

import pytest

from cjm.check.engine import check_text
from cjm.rules import RULES
from cjm.rules.docs import rule_doc


def example(rule: str, heading: str) -> str:
    """The example under `heading` in the rule's docstring, as cjm.rules.docs reads it."""
    doc = rule_doc(rule)
    text = doc.failing if heading == "Fails on" else doc.passing
    assert text.strip(), f"{rule}: the '{heading}:' example is empty"
    return text + "\n"


def rules_found(text: str) -> set[str]:
    return {d.rule for d in check_text(text, "example.cjm.yaml").diagnostics}


def test_every_rule_is_covered() -> None:
    assert len(RULES) == 20


@pytest.mark.parametrize("rule", sorted(RULES))
def test_fails_on_example_fires_the_rule(rule: str) -> None:
    assert rule in rules_found(example(rule, "Fails on"))


@pytest.mark.parametrize("rule", sorted(RULES))
def test_passes_on_example_does_not_fire_the_rule(rule: str) -> None:
    assert rule not in rules_found(example(rule, "Passes on"))


@pytest.mark.parametrize("rule", sorted(RULES))
def test_examples_differ_only_a_little(rule: str) -> None:
    """The two examples are a before/after pair, not two unrelated maps."""
    failing = example(rule, "Fails on").splitlines()
    passing = example(rule, "Passes on").splitlines()
    shared = set(failing) & set(passing)
    assert len(shared) >= min(len(failing), len(passing)) // 2
