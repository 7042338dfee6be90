"""The job summary of `cjm validate --format github`: Markdown for GitHub's `GITHUB_STEP_SUMMARY`.

One table of the maps (score, sequence and depth, findings by severity, passes or fails), the
reasons of each map that fails, and the findings counted by rule. Map text (file names) is
escaped for Markdown, so a name cannot add links, images or HTML to the summary.
"""

from __future__ import annotations

import re
from collections import Counter

from cjm.check.result import FileResult
from cjm.diagnostic import Severity
from cjm.safe import visible

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


def md(text: str) -> str:
    """`text` as literal Markdown text: every character Markdown acts on is backslash-escaped."""
    return _MARKDOWN.sub(r"\\\1", visible(text))


def number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


class Summary:
    """The summary of the maps seen so far: a row of the table and a counted finding are all that is
    kept of each map, and why it fails when it does."""

    def __init__(self) -> None:
        self.rows: list[str] = []
        self.failing: list[str] = []
        self.by_rule: Counter[tuple[str, str]] = Counter()

    def add(self, result: FileResult) -> FileResult:
        """Note `result`, and give it back (so `map(summary.add, results)` notes as it goes)."""
        self.rows.append(_row(result))
        if result.failed:
            self.failing.append(f"- {md(result.path)}: {md(result.why_failed_text)}")
        self.by_rule.update((d.rule, d.severity.value) for d in result.diagnostics)
        return result

    def text(self) -> str:
        """The whole summary, ending with a blank line so another step's summary can follow."""
        count = len(self.rows)
        maps = f"{count} map{'s' if count != 1 else ''}"
        verdict = f"{len(self.failing)} failed" if self.failing else "all pass"
        lines = [f"### cjm validate: {maps} checked, {verdict}", "",
                 "| Map | Score | Sequence | Depth | Errors | Warnings | Infos | Result |",
                 "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |", *self.rows]
        if self.failing:
            lines += ["", "**Why maps fail**", "", *self.failing]
        lines += ["", *_by_rule(self.by_rule)]
        return "\n".join(lines) + "\n\n"


def _row(result: FileResult) -> str:
    score = result.score
    shown = "not scored" if score is not None and score.score is None else number(result.score_value)
    counts = [str(result.count(severity)) for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    verdict = "✗ fails" if result.failed else "✓ passes"
    return " | ".join(["", md(result.path), shown, number(result.sequence_value),
                       number(score.depth if score else None), *counts, verdict, ""]).strip()


def _by_rule(counted: Counter[tuple[str, str]]) -> list[str]:
    if not counted:
        return ["No findings."]
    rows = [f"| {md(rule)} | {severity} | {count:,} |"
            for (rule, severity), count in sorted(counted.items(), key=lambda item: (-item[1], item[0]))]
    return ["**Findings by rule**", "", "| Rule | Severity | Findings |", "| --- | --- | ---: |", *rows]
