"""Which collections of a map `cjm fmt` lays out, and in which key order.

Both writers of the canonical layout (cjm.fmt.fast for the common map,
ruamel.yaml's round trip for the rest) walk the same collections: the map,
its persona and narrative, the stages list, each stage, each touchpoints
list and each touchpoint. Each is written in block style (unless it stays
on its line) with its known keys first, in the order of the format's
reference, then the others in their own order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

TOP_KEYS = ("cjm", "title", "brand", "product", "owner", "description", "state", "based_on", "tags",
            "persona", "narrative", "actors", "layout", "phases", "stages")
PERSONA_KEYS = ("name", "role", "quote", "goals", "frustrations", "prosumer")
NARRATIVE_KEYS = ("hero", "open_role", "story")
STAGE_KEYS = ("phase", "name", "goal", "touchpoints")
TOUCHPOINT_KEYS = ("id", "title", "channel", "actor", "to", "step", "storytelling", "engagement", "emotion",
                   "doing", "thinking", "feeling", "pain_points", "opportunities", "moment_of_truth",
                   "backstage", "metrics", "evidence", "message", "steps_into_role", "next")
"""Known keys come in this order; `x-` and unknown keys follow in their own order."""


def arranged(data: Any, is_map: Callable[[Any], bool], is_seq: Callable[[Any], bool],
             get: Callable[[Any, str], Any]) -> Iterator[tuple[Any, tuple[str, ...]]]:
    """Every collection the canonical layout arranges, with its key order (empty for a list)."""
    if not is_map(data):
        return
    yield data, TOP_KEYS
    for key, order in (("persona", PERSONA_KEYS), ("narrative", NARRATIVE_KEYS)):
        if is_map(get(data, key)):
            yield get(data, key), order
    stages = get(data, "stages")
    if not is_seq(stages):
        return
    yield stages, ()
    for stage in stages:
        if not is_map(stage):
            continue
        yield stage, STAGE_KEYS
        touchpoints = get(stage, "touchpoints")
        if is_seq(touchpoints):
            yield touchpoints, ()
            for touchpoint in touchpoints:
                if is_map(touchpoint):
                    yield touchpoint, TOUCHPOINT_KEYS


def in_order(keys: Iterable[Any], order: tuple[str, ...]) -> list[Any]:
    """`keys` with the known ones first, in `order`, then the rest as they come."""
    present = list(keys)
    known = set(present)
    return [key for key in order if key in known] + [
        key for key in present if not (isinstance(key, str) and key in order)]
