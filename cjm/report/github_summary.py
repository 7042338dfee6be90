"""The job summary of `cjm validate --format github`: Markdown for GitHub's `GITHUB_STEP_SUMMARY`.

One table of the maps (score, sequence and depth, findings by severity, passes or fails), the
reasons of each map that fails, and the findings counted by rule. Map text (file names) is
escaped for Markdown, so a name cannot add links, images or HTML to the summary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cjm.check.result import FileResult
from cjm.diagnostic import Severity
from cjm.safe import visible

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


def md(text: str) -> str:
    """`text` as literal Markdown text: every character Markdown acts on is backslash-escaped."""
    return _MARKDOWN.sub(r"\\\1", visible(text))


def number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def summary(results: Sequence[FileResult]) -> str:
    """The whole summary, ending with a blank line so another step's summary can follow."""
    failed = [r for r in results if r.failed]
    maps = f"{len(results)} map{'s' if len(results) != 1 else ''}"
    verdict = f"{len(failed)} failed" if failed else "all pass"
    lines = [f"### cjm validate: {maps} checked, {verdict}", "",
             "| Map | Score | Sequence | Depth | Errors | Warnings | Infos | Result |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    lines += [_row(r) for r in results]
    if failed:
        lines += ["", "**Why maps fail**", ""]
        lines += [f"- {md(r.path)}: {md(r.why_failed_text)}" for r in failed]
    lines += ["", *_by_rule(results)]
    return "\n".join(lines) + "\n\n"


def _row(result: FileResult) -> str:
    score = result.score
    shown = "not scored" if score is not None and score.score is None else number(result.score_value)
    counts = [str(result.count(severity)) for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    verdict = "✗ fails" if result.failed else "✓ passes"
    return " | ".join(["", md(result.path), shown, number(result.sequence_value),
                       number(score.depth if score else None), *counts, verdict, ""]).strip()


def _by_rule(results: Sequence[FileResult]) -> list[str]:
    counted = Counter((d.rule, d.severity.value) for r in results for d in r.diagnostics)
    if not counted:
        return ["No findings."]
    rows = [f"| {md(rule)} | {severity} | {count:,} |"
            for (rule, severity), count in sorted(counted.items(), key=lambda item: (-item[1], item[0]))]
    return ["**Findings by rule**", "", "| Rule | Severity | Findings |", "| --- | --- | ---: |", *rows]
