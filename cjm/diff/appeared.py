"""Findings that appeared and findings that went away, matched by rule, phase and touchpoint id.

Never by line: a finding whose text moved is the same finding. Within one rule, phase and
touchpoint, findings with the same message pair up first, then the rest in file order; what is
left over in the new version appeared, what is left over in the old one was resolved. A phase the
matcher read as renamed counts as the same phase.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from cjm.diagnostic import Diagnostic

Key = tuple[str, "str | None", "str | None"]


def appeared_and_resolved(old: Sequence[Diagnostic], new: Sequence[Diagnostic],
                          renames: dict[str, str] | None = None,
                          ignore: Collection[str] = ()) -> tuple[list[Diagnostic], list[Diagnostic]]:
    renames = renames or {}
    before = _grouped([d for d in old if d.rule not in ignore], renames)
    after = _grouped([d for d in new if d.rule not in ignore], {})
    appeared: list[Diagnostic] = []
    resolved: list[Diagnostic] = []
    for key in after.keys() | before.keys():
        new_left, old_left = _unpaired(after.get(key, []), before.get(key, []))
        appeared += new_left
        resolved += old_left
    return _in_file_order(appeared), _in_file_order(resolved)


def key_of(d: Diagnostic, renames: dict[str, str]) -> Key:
    phase = renames.get(d.phase, d.phase) if d.phase is not None else None
    return d.rule, phase, d.touchpoint


def _grouped(diagnostics: list[Diagnostic], renames: dict[str, str]) -> dict[Key, list[Diagnostic]]:
    groups: dict[Key, list[Diagnostic]] = {}
    for d in diagnostics:
        groups.setdefault(key_of(d, renames), []).append(d)
    return groups


def _unpaired(new: list[Diagnostic], old: list[Diagnostic]) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """What is left of each list once equal messages, then the rest in order, have paired up."""
    unmatched: dict[str, list[int]] = {}
    for i, d in enumerate(old):
        unmatched.setdefault(d.message, []).append(i)
    paired: set[int] = set()
    new_left = []
    for d in new:
        twins = unmatched.get(d.message)
        if twins:
            paired.add(twins.pop(0))
        else:
            new_left.append(d)
    old_left = [d for i, d in enumerate(old) if i not in paired]
    pairs = min(len(new_left), len(old_left))
    return new_left[pairs:], old_left[pairs:]


def _in_file_order(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.line, d.column, d.rule))
