"""The rows of the grid: lanes of content, the touchpoint cards, the emotion curve and the lines
of a service blueprint, for the journey layout and the blueprint layout.

Journey layout: one lane of cards, then doing, thinking, feeling, the
emotion curve, pain points and opportunities, the line of visibility, and
backstage, metrics and evidence. Blueprint layout: one lane of cards per
actor, grouped by kind (customers; the line of interaction; frontstage; the
line of visibility; backstage, with the `backstage` notes; the line of
internal interaction; support and systems), the customer's doing, thinking,
feeling and emotion with the customers, and the rest at the bottom. A card
sent `to` an actor leaves a "receives" mark in that actor's lane. Lanes with
nothing in them are left out, except the lanes of the map's own actors.
Lanes between two lines carry the number of their `group` (the lanes after
the last group carry none).
"""

from __future__ import annotations

from typing import Any

from cjm.model import ACTOR_KINDS, Actor, JourneyMap, Touchpoint
from cjm.render.cards import card, cell
from cjm.render.curve import emotion_curve

CUSTOMER_LANES = (("doing", "Doing", "text"), ("thinking", "Thinking", "text"),
                  ("feeling", "Feeling", "text"))
INSIGHT_LANES = (("pain_points", "Pain points", "list"), ("opportunities", "Opportunities", "list"))
BACK_LANES = (("backstage", "Backstage", "list"), ("metrics", "Metrics", "metrics"),
              ("evidence", "Evidence", "list"))
LINES = {
    "interaction": ("Line of interaction", "the customer and the staff they meet"),
    "visibility": ("Line of visibility", "what the customer does not see is below"),
    "internal": ("Line of internal interaction", "teams and systems that support the service"),
}
KIND_GROUPS = (("customer",), ("frontstage",), ("backstage",), ("support", "system"))
LINE_BEFORE = (None, "interaction", "visibility", "internal")

Slots = list[Touchpoint | None]


def journey_lanes(journey: JourneyMap, slots: Slots, stage_starts: list[int]) -> list[dict[str, Any]]:
    lanes: list[dict[str, Any]] = []
    if any(slots):
        lanes.append(_cards("touchpoints", "Touchpoints", None, journey, slots, lambda tp: True))
    lanes += _content(CUSTOMER_LANES, slots) + _curve(slots, stage_starts) + _content(INSIGHT_LANES, slots)
    backstage = _grouped(_content(BACK_LANES, slots), 1)
    return lanes + ([_grouped([_line("visibility")], 1)[0]] if backstage else []) + backstage


def blueprint_lanes(journey: JourneyMap, slots: Slots, stage_starts: list[int]) -> list[dict[str, Any]]:
    used = {tp.actor for tp in slots if tp} | {tp.to for tp in slots if tp and tp.to}
    actors = [a for a in journey.actors.values() if not a.builtin or a.id in used]
    actors.sort(key=lambda a: ACTOR_KINDS.index(a.kind))
    groups: list[list[dict[str, Any]]] = []
    for kinds in KIND_GROUPS:
        groups.append([_actor_lane(actor, journey, slots) for actor in actors if actor.kind in kinds])
    groups[0] += _content(CUSTOMER_LANES, slots) + _curve(slots, stage_starts)
    groups[2] += _content(BACK_LANES[:1], slots)
    lanes: list[dict[str, Any]] = []
    for number, (line, group) in enumerate(zip(LINE_BEFORE, groups, strict=True)):
        if group and lanes and line:
            lanes.append(_line(line))
        lanes += group
        _grouped(lanes, number)
    return lanes + _content(INSIGHT_LANES, slots) + _content(BACK_LANES[1:], slots)


def _grouped(lanes: list[dict[str, Any]], group: int) -> list[dict[str, Any]]:
    """Mark the lanes (not yet marked) as being in `group`: the lines of a blueprint open a group,
    and a line is worth drawing only where its group has something."""
    for lane in lanes:
        lane.setdefault("group", group)
    return lanes


def _actor_lane(actor: Actor, journey: JourneyMap, slots: Slots) -> dict[str, Any]:
    lane = _cards(f"actor-{actor.id}", actor.name, actor, journey, slots, lambda tp: tp.actor == actor.id)
    for index, tp in enumerate(slots):
        if tp is not None and tp.to == actor.id and lane["cells"][index] is None:
            lane["cells"][index] = {"receives": {"from": journey.actors[tp.actor].name, "title": tp.title,
                                                 "id": tp.id}}
    return lane


def _cards(key: str, label: str, actor: Actor | None, journey: JourneyMap, slots: Slots,
           belongs: Any) -> dict[str, Any]:
    cells = [{"card": card(tp, journey)} if tp is not None and belongs(tp) else None for tp in slots]
    return {"key": key, "label": label, "kind": "cards", "cells": cells,
            "actor": {"id": actor.id, "kind": actor.kind} if actor else None}


def _line(key: str) -> dict[str, Any]:
    label, note = LINES[key]
    return {"key": key, "label": label, "kind": "line", "note": note}


def _curve(slots: Slots, stage_starts: list[int]) -> list[dict[str, Any]]:
    curve = emotion_curve(slots, stage_starts)
    if curve is None:
        return []
    return [{"key": "emotion", "label": "Emotion", "kind": "emotion", "curve": curve}]


def _content(specs: tuple[tuple[str, str, str], ...], slots: Slots) -> list[dict[str, Any]]:
    lanes = []
    for key, label, kind in specs:
        cells = [cell(tp, key, kind) if tp else None for tp in slots]
        if any(cells):
            lanes.append({"key": key, "label": label, "kind": kind, "cells": cells})
    return lanes
