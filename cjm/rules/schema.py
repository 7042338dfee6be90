"""A value has the wrong type, a required key is missing, a key is unknown, or a value is out of its range.

Checked against the JSON Schema that ships with cjm (`cjm schema` prints it).
The message names the path, such as `stages[1].touchpoints[0].emotion`, and
suggests the closest known key or value. Keys starting with `x-` are free.

A touchpoint's `actor` and `to` take one of the built-in actors (brand,
customer, advocate, partner) or the id of one of the map's `actors`: that
list is the map's own, so this part is checked on the map once it is read.
An `actors` entry cannot reuse a built-in actor's id.

Fails on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awareness
        touchpoints:
          - id: tiktok-demo
            title: 15-second demo
            emotoin: 3

Passes on:

    cjm: 1
    title: Acme onboarding
    stages:
      - phase: awareness
        touchpoints:
          - id: tiktok-demo
            title: 15-second demo
            emotion: 2
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from cjm.diagnostic import Finding, Severity
from cjm.loader.positions import format_path
from cjm.model import ACTORS, JourneyMap
from cjm.schema.messages import Messages

ID = "schema"
SEVERITY = Severity.ERROR
STRUCTURAL = True


def check(journey: JourneyMap) -> Iterator[Finding]:
    """The actor references; every other part of the schema is checked before the model is built.
    Worded as the schema's own "value out of its allowed values", the map's actors among them."""
    yield from _builtin_ids_declared(journey)
    known = list(journey.actors)
    for tp in journey.touchpoints:
        for key in ("actor", "to"):
            value = tp.raw.get(key)
            if isinstance(value, str) and value and value not in journey.actors:
                yield _unknown_actor(journey, (*tp.path, key), value, known, tp.phase)


def _builtin_ids_declared(journey: JourneyMap) -> Iterator[Finding]:
    actors = journey.data.get("actors")
    for i, item in enumerate(actors if isinstance(actors, list) else []):
        ident = item.get("id") if isinstance(item, dict) else None
        if ident in ACTORS:
            path = ("actors", i, "id")
            message = f"{format_path(path)} '{ident}' is a built-in actor; give this actor its own id"
            yield Finding(ID, message, journey.pos(path), hint=f"for example '{ident}-team', or leave it out "
                          f"and write `actor: {ident}` on the touchpoints")


def _unknown_actor(journey: JourneyMap, path: tuple[Any, ...], value: str, known: list[str],
                   phase: str | None) -> Finding:
    messages = Messages(journey.positions, journey.data)
    messages.enum(path, value, known)
    (finding,) = messages.findings
    hint = finding.hint or f"allowed values: {', '.join(known)}"
    if not journey.declared_actors:
        hint += "; or list your own under `actors:` (each with an id, a name and a kind)"
    return replace(finding, phase=phase, hint=hint)
