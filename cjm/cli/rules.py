"""`cjm rules`: the list of rules, one rule's full text, or the Markdown reference."""

from __future__ import annotations

import sys

from cjm.cli.errors import EXIT_OK, UsageError


def run_rules(rule: str | None, markdown: bool) -> int:
    from cjm.rules import RULES
    from cjm.rules.docs import rule_doc, rule_markdown, rules_markdown

    if rule is not None and rule not in RULES:
        raise UsageError(f"unknown rule '{rule}'; run `cjm rules` for the list")
    if markdown:
        sys.stdout.write(rule_markdown(rule) if rule else rules_markdown())
        return EXIT_OK
    if rule is not None:
        sys.stdout.write(f"{rule} ({RULES[rule].SEVERITY.value}): {rule_doc(rule).text()}")
        return EXIT_OK
    width = max(len(r) for r in RULES)
    for name, module in RULES.items():
        sys.stdout.write(f"{name:<{width}}  {module.SEVERITY.value:<7}  {rule_doc(name).summary}\n")
    sys.stdout.write("\n`cjm rules RULE` explains one, with a failing and a passing example.\n")
    return EXIT_OK
