"""yamllint-style rule checks: `check(src, (line, column, rule[, phase]), ...)`.

Each rule test module makes `check = RuleChecker("rule-id")`; a call runs the
whole engine on the dedented YAML and asserts that the findings of that rule
are exactly the problems given (order does not matter). A problem with a
phase compares the phase too. The first line of `src` may be left empty (it
is dropped), so line 1 is the first line of YAML.
"""

from __future__ import annotations

import textwrap
from types import ModuleType

from cjm.check.config import Config
from cjm.check.engine import check_text
from cjm.check.result import FileResult
from cjm.loader import load_text
from cjm.model import build_model

Problem = tuple[int, int, str] | tuple[int, int, str, str | None]


def dedent(src: str) -> str:
    """The YAML of a triple-quoted block: dedented, without its first empty line."""
    text = textwrap.dedent(src)
    return text[1:] if text.startswith("\n") else text


def run(src: str, config: Config | None = None) -> FileResult:
    return check_text(dedent(src), "map.cjm.yaml", config)


class RuleChecker:
    def __init__(self, rule: str) -> None:
        self.rule = rule

    def __call__(self, src: str, *problems: Problem, config: Config | None = None) -> FileResult:
        result = run(src, config)
        for problem in problems:
            assert problem[2] == self.rule, f"{problem} is not a {self.rule} problem"
        with_phase = any(len(p) == 4 for p in problems)
        found = [
            (d.line, d.column, d.rule, d.phase) if with_phase else (d.line, d.column, d.rule)
            for d in result.diagnostics
            if d.rule == self.rule
        ]
        wanted = [tuple(p) if len(p) == 4 or not with_phase else (*p, None) for p in problems]
        assert sorted(found, key=repr) == sorted(wanted, key=repr), _explain(result)
        return result

    def messages(self, src: str, config: Config | None = None) -> list[str]:
        """The messages of this rule's findings, in report order."""
        return [d.message for d in run(src, config).diagnostics if d.rule == self.rule]


def rule_alone(module: ModuleType, src: str) -> list[tuple[int, int, str, str | None]]:
    """One rule's findings on a map, run directly (the engine holds the engagement rules
    back while a structural rule fires)."""
    loaded = load_text(dedent(src), "map.cjm.yaml")
    journey = build_model(loaded.data, loaded.positions)
    assert journey is not None
    return [(f.pos.line, f.pos.column, f.rule, f.phase) for f in module.check(journey)]


def _explain(result: FileResult) -> str:
    lines = [f"{d.line}:{d.column} {d.rule} [{d.phase}] {d.message}" for d in result.diagnostics]
    return "all findings:\n" + "\n".join(lines)
