"""The matcher: phases by name, touchpoints by `id`, never by line.

A phase that is gone from the new map's `phases` while a new one holds most of its touchpoints
(at least half, by id) is read as renamed, so its touchpoints do not all count as moved. A
touchpoint is added (CJML: ad hoc) or removed (missing) when its id is in one version only,
moved when it is in another phase, and reordered (an irregular sequence) when its place among
the touchpoints its phase kept changed: those outside the longest run that kept its order.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from cjm.diff.values import Change, Changed, Moved, Reordered, TouchpointChanges, TouchpointRef
from cjm.model import JourneyMap, Touchpoint

FIELDS = ("title", "step", "engagement", "emotion", "actor", "storytelling")
"""The touchpoint fields a diff reports (storytelling as the rules read it: derived on shares)."""


def phase_renames(old: JourneyMap, new: JourneyMap) -> dict[str, str]:
    """Old phase name -> new phase name, for phases read as renamed."""
    fresh = [p for p in new.phases if p not in old.phases]
    renames: dict[str, str] = {}
    for phase in (p for p in old.phases if p not in new.phases):
        ids = {tp.id for tp in old.phase_touchpoints(phase)}
        shared = [(len(ids & {tp.id for tp in new.phase_touchpoints(q)}), -i, q)
                  for i, q in enumerate(fresh) if q not in renames.values()]
        count, _, best = max(shared, default=(0, 0, ""))
        if count and 2 * count >= len(ids):
            renames[phase] = best
    return renames


def match_touchpoints(old: JourneyMap, new: JourneyMap, renames: dict[str, str]) -> TouchpointChanges:
    before = {tp.id: tp for tp in old.touchpoints if tp.id is not None}
    after = {tp.id: tp for tp in new.touchpoints if tp.id is not None}
    changes = TouchpointChanges(
        added=[_ref(tp) for tp in new.touchpoints if tp.id not in before],
        removed=[_ref(tp) for tp in old.touchpoints if tp.id not in after],
    )
    for tp in new.touchpoints:
        was = before.get(tp.id) if tp.id is not None else None
        if was is None or tp.id is None:
            continue
        if _phase_now(was, renames) != tp.phase:
            changes.moved.append(Moved(tp.id, tp.title, was.phase, tp.phase))
        changed = _changed(was, tp)
        if changed is not None:
            changes.changed.append(changed)
    for phase in new.phases:
        changes.reordered.extend(_reordered(old, new, phase, before, renames))
    return changes


def _phase_now(tp: Touchpoint, renames: dict[str, str]) -> str | None:
    return renames.get(tp.phase, tp.phase) if tp.phase is not None else None


def _ref(tp: Touchpoint) -> TouchpointRef:
    return TouchpointRef(tp.id or "", tp.phase, tp.title)


def _changed(was: Touchpoint, tp: Touchpoint) -> Changed | None:
    fields: dict[str, Change[Any]] = {}
    for name in FIELDS:
        old_value, new_value = getattr(was, name), getattr(tp, name)
        if old_value != new_value:
            fields[name] = Change(old_value, new_value)
    old_pains, new_pains = was.texts("pain_points"), tp.texts("pain_points")
    added = tuple(p for p in new_pains if p not in old_pains)
    removed = tuple(p for p in old_pains if p not in new_pains)
    if not (fields or added or removed):
        return None
    return Changed(tp.id or "", tp.title, tp.phase, fields, added, removed)


def _reordered(old: JourneyMap, new: JourneyMap, phase: str, before: dict[str, Touchpoint],
               renames: dict[str, str]) -> list[Reordered]:
    """The touchpoints of `phase` that kept their phase but not their place among the others."""
    kept = [(place, tp) for place, tp in enumerate(new.phase_touchpoints(phase))
            if tp.id in before and _phase_now(before[tp.id], renames) == phase]
    if len(kept) < 2:
        return []
    old_list = old.phase_touchpoints(before[kept[0][1].id or ""].phase or "")
    old_place = {tp.id: i for i, tp in enumerate(old_list)}
    in_order = set(longest_increasing([old_place[tp.id] for _, tp in kept]))
    return [Reordered(tp.id or "", tp.title, phase, old_place[tp.id] + 1, place + 1)
            for i, (place, tp) in enumerate(kept) if i not in in_order]


def longest_increasing(values: list[int]) -> list[int]:
    """The positions in `values` of a longest strictly increasing run (patience sorting, n log n)."""
    tails: list[int] = []
    """tails[k]: the smallest value ending an increasing run of length k + 1."""
    tail_at: list[int] = []
    previous = [-1] * len(values)
    for position, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(position)
        else:
            tails[k], tail_at[k] = value, position
        previous[position] = tail_at[k - 1] if k else -1
    run: list[int] = []
    position = tail_at[-1] if tail_at else -1
    while position != -1:
        run.append(position)
        position = previous[position]
    return run[::-1]
