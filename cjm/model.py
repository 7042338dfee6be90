"""The typed journey map the rules read.

Built leniently from loaded data: a field of the wrong type is left unset
(the schema layer reports it), so semantic rules and the score still see
everything that is usable. Every object keeps the path of its node, so a rule
can point at any field. The predicates the rules and the score share (the
effective engagement, what an advocate share is) live here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cjm.diagnostic import Pos
from cjm.loader.positions import Path, Positions

STEPS = ("connect", "inform", "entertain", "share")
DEFAULT_PHASES = ("awareness", "involvement", "trial", "commitment", "referral")
ENGAGEMENTS = ("spectator", "participant", "engaged")
ACTORS = ("brand", "customer", "advocate", "partner")
STORYTELLING = ("corporate", "advocate")
"""The enums of the schema (tests/test_schema_agreement.py holds them equal)."""


@dataclass
class Touchpoint:
    path: Path
    id: str | None
    title: str
    stage_index: int
    phase: str | None
    actor: str = "brand"
    step: str | None = None
    storytelling: str = "corporate"
    engagement: str | None = None
    emotion: int | None = None
    moment_of_truth: bool = False
    next: list[str] = field(default_factory=list)
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


@dataclass
class Stage:
    path: Path
    index: int
    phase: str | None
    name: str
    goal: str | None
    touchpoints: list[Touchpoint]


@dataclass
class JourneyMap:
    """A map as the rules see it, with the positions to point into the file."""

    positions: Positions
    data: dict[str, Any]
    phases: list[str]
    phases_declared: bool
    stages: list[Stage]
    prosumer: bool = False

    def pos(self, path: Path) -> Pos:
        return self.positions.of(path)

    @property
    def touchpoints(self) -> list[Touchpoint]:
        return [tp for stage in self.stages for tp in stage.touchpoints]

    def phase_touchpoints(self, phase: str) -> list[Touchpoint]:
        """The touchpoints of every stage in `phase`, in file order."""
        return [tp for stage in self.stages if stage.phase == phase for tp in stage.touchpoints]

    def phase_stages(self, phase: str) -> list[Stage]:
        return [stage for stage in self.stages if stage.phase == phase]

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def section(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        return value if isinstance(value, dict) else {}


def effective_engagement(tp: Touchpoint, journey: JourneyMap) -> str | None:
    """A prosumer persona co-creates, so every touchpoint that sets engagement is engaged."""
    if tp.engagement is not None and journey.prosumer:
        return "engaged"
    return tp.engagement


def is_advocate_share(tp: Touchpoint) -> bool:
    return tp.step == "share" and tp.storytelling == "advocate"


def build_model(data: Any, positions: Positions, phases: list[str] | None = None) -> JourneyMap | None:
    """The model of `data`, or None when it is not a map at all.

    `phases` from config applies when the map does not declare its own.
    """
    if not isinstance(data, dict):
        return None
    declared = _strings(data.get("phases"))
    chosen = declared or list(phases or DEFAULT_PHASES)
    stages_raw = data.get("stages")
    stages = [
        _stage(raw, ("stages", i), i)
        for i, raw in enumerate(stages_raw if isinstance(stages_raw, list) else [])
        if isinstance(raw, dict)
    ]
    persona = data.get("persona")
    prosumer = isinstance(persona, dict) and persona.get("prosumer") is True
    return JourneyMap(positions, data, chosen, bool(declared), stages, prosumer)


def _stage(raw: dict[str, Any], path: Path, index: int) -> Stage:
    phase = _str(raw.get("phase")) or None
    items = raw.get("touchpoints")
    touchpoints = [
        _touchpoint(tp, (*path, "touchpoints", i), index, phase)
        for i, tp in enumerate(items if isinstance(items, list) else [])
        if isinstance(tp, dict)
    ]
    name = _str(raw.get("name")) or (phase or "").capitalize() or f"Stage {index + 1}"
    return Stage(path, index, phase, name, _str(raw.get("goal")), touchpoints)


def _touchpoint(raw: dict[str, Any], path: Path, stage_index: int, phase: str | None) -> Touchpoint:
    actor = _choice(raw.get("actor"), ACTORS) or "brand"
    default_story = "advocate" if actor in ("customer", "advocate") else "corporate"
    emotion = raw.get("emotion")
    return Touchpoint(
        path=path,
        id=_str(raw.get("id")),
        title=_str(raw.get("title")) or "",
        stage_index=stage_index,
        phase=phase,
        actor=actor,
        step=_choice(raw.get("step"), STEPS),
        storytelling=_choice(raw.get("storytelling"), STORYTELLING) or default_story,
        engagement=_choice(raw.get("engagement"), ENGAGEMENTS),
        emotion=int(emotion) if emotion is not None and _is_emotion(emotion) else None,
        moment_of_truth=raw.get("moment_of_truth") is True,
        next=_strings(raw.get("next")),
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
