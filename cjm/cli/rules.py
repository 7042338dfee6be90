"""`cjm rules`: the list of rules, one rule's full text, or the Markdown reference."""

from __future__ import annotations

import sys

from cjm.cli.errors import EXIT_OK, UsageError


def run_rules(rule: str | None, markdown: bool) -> int:
    from cjm.rules import RULES
    from cjm.rules.docs import rule_doc, rule_markdown, rules_markdown

    if rule is not None and rule not in RULES:
        from cjm.diagnostic import did_you_mean

        raise UsageError(f"unknown rule '{rule}'{did_you_mean(rule, RULES)}; run `cjm rules` for the list")
    if markdown:
        sys.stdout.write(rule_markdown(rule) if rule else rules_markdown())
        return EXIT_OK
    if rule is not None:
        sys.stdout.write(f"{rule} ({RULES[rule].SEVERITY.value}): {rule_doc(rule).text()}")
        return EXIT_OK
    import shutil
    import textwrap

    width = max(len(r) for r in RULES)
    indent = " " * (width + 11)
    columns = max(shutil.get_terminal_size((80, 24)).columns, len(indent) + 20)
    for name, module in RULES.items():
        head = f"{name:<{width}}  {module.SEVERITY.value:<7}  "
        sys.stdout.write(textwrap.fill(rule_doc(name).summary, columns - 1, initial_indent=head,
                                       subsequent_indent=indent, break_on_hyphens=False) + "\n")
    sys.stdout.write("\n`cjm rules RULE` explains one, with a failing and a passing example.\n")
    return EXIT_OK
