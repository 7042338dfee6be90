"""The matcher: phases by name (renames read from shared touchpoints), touchpoints by id."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cjm.diff.touchpoints import longest_increasing
from cjm.diff.values import Moved, Reordered, TouchpointRef
from tests.diff.maps import compare, journey, tp

FOUR = [tp("a", "connect", 1), tp("b", "inform", 1), tp("c", "entertain", 1), tp("d", "share", 1)]
BRANCHY = [  # a trial that splits after sign-up and joins again at the first board
    tp("signup", "connect", 0, next=["tour", "skip-tour"]),
    tp("tour", "inform", 1, next=["first-board"]),
    tp("skip-tour", "inform", -1, next=["first-board"]),
    tp("first-board", "entertain", 2),
    tp("invite", "share", 1, next=[]),
]


def test_identical_maps_give_nothing() -> None:
    text = journey(("awareness", FOUR), ("trial", BRANCHY), phases=["awareness", "trial"])
    result = compare(text, text)
    assert result.diff is not None and not result.diff.any and not result.diff.touchpoints.any
    assert result.findings == [] and result.appeared == [] and result.resolved == []
    assert result.status == "unchanged"
    assert all(p.status == "same" and p.verdict == "same" for p in result.diff.phases)


def test_added_and_removed_by_id() -> None:
    old = journey(("trial", FOUR), phases=["trial"])
    new = journey(("trial", [*FOUR[:2], tp("c2", "entertain", 1, title="New game"), FOUR[3]]),
                  phases=["trial"])
    changes = compare(old, new).diff.touchpoints  # type: ignore[union-attr]
    assert changes.added == [TouchpointRef("c2", "trial", "New game")]
    assert changes.removed == [TouchpointRef("c", "trial", "C")]
    assert changes.moved == [] and changes.reordered == [] and changes.changed == []


def test_a_touchpoint_moved_to_another_phase() -> None:
    old = journey(("trial", FOUR), ("commitment", [tp("pay", "connect", 0)]), phases=["trial", "commitment"])
    new = journey(("trial", FOUR[:3]), ("commitment", [tp("pay", "connect", 0), FOUR[3]]),
                  phases=["trial", "commitment"])
    changes = compare(old, new).diff.touchpoints  # type: ignore[union-attr]
    assert changes.moved == [Moved("d", "D", "trial", "commitment")]
    assert changes.added == [] and changes.removed == [] and changes.reordered == []


def test_reordered_names_only_what_left_the_order() -> None:
    old = journey(("trial", FOUR), phases=["trial"])
    new = journey(("trial", [FOUR[3], *FOUR[:3]]), phases=["trial"])
    changes = compare(old, new).diff.touchpoints  # type: ignore[union-attr]
    assert changes.reordered == [Reordered("d", "D", "trial", 4, 1)]


def test_moving_to_another_stage_of_the_same_phase_is_not_a_move() -> None:
    old = journey(("trial", FOUR[:2]), ("trial", FOUR[2:]), phases=["trial"])
    new = journey(("trial", FOUR[:1]), ("trial", FOUR[1:]), phases=["trial"])
    result = compare(old, new)
    assert result.diff is not None and not result.diff.touchpoints.any


def test_branches_are_matched_by_id_and_a_new_branch_is_added() -> None:
    old = journey(("trial", BRANCHY), phases=["trial"])
    branch = tp("video-tour", "inform", 1, next=["first-board"])
    new_signup = {**BRANCHY[0], "next": ["tour", "skip-tour", "video-tour"]}
    new = journey(("trial", [new_signup, BRANCHY[1], BRANCHY[2], branch, *BRANCHY[3:]]), phases=["trial"])
    result = compare(old, new)
    changes = result.diff.touchpoints  # type: ignore[union-attr]
    assert [t.id for t in changes.added] == ["video-tour"]
    assert changes.removed == changes.moved == changes.reordered == changes.changed == []
    assert result.findings == []  # mean emotion 0.6 -> 0.7: better, nothing worse


def test_a_renamed_phase_is_the_same_phase() -> None:
    old = journey(("awareness", FOUR), ("trial", BRANCHY), phases=["awareness", "trial"])
    new = journey(("awareness", FOUR), ("try-out", BRANCHY), phases=["awareness", "try-out"])
    result = compare(old, new)
    assert result.diff is not None and result.diff.renames == {"trial": "try-out"}
    assert not result.diff.touchpoints.any and result.findings == []
    renamed = result.diff.phases[1]
    assert (renamed.phase, renamed.renamed_from, renamed.status, renamed.verdict) == ("try-out", "trial",
                                                                                     "changed", "same")


def test_a_phase_that_keeps_few_of_its_touchpoints_is_removed_not_renamed() -> None:
    old = journey(("awareness", FOUR), ("trial", BRANCHY), phases=["awareness", "trial"])
    new = journey(("awareness", [*FOUR, *BRANCHY[:4]]), ("onboarding", BRANCHY[4:]),
                  phases=["awareness", "onboarding"])
    result = compare(old, new)
    assert result.diff is not None and result.diff.renames == {}
    assert [(p.phase, p.status) for p in result.diff.phases] == [
        ("awareness", "changed"), ("trial", "removed"), ("onboarding", "added")]
    assert [(m.id, m.old_phase, m.new_phase) for m in result.diff.touchpoints.moved] == [
        ("signup", "trial", "awareness"), ("tour", "trial", "awareness"), ("skip-tour", "trial", "awareness"),
        ("first-board", "trial", "awareness"), ("invite", "trial", "onboarding")]


def test_changed_fields_and_pain_points() -> None:
    old = journey(("trial", [tp("share", "share", 1, engagement="participant",
                                pain_points=["Slow", "Ugly"])]), phases=["trial"])
    new = journey(("trial", [tp("share", "share", -1, engagement="engaged", actor="customer",
                                pain_points=["Ugly", "Costly"])]), phases=["trial"])
    [changed] = compare(old, new).diff.touchpoints.changed  # type: ignore[union-attr]
    assert {name: (c.old, c.new) for name, c in changed.fields.items()} == {
        "engagement": ("participant", "engaged"), "emotion": (1, -1), "actor": ("brand", "customer"),
        "storytelling": ("corporate", "advocate")}  # derived: a customer's share is advocate storytelling
    assert changed.pain_points_added == ("Costly",) and changed.pain_points_removed == ("Slow",)


def _lis_length(values: list[int]) -> int:
    best = [1] * len(values)
    for i in range(len(values)):
        for j in range(i):
            if values[j] < values[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


@given(st.lists(st.integers(0, 30), max_size=12, unique=True))
def test_longest_increasing_is_increasing_and_longest(values: list[int]) -> None:
    run = longest_increasing(values)
    assert run == sorted(run) and len(set(run)) == len(run)
    picked = [values[i] for i in run]
    assert picked == sorted(picked) and len(picked) == _lis_length(values)
