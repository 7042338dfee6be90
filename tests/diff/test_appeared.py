"""Findings that appeared and went away: matched by rule, phase and touchpoint id, never by line."""

from __future__ import annotations

from cjm.diagnostic import Diagnostic, Severity
from cjm.diff.appeared import appeared_and_resolved
from tests.diff.maps import compare, journey, tp

FULL = [tp("c", "connect", 1), tp("i", "inform", 1), tp("e", "entertain", 1), tp("s", "share", 1)]


def keys(found: list[Diagnostic]) -> list[tuple[str, str | None, str | None]]:
    return [(d.rule, d.phase, d.touchpoint) for d in found]


def test_a_finding_whose_line_moved_is_the_same_finding() -> None:
    old = journey(("trial", [tp("signup", "connect", -2)]), phases=["trial"])
    new = "# The trial, now with a comment on top\n# and another line\n\n" + old
    result = compare(old, new)
    assert result.old is not None and result.new is not None
    assert {d.line for d in result.old.diagnostics} != {d.line for d in result.new.diagnostics}
    assert result.appeared == [] and result.resolved == []


def test_a_new_dip_appears_and_a_fixed_one_is_resolved_by_touchpoint() -> None:
    old = journey(("trial", [*FULL[:3], tp("s", "share", -1, actor="customer")]), phases=["trial"])
    new = journey(("trial", [tp("c", "connect", -1), *FULL[1:3], tp("s", "share", 2, actor="customer")]),
                  phases=["trial"])
    result = compare(old, new)
    assert keys(result.appeared) == [] and keys(result.resolved) == [("unrecovered-dip", "trial", "s")]
    worse = journey(("trial", [tp("c", "connect", 1), *FULL[1:3], tp("s", "share", -2, actor="customer")]),
                    phases=["trial"])
    again = compare(new, worse)
    assert keys(again.appeared) == [("unrecovered-dip", "trial", "s")] and again.resolved == []


def test_the_same_rule_on_the_same_phase_with_another_message_is_the_same_finding() -> None:
    old = journey(("trial", [FULL[0]]), phases=["trial"])  # missing inform, entertain, share
    new = journey(("trial", FULL[:2]), phases=["trial"])  # missing entertain, share
    result = compare(old, new)
    assert result.old is not None and result.new is not None
    [before] = [d for d in result.old.diagnostics if d.rule == "missing-step"]
    [after] = [d for d in result.new.diagnostics if d.rule == "missing-step"]
    assert before.message != after.message
    assert "missing-step" not in {d.rule for d in result.appeared + result.resolved}


def test_a_renamed_phase_keeps_its_findings() -> None:
    old = journey(("awareness", FULL), ("trial", [tp("x", "connect", 0)]),  # trial misses three steps
                  phases=["awareness", "trial"])
    new = old.replace('"trial"', '"try-out"')
    result = compare(old, new)
    assert result.diff is not None and result.diff.renames == {"trial": "try-out"}
    assert result.appeared == [] and result.resolved == []


def test_equal_messages_pair_first_and_the_rest_in_order() -> None:
    def d(message: str, line: int) -> Diagnostic:
        return Diagnostic("schema", Severity.ERROR, message, line, 1)

    old = [d("a", 1), d("b", 2)]
    new = [d("c", 5), d("b", 9), d("e", 10)]
    appeared, resolved = appeared_and_resolved(old, new)
    assert [x.message for x in appeared] == ["e"] and resolved == []
    assert appeared_and_resolved(new, old) == ([], [new[2]])


def test_ignored_rules_are_left_out() -> None:
    found = [Diagnostic("perverse-consequence", Severity.WARNING, "m", 1, 1, phase="trial")]
    assert appeared_and_resolved([], found, ignore={"perverse-consequence"}) == ([], [])
