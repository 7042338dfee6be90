"""The typed journey map the rules read.

Built leniently from loaded data: a field of the wrong type is left unset
(the schema layer reports it), so semantic rules and the score still see
everything that is usable. Every object keeps the path of its node, so a rule
can point at any field. What the rules and the score both read is decided
here, once: a touchpoint's effective engagement, its storytelling (derived on
shares only), where the customer can go next, and a phase's longest chain of
steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cjm.diagnostic import Pos
from cjm.loader.positions import Path, Positions

STEPS = ("connect", "inform", "entertain", "share")
DEFAULT_PHASES = ("awareness", "involvement", "trial", "commitment", "referral")
ENGAGEMENTS = ("spectator", "participant", "engaged")
STORYTELLING = ("corporate", "advocate")
ACTOR_KINDS = ("customer", "frontstage", "backstage", "support", "system")
LAYOUTS = ("journey", "blueprint")
"""The enums of the schema (tests/test_schema_agreement.py holds them equal)."""
ACTORS = ("brand", "customer", "advocate", "partner")
"""The built-in actors, which every map has (the schema lists them as `examples` of `actor`)."""
BUILTIN_KINDS = {"brand": "frontstage", "customer": "customer", "advocate": "customer", "partner": "support"}
"""What kind of actor each built-in one is."""


WEIGHTS = {"spectator": 0, "participant": 50, "engaged": 100}
"""What each level of engagement is worth in the depth of a phase."""
SHARE_TELLERS = ("customer",)
"""Kinds of actor whose share is advocate storytelling unless the map says otherwise: customers
(the built-in `customer` and `advocate`, and every declared actor of kind customer)."""
BRAND_SIDE = ("frontstage", "backstage", "support", "system")
"""Kinds of actor who act for the brand (the built-in `brand` and `partner` among them): they cannot
step into the customer's open role."""


@dataclass(frozen=True)
class Actor:
    """Who acts at a touchpoint: a built-in actor or one of the map's `actors`."""

    id: str
    name: str
    kind: str
    builtin: bool = False
    path: Path = ()
    """Where the map declares it (empty for a built-in)."""


BUILTIN_ACTORS = {key: Actor(key, key.capitalize(), kind, builtin=True)
                  for key, kind in BUILTIN_KINDS.items()}


@dataclass
class Touchpoint:
    path: Path
    index: int
    """Its place among all the map's touchpoints, in file order."""
    id: str | None
    title: str
    stage_index: int
    phase: str | None
    actor: str = "brand"
    """The id of a built-in actor or of one of the map's `actors` (an unknown one reads as `brand`)."""
    actor_kind: str = "frontstage"
    to: str | None = None
    """The actor who receives the touchpoint (`to:`), when it names a known one."""
    step: str | None = None
    storytelling: str | None = None
    """As set; on a share, derived from the actor when unset; else None (no story is told)."""
    engagement: str | None = None
    """As set in the map."""
    effective: str = "participant"
    """The engagement the score counts: as set, else `engaged` for a prosumer, else `participant`."""
    emotion: int | None = None
    moment_of_truth: bool = False
    next: list[str] | None = None
    """The ids `next` names, in order; None when the map leaves it to file order (`[]`: the journey ends)."""
    message: str | None = None
    steps_into_role: bool = False
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.id or self.title or f"touchpoint at {self.path}"

    def text(self, key: str) -> str | None:
        value = self.raw.get(key)
        return value if isinstance(value, str) else None

    def texts(self, key: str) -> list[str]:
        value = self.raw.get(key)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    @property
    def is_advocate_share(self) -> bool:
        """A share told by customers or advocates: word of mouth."""
        return self.step == "share" and self.storytelling == "advocate"

    @property
    def by_brand(self) -> bool:
        """True when the brand's side acts here (frontstage, backstage, support, system)."""
        return self.actor_kind in BRAND_SIDE


@dataclass
class Stage:
    path: Path
    index: int
    phase: str | None
    name: str
    goal: str | None
    touchpoints: list[Touchpoint]
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass
class JourneyMap:
    """A map as the rules see it, with the positions to point into the file."""

    positions: Positions
    data: dict[str, Any]
    phases: list[str]
    phases_declared: bool
    stages: list[Stage]
    prosumer: bool = False
    open_role: str | None = None
    actors: dict[str, Actor] = field(default_factory=lambda: dict(BUILTIN_ACTORS))
    """The built-in actors, then the map's own `actors` by id (a repeated or built-in id keeps the first)."""
    touchpoints: list[Touchpoint] = field(default_factory=list)
    """Every touchpoint of every stage, in file order."""
    phase_index: dict[str, int] = field(default_factory=dict)
    """Where each phase stands in `phases` (the first place, if a phase is repeated)."""
    _by_phase: dict[str | None, list[Touchpoint]] = field(default_factory=dict, repr=False)
    _stages_by_phase: dict[str | None, list[Stage]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.touchpoints = [tp for stage in self.stages for tp in stage.touchpoints]
        for i, phase in enumerate(self.phases):
            self.phase_index.setdefault(phase, i)
        for stage in self.stages:
            self._stages_by_phase.setdefault(stage.phase, []).append(stage)
            self._by_phase.setdefault(stage.phase, []).extend(stage.touchpoints)

    @property
    def declared_actors(self) -> list[Actor]:
        """The map's own `actors`, in the order it lists them."""
        return [actor for actor in self.actors.values() if not actor.builtin]

    def pos(self, path: Path) -> Pos:
        return self.positions.of(path)

    def phase_touchpoints(self, phase: str) -> list[Touchpoint]:
        """The touchpoints of every stage in `phase`, in file order."""
        return self._by_phase.get(phase, [])

    def phase_stages(self, phase: str) -> list[Stage]:
        return self._stages_by_phase.get(phase, [])

    @property
    def has_steps(self) -> bool:
        """True when some touchpoint sets `step`: only then is the map scored."""
        return any(tp.step for tp in self.touchpoints)

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def section(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        return value if isinstance(value, dict) else {}

    def successors(self) -> list[list[int]]:
        """Where the customer can go from each touchpoint (by index): the ids its `next`
        names, or the next touchpoint in file order when it sets none; `next: []` ends there."""
        first: dict[str, int] = {}
        for tp in self.touchpoints:
            if tp.id is not None:
                first.setdefault(tp.id, tp.index)
        out: list[list[int]] = []
        for tp in self.touchpoints:
            if tp.next is None:
                out.append([tp.index + 1] if tp.index + 1 < len(self.touchpoints) else [])
            else:
                out.append(list(dict.fromkeys(first[t] for t in tp.next if t in first)))
        return out


def chain_indices(steps: Sequence[str | None]) -> list[int]:
    """The positions in `steps` of its longest forward chain (ties: the chain of earliest steps).

    `best[k]` is the longest chain seen so far that ends with step k; a step
    extends the best chain ending at any earlier step. Entries that are no
    step (None, or anything else) are skipped.
    """
    best: list[list[int]] = [[] for _ in STEPS]
    for position, step in enumerate(steps):
        if step not in STEPS:
            continue
        k = STEPS.index(step)
        longest_before = max((best[j] for j in range(k)), key=len, default=[])
        if len(longest_before) + 1 > len(best[k]):
            best[k] = [*longest_before, position]
    return max(best, key=len)


def longest_chain(steps: Sequence[str | None]) -> list[str]:
    """The steps of the longest forward chain in `steps`."""
    return [str(steps[i]) for i in chain_indices(steps)]


def build_model(data: Any, positions: Positions, phases: list[str] | None = None) -> JourneyMap | None:
    """The model of `data`, or None when it is not a map at all.

    `phases` from config applies when the map does not declare its own.
    """
    if not isinstance(data, dict):
        return None
    declared = _strings(data.get("phases"))
    chosen = declared or list(phases or DEFAULT_PHASES)
    persona = data.get("persona")
    prosumer = isinstance(persona, dict) and persona.get("prosumer") is True
    stages_raw = data.get("stages")
    stages: list[Stage] = []
    counter = _Counter(prosumer, _actors(data.get("actors")))
    for i, raw in enumerate(stages_raw if isinstance(stages_raw, list) else []):
        if isinstance(raw, dict):
            stages.append(_stage(raw, ("stages", i), i, counter))
    narrative = data.get("narrative")
    open_role = _str(narrative.get("open_role")) if isinstance(narrative, dict) else None
    return JourneyMap(positions, data, chosen, bool(declared), stages, prosumer, open_role or None,
                      counter.actors)


def _actors(raw: Any) -> dict[str, Actor]:
    """The built-in actors and the usable entries of `actors:` (an id, and a known kind)."""
    actors = dict(BUILTIN_ACTORS)
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        ident = _str(item.get("id")) if isinstance(item, dict) else None
        if not ident or ident in actors:
            continue
        kind = _choice(item.get("kind"), ACTOR_KINDS) or "frontstage"
        actors[ident] = Actor(ident, _str(item.get("name")) or ident, kind, path=("actors", i))
    return actors


class _Counter:
    """Numbers the touchpoints in file order, and carries what every touchpoint is read with."""

    def __init__(self, prosumer: bool, actors: dict[str, Actor]) -> None:
        self.count = 0
        self.prosumer = prosumer
        self.actors = actors

    def take(self) -> int:
        self.count += 1
        return self.count - 1


def _stage(raw: dict[str, Any], path: Path, index: int, counter: _Counter) -> Stage:
    phase = _str(raw.get("phase")) or None
    items = raw.get("touchpoints")
    touchpoints = [
        _touchpoint(tp, (*path, "touchpoints", i), index, phase, counter)
        for i, tp in enumerate(items if isinstance(items, list) else [])
        if isinstance(tp, dict)
    ]
    name = _str(raw.get("name")) or (phase or "").capitalize() or f"Stage {index + 1}"
    return Stage(path, index, phase, name, _str(raw.get("goal")), touchpoints, raw)


def _touchpoint(raw: dict[str, Any], path: Path, stage_index: int, phase: str | None,
                counter: _Counter) -> Touchpoint:
    actor = counter.actors.get(_str(raw.get("actor")) or "brand", BUILTIN_ACTORS["brand"])
    receiver = counter.actors.get(_str(raw.get("to")) or "")
    step = _choice(raw.get("step"), STEPS)
    storytelling = _choice(raw.get("storytelling"), STORYTELLING)
    if storytelling is None and step == "share":
        storytelling = "advocate" if actor.kind in SHARE_TELLERS else "corporate"
    engagement = _choice(raw.get("engagement"), ENGAGEMENTS)
    emotion = raw.get("emotion")
    next_ids = raw.get("next")
    return Touchpoint(
        path=path,
        index=counter.take(),
        id=_str(raw.get("id")),
        title=_str(raw.get("title")) or "",
        stage_index=stage_index,
        phase=phase,
        actor=actor.id,
        actor_kind=actor.kind,
        to=receiver.id if receiver else None,
        step=step,
        storytelling=storytelling,
        engagement=engagement,
        effective=engagement or ("engaged" if counter.prosumer else "participant"),
        emotion=int(emotion) if emotion is not None and _is_emotion(emotion) else None,
        moment_of_truth=raw.get("moment_of_truth") is True,
        next=_strings(next_ids) if isinstance(next_ids, list) else None,
        message=_str(raw.get("message")),
        steps_into_role=raw.get("steps_into_role") is True,
        raw=raw,
    )


def _is_emotion(value: Any) -> bool:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return ok and -2 <= value <= 2 and float(value).is_integer()


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _choice(value: Any, allowed: tuple[str, ...]) -> str | None:
    return value if value in allowed else None


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
