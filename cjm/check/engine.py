"""Run every check on a map and return a FileResult: no printing, no exiting.

Order: the loader (yaml-syntax, duplicate-key), the schema, then the rules on
the typed model. A map with `based_on` is then compared with the map it names
(cjm.check.based_on: one level, never further). The engine stamps each
finding's severity from config and drops findings silenced by
`# cjm: disable=` comments.
"""

from __future__ import annotations

import os

from cjm.check.config import Config, find_config
from cjm.check.result import FileResult
from cjm.check.suppress import parse_suppressions
from cjm.diagnostic import Diagnostic, Finding, Severity
from cjm.loader import Loaded, load_file
from cjm.loader.size import MAX_TOUCHPOINTS, too_many_touchpoints
from cjm.model import JourneyMap, build_model
from cjm.score import MapScore, score_map

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)

if TYPE_CHECKING:
    from cjm.diff.values import MapDiff

MAX_PHASES = 1_000
MAX_STAGES = 10_000
"""Limits of one map: phases and stages are the schema's `maxItems` (tests hold them equal), and
touchpoints (MAX_TOUCHPOINTS, cjm.loader.size) count over all stages. More of any is a `schema`
finding naming the limit."""


def check_file(path: str | os.PathLike[str], config: Config | None = None, *,
               follow_base: bool = True) -> FileResult:
    """Check one map file with the config that applies to it."""
    if config is None:
        config = find_config(os.path.dirname(os.fspath(path)) or ".")
    return check_loaded(load_file(path), config, follow_base=follow_base)


def check_text(text: str, name: str = "<map>", config: Config | None = None) -> FileResult:
    """Check YAML text (tests and the live preview use this)."""
    from cjm.loader import load_text

    return check_loaded(load_text(text, name), config or Config())


def check_loaded(loaded: Loaded, config: Config, *, follow_base: bool = True) -> FileResult:
    """Check a loaded map; `follow_base=False` leaves `based_on` unread (the map is itself a base,
    or an old version that `cjm diff` reads from git)."""
    from cjm import rules, schema

    lines = loaded.lines
    findings = list(loaded.findings)
    journey = too_many = None
    if loaded.data is not None:
        findings += schema.check(loaded.data, loaded.positions)
        too_many = too_many_touchpoints(loaded.data, loaded.positions, MAX_TOUCHPOINTS)
        if too_many is not None:  # refused before its model is built: that would take seconds
            findings.append(too_many)
        else:
            phases = list(config.phases) if config.phases else None
            journey = build_model(loaded.data, loaded.positions, phases)
    if too_many is not None or (journey is not None and over_limits(journey)):
        return FileResult(loaded.path, stamp(findings, config, lines), lines, journey, None, config)
    score = base = changes = None
    if journey is not None:
        score = score_map(journey)
        findings += _run_rules(journey, config, structural=True)
        if follow_base and "based_on" in journey.data:
            from cjm.check.based_on import read_base

            base, problems = read_base(loaded.path, journey)
            findings += problems
        if not any(f.rule in rules.STRUCTURAL for f in findings):
            findings += _run_rules(journey, config, structural=False)
            if base is not None:
                changes = _compare_with_base(base, journey, score)
                findings += changes.findings
    diagnostics = stamp(findings, config, lines)
    return FileResult(loaded.path, diagnostics, lines, journey, score, config, base=base, changes=changes)


def _compare_with_base(base: FileResult, journey: JourneyMap, score: MapScore) -> MapDiff:
    from cjm.diff.compare import diff_maps

    assert base.journey is not None and base.score is not None  # read_base returns valid maps only
    return diff_maps(base.journey, base.score, journey, score,
                     against=journey.text("based_on") or base.path)


def over_limits(journey: JourneyMap) -> bool:
    """True for a map beyond the phase or stage limit (the schema reports them; the touchpoints are
    refused before a model is built): its rules and score are not computed, so its check stays fast."""
    return len(journey.phases) > MAX_PHASES or len(journey.stages) > MAX_STAGES


def _run_rules(journey: JourneyMap, config: Config, *, structural: bool) -> list[Finding]:
    """The structural rules, or the engagement rules: those run only on a sound map,
    so a broken map shows what breaks it, not a flood of follow-on warnings. While
    no touchpoint sets a step, the rules that read steps have nothing to say."""
    from cjm.rules import RULES, default_options, no_steps, reads_steps

    untagged = no_steps.applies(journey)
    found: list[Finding] = []
    for rule, module in RULES.items():
        if module.check is None or structural != module.STRUCTURAL or config.rules.get(rule) is Severity.OFF:
            continue
        if untagged and reads_steps(rule):
            continue
        options = {**default_options(rule), **config.options.get(rule, {})}
        found += module.check(journey, **options)
    return found


def stamp(findings: list[Finding], config: Config, lines: list[str]) -> list[Diagnostic]:
    """Diagnostics from findings: severity from config, `# cjm: disable=` applied, in file order."""
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
