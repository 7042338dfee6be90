"""A rule's docstring is its user documentation; this is the one reader of its format.

    <summary: one line>

    <explanation: paragraphs>

    Fails on:

        <YAML that fires the rule>

    Passes on:

        <the same YAML, fixed>

A rule found by comparing two versions of a map (`COMPARES = True`) shows a
change in each example: the old map, the line `# --- changed to ---`, then
the new map. `versions` splits such an example; the text and Markdown show
the two maps one after the other, "changed to:" between them.

The registry's summaries, `cjm rules`, docs/rules.md, SARIF's rule help and
the test that runs every example all read a docstring through `rule_doc`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import cache

FAILS, PASSES = "Fails on:", "Passes on:"
CHANGED_TO = "# --- changed to ---"
"""The line between the old and the new map in the example of a change rule."""


@dataclass(frozen=True)
class RuleDoc:
    summary: str
    explanation: str
    """Paragraphs of prose, as written (line breaks kept)."""
    failing: str
    """The YAML that fires the rule, dedented, without a final newline."""
    passing: str

    @property
    def prose(self) -> str:
        """The explanation with each paragraph on one line."""
        return "\n\n".join(" ".join(line.strip() for line in paragraph.splitlines())
                           for paragraph in self.explanation.split("\n\n") if paragraph.strip())

    def text(self) -> str:
        """The whole documentation as plain text, the examples indented."""
        parts = [self.summary, self.explanation]
        for heading, example in ((FAILS, self.failing), (PASSES, self.passing)):
            parts += [heading, "\n\n  changed to:\n\n".join(_indent(v) for v in versions(example))]
        return "\n\n".join(part for part in parts if part) + "\n"

    def markdown(self, heading: str | None = None, note: str | None = None) -> str:
        """The documentation as Markdown, the examples as fenced YAML blocks."""
        head = [f"## {heading}", ""] if heading else []
        lines = [*head, self.summary, ""]
        if note:
            lines += [note, ""]
        if self.explanation:
            lines += [self.explanation, ""]
        for heading, example in ((FAILS, self.failing), (PASSES, self.passing)):
            lines += [heading, ""]
            for i, version in enumerate(versions(example)):
                lines += ["changed to:", ""] if i else []
                lines += ["```yaml", version, "```", ""]
        return "\n".join(lines)


def versions(example: str) -> list[str]:
    """The maps of an example: one, or the old and the new one of a change."""
    old, marker, new = example.partition(f"\n{CHANGED_TO}\n")
    return [old, new] if marker else [example]


def parse_doc(doc: str) -> RuleDoc:
    """The parts of a rule docstring (missing parts are empty)."""
    doc = textwrap.dedent(doc).strip()
    head, _, rest = doc.partition(FAILS)
    failing, _, passing = rest.partition(PASSES)
    summary, _, explanation = head.strip().partition("\n")
    explanation = textwrap.dedent(explanation).strip()
    return RuleDoc(summary.strip(), explanation, _example(failing), _example(passing))


def _example(block: str) -> str:
    return textwrap.dedent(block.strip("\n")).rstrip()


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


@cache
def rule_doc(rule: str) -> RuleDoc:
    from cjm.rules import RULES

    return parse_doc(RULES[rule].__doc__ or rule)


def rule_markdown(rule: str) -> str:
    from cjm.rules import RULES

    module = RULES[rule]
    kind = "structural, cannot be silenced" if module.STRUCTURAL else "configurable"
    note = f"Default severity: **{module.SEVERITY.value}** ({kind})."
    return rule_doc(rule).markdown(f"`{rule}`", note)


def rules_markdown() -> str:
    from cjm.rules import RULES

    intro = [
        "# cjm rules", "",
        "Generated from the rule modules by `cjm rules --markdown`; do not edit by hand.", "",
        "| rule | default | fires when |", "| --- | --- | --- |",
    ]
    for rule, module in RULES.items():
        intro.append(f"| [`{rule}`](#{rule}) | {module.SEVERITY.value} | {rule_doc(rule).summary} |")
    return "\n".join(intro) + "\n\n" + "\n".join(rule_markdown(r) for r in RULES)
