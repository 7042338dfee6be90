"""The rule registry: one module per rule, named after its id.

Each module has `ID`, `SEVERITY`, `STRUCTURAL` (structural rules cannot be
silenced or re-levelled), a docstring with a failing and a passing example
(read by cjm.rules.docs: the source of `cjm rules`, docs/rules.md and
SARIF) and `check(journey, **options)`, which yields findings. Optional:
`OPTIONS` (each option's default; config may set them) and `READS_STEPS`
(held back while `no-steps` applies). The loader-level rules (`yaml-syntax`,
`duplicate-key`) and `schema` are produced before the model exists, and the
change rules (`perverse-consequence`, `regression`; `COMPARES = True`) by
cjm.diff from two versions of a map; their `check` is None.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from cjm.diagnostic import Severity
from cjm.rules import (
    duplicate_id,
    duplicate_key,
    empty_phase,
    hashtag_comment,
    long_message,
    missing_step,
    no_advocate_story,
    no_narrative,
    no_steps,
    open_role,
    participation_only,
    perverse_consequence,
    placeholder_text,
    prosumer_not_engaged,
    regression,
    schema,
    spectator_phase,
    step_order,
    unknown_phase,
    unknown_reference,
    unrecovered_dip,
    yaml_syntax,
)

_MODULES: tuple[ModuleType, ...] = (
    yaml_syntax,
    duplicate_key,
    schema,
    duplicate_id,
    unknown_reference,
    unknown_phase,
    no_steps,
    missing_step,
    step_order,
    empty_phase,
    no_advocate_story,
    spectator_phase,
    participation_only,
    prosumer_not_engaged,
    unrecovered_dip,
    no_narrative,
    open_role,
    long_message,
    hashtag_comment,
    placeholder_text,
    perverse_consequence,
    regression,
)

RULES: dict[str, ModuleType] = {module.ID: module for module in _MODULES}
STRUCTURAL: frozenset[str] = frozenset(m.ID for m in _MODULES if m.STRUCTURAL)
CHANGE_RULES: frozenset[str] = frozenset(m.ID for m in _MODULES if getattr(m, "COMPARES", False))
"""The rules found by comparing two versions of a map."""


def default_severity(rule: str) -> Severity:
    severity: Severity = RULES[rule].SEVERITY
    return severity


def default_options(rule: str) -> dict[str, Any]:
    """The options a rule takes, with their defaults (empty for most rules)."""
    options: dict[str, Any] = getattr(RULES[rule], "OPTIONS", {})
    return dict(options)


def reads_steps(rule: str) -> bool:
    return bool(getattr(RULES[rule], "READS_STEPS", False))
