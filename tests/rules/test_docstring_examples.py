"""Every rule's docstring is its user documentation: its examples must be true.

"Fails on:" fires the rule; "Passes on:" does not. The examples of a change
rule are two versions of a map (cjm.rules.docs.versions): they are compared
as `cjm diff` compares them.
"""

from __future__ import annotations

import pytest

from cjm.check.changes import compare_results
from cjm.check.engine import check_text
from cjm.rules import CHANGE_RULES, RULES
from cjm.rules.docs import CHANGED_TO, rule_doc, versions


def example(rule: str, heading: str) -> str:
    """The example under `heading` in the rule's docstring, as cjm.rules.docs reads it."""
    doc = rule_doc(rule)
    text = doc.failing if heading == "Fails on" else doc.passing
    assert text.strip(), f"{rule}: the '{heading}:' example is empty"
    return text + "\n"


def rules_found(text: str) -> set[str]:
    maps = versions(text.rstrip("\n"))
    if len(maps) == 1:
        return {d.rule for d in check_text(text, "example.cjm.yaml").diagnostics}
    old, new = (check_text(version + "\n", f"{name}.cjm.yaml") for version, name in zip(maps, ("old", "new"),
                                                                                            strict=True))
    assert old.valid and new.valid, "both versions of a change example are valid maps"
    return {d.rule for d in compare_results(old, new).findings}


def test_every_rule_is_covered() -> None:
    assert len(RULES) == 22


def test_change_rules_and_only_they_show_a_change() -> None:
    for rule in RULES:
        for heading in ("Fails on", "Passes on"):
            assert (CHANGED_TO in example(rule, heading)) == (rule in CHANGE_RULES), (rule, heading)
    assert {"perverse-consequence", "regression"} == CHANGE_RULES


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
