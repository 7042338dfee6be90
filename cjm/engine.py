"""Run every check on a map and return a FileResult: no printing, no exiting.

Order: the loader (yaml-syntax, duplicate-key), the schema, then the rules on
the typed model. The engine stamps each finding's severity from config and
drops findings silenced by `# cjm: disable=` comments.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cjm.config import Config, find_config
from cjm.diagnostic import Diagnostic, Finding, Severity
from cjm.loader import Loaded, load_file
from cjm.model import JourneyMap, build_model
from cjm.score import MapScore, score_map
from cjm.suppress import parse_suppressions


@dataclass
class FileResult:
    """Everything cjm found out about one map file."""

    path: str
    diagnostics: list[Diagnostic]
    lines: list[str] = field(default_factory=list)
    journey: JourneyMap | None = None
    score: MapScore | None = None
    config: Config = field(default_factory=Config)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def valid(self) -> bool:
        return self.count(Severity.ERROR) == 0

    def below(self, fail_under: float | None) -> bool:
        """True when the map scores under `fail_under` (or cannot be scored)."""
        if fail_under is None:
            return False
        return self.score is None or self.score.score < fail_under

    def failed(self, strict: bool = False, fail_under: float | None = None) -> bool:
        """The exit-code verdict: an error, a warning under strict, or a low score."""
        threshold = fail_under if fail_under is not None else self.config.fail_under
        if not self.valid or self.below(threshold):
            return True
        return strict and self.count(Severity.WARNING) > 0

    def only_errors(self) -> FileResult:
        """A copy that shows errors only (for `--quiet`)."""
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        return replace(self, diagnostics=errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "valid": self.valid,
            "score": self.score.score if self.score else None,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


def check_file(path: str | Path, config: Config | None = None) -> FileResult:
    """Check one map file with the config that applies to it."""
    if config is None:
        config = find_config(Path(path).parent)
    return check_loaded(load_file(path), config)


def check_text(text: str, name: str = "<map>", config: Config | None = None) -> FileResult:
    """Check YAML text (tests and the live preview use this)."""
    from cjm.loader import load_text

    return check_loaded(load_text(text, name), config or Config())


def check_loaded(loaded: Loaded, config: Config) -> FileResult:
    from cjm import rules, schema

    lines = loaded.lines
    findings = list(loaded.findings)
    journey = None
    if loaded.data is not None:
        findings += schema.check(loaded.data, loaded.positions)
        phases = list(config.phases) if config.phases else None
        journey = build_model(loaded.data, loaded.positions, phases)
    if journey is not None:
        findings += _run_rules(journey, structural=True)
        if not any(f.rule in rules.STRUCTURAL for f in findings):
            findings += _run_rules(journey, structural=False)
    diagnostics = _stamp(findings, config, lines)
    score = score_map(journey) if journey is not None else None
    return FileResult(loaded.path, diagnostics, lines, journey, score, config)


def _run_rules(journey: JourneyMap, *, structural: bool) -> list[Finding]:
    """The structural rules, or the engagement rules: those run only on a sound map,
    so a broken map shows what breaks it, not a flood of follow-on warnings."""
    from cjm.rules import RULES

    found: list[Finding] = []
    for module in RULES.values():
        if module.check is not None and structural == module.STRUCTURAL:
            found += module.check(journey)
    return found


def _stamp(findings: list[Finding], config: Config, lines: list[str]) -> list[Diagnostic]:
    from cjm.rules import STRUCTURAL, default_severity

    suppressions = parse_suppressions(lines)
    out: list[Diagnostic] = []
    seen: set[tuple[str, int, int, str]] = set()
    for finding in findings:
        severity = config.rules.get(finding.rule) or default_severity(finding.rule)
        if severity is Severity.OFF:
            continue
        structural = finding.rule in STRUCTURAL
        if not structural and suppressions.silences(finding.rule, finding.pos.line):
            continue
        key = (finding.rule, finding.pos.line, finding.pos.column, finding.message)
        if key not in seen:
            seen.add(key)
            out.append(Diagnostic.from_finding(finding, severity))
    out.sort(key=lambda d: (d.line, d.column, d.rule))
    return out
