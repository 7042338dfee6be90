"""The rule registry: one module per rule, named after its id.

Each module has `ID`, `SEVERITY`, `STRUCTURAL` (structural rules cannot be
silenced or re-levelled), a docstring with a failing and a passing example
(read by cjm.rules.docs: the source of `cjm rules`, docs/rules.md and SARIF) and `check(journey)`, which
yields findings. The loader-level rules (`yaml-syntax`, `duplicate-key`) and
`schema` are produced before the model exists; their `check` is None.
"""

from __future__ import annotations

from types import ModuleType

from cjm.diagnostic import Severity
from cjm.rules import (
    duplicate_id,
    duplicate_key,
    empty_phase,
    missing_step,
    no_advocate_story,
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
    missing_step,
    step_order,
    empty_phase,
    no_advocate_story,
    spectator_phase,
    unrecovered_dip,
)

RULES: dict[str, ModuleType] = {module.ID: module for module in _MODULES}
STRUCTURAL: frozenset[str] = frozenset(m.ID for m in _MODULES if m.STRUCTURAL)


def default_severity(rule: str) -> Severity:
    severity: Severity = RULES[rule].SEVERITY
    return severity
