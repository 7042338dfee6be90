"""Small maps for the diff tests, written as data (JSON is YAML), and one way to compare two."""

from __future__ import annotations

import json
from typing import Any

from cjm.check.changes import DiffResult, compare_results
from cjm.check.engine import check_text

Stage = tuple[str, list[dict[str, Any]]]


def tp(id: str, step: str | None = None, emotion: int | None = None, **fields: Any) -> dict[str, Any]:
    """A touchpoint: id, a title made from it, and whatever else is given."""
    out: dict[str, Any] = {"id": id, "title": fields.pop("title", id.replace("-", " ").capitalize())}
    if step is not None:
        out["step"] = step
    if emotion is not None:
        out["emotion"] = emotion
    return {**out, **fields}


def journey(*stages: Stage, phases: list[str] | None = None, **top: Any) -> str:
    """A map's text: the stages in order, `phases` declared when given."""
    data: dict[str, Any] = {"cjm": 1, "title": "Acme Notes trial", **top}
    if phases is not None:
        data["phases"] = phases
    data["stages"] = [{"phase": phase, "touchpoints": touchpoints} for phase, touchpoints in stages]
    return json.dumps(data, indent=2) + "\n"


def compare(old: str, new: str) -> DiffResult:
    """Check both texts and compare them as `cjm diff OLD NEW` does."""
    before, after = check_text(old, "old.cjm.yaml"), check_text(new, "new.cjm.yaml")
    assert before.valid and after.valid, [d.message for d in before.diagnostics + after.diagnostics]
    return compare_results(before, after)


def spec_example() -> tuple[str, str]:
    """The spec's example: trial goes from -2 to +2 and commitment from +1 to -2; both validate clean."""
    def version(trial: int, commitment: int) -> str:
        return journey(
            ("awareness", [tp("ad", "connect", 1, engagement="engaged"), tp("faq", "inform"),
                           tp("demo", "entertain", engagement="engaged"),
                           tp("post", "share", actor="customer", engagement="engaged", message="Try it")]),
            ("trial", [tp("trial-start", "connect", trial), tp("tour", "inform", engagement="engaged"),
                       tp("first-board", "entertain", engagement="engaged"),
                       tp("invite", "share", actor="customer", engagement="engaged")]),
            ("commitment", [tp("first-invoice", "connect", commitment), tp("plans", "inform"),
                            tp("templates", "entertain", engagement="engaged"),
                            tp("portal", "share", actor="customer", engagement="engaged")]),
            ("referral", [tp("invite-email", "connect", 2), tp("referral-faq", "inform"),
                          tp("team-demo", "entertain", engagement="engaged"),
                          tp("tip", "share", actor="advocate", engagement="engaged",
                             message="Notes that stay", steps_into_role=True, next=[])]),
            phases=["awareness", "trial", "commitment", "referral"],
            persona={"name": "Maya"}, narrative={"open_role": "The colleague who recommends it next"},
        )
    return version(-2, 1), version(2, -2)
