"""The rules reference, generated from the rule modules' docstrings."""

from __future__ import annotations

import textwrap

from cjm.rules import RULES


def rule_sections(rule: str) -> tuple[str, str, str, str]:
    """(summary, explanation, failing YAML, passing YAML) of a rule's docstring."""
    doc = (RULES[rule].__doc__ or "").strip()
    head, _, rest = doc.partition("Fails on:")
    failing, _, passing = rest.partition("Passes on:")
    summary, _, explanation = head.strip().partition("\n")
    return (summary.strip(), textwrap.dedent(explanation).strip(),
            textwrap.dedent(failing.strip("\n")).rstrip(), textwrap.dedent(passing.strip("\n")).rstrip())


def rule_markdown(rule: str) -> str:
    module = RULES[rule]
    summary, explanation, failing, passing = rule_sections(rule)
    kind = "structural, cannot be silenced" if module.STRUCTURAL else "configurable"
    return "\n".join([
        f"## `{rule}`", "", f"{summary}", "",
        f"Default severity: **{module.SEVERITY.value}** ({kind}).", "",
        explanation, "",
        "Fails on:", "", "```yaml", failing, "```", "",
        "Passes on:", "", "```yaml", passing, "```", "",
    ])


def rules_markdown() -> str:
    intro = [
        "# cjm rules", "",
        "Generated from the rule modules by `cjm rules --markdown`; do not edit by hand.", "",
        "| rule | default | fires when |", "| --- | --- | --- |",
    ]
    for rule, module in RULES.items():
        intro.append(f"| [`{rule}`](#{rule}) | {module.SEVERITY.value} | {rule_sections(rule)[0]} |")
    return "\n".join(intro) + "\n\n" + "\n".join(rule_markdown(r) for r in RULES)
