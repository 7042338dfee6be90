"""What `cjm diff` found, as plain values: no map, no file, no output format.

Every value has `to_dict()` in the shape of `cjm diff --format json`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from cjm.diagnostic import Finding

T = TypeVar("T")

MEASURES = ("score", "emotion", "pain_points")
"""What makes a phase better or worse, in the order messages name them."""


@dataclass(frozen=True)
class Change(Generic[T]):
    """A value before and after (None: no value on that side)."""

    old: T | None
    new: T | None

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new}


@dataclass(frozen=True)
class PhaseChange:
    """One phase in both versions, or in one of them (`status` added or removed)."""

    phase: str
    """Its name in the new map (the old name for a removed phase)."""
    status: str
    """`same`, `changed`, `added`, `removed`."""
    renamed_from: str | None
    score: Change[float]
    sequence: Change[int]
    depth: Change[float]
    emotion: Change[float]
    """The mean emotion of its touchpoints that set one, rounded half up to one decimal."""
    pain_points: Change[int]
    better: tuple[str, ...] = ()
    """The MEASURES that improved: the score or mean emotion rose, or pain points fell."""
    worse: tuple[str, ...] = ()

    @property
    def verdict(self) -> str:
        """`better`, `worse`, `mixed` (both at once) or `same`."""
        if self.better and self.worse:
            return "mixed"
        return "better" if self.better else "worse" if self.worse else "same"

    def to_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase, "status": self.status, "renamed_from": self.renamed_from,
            "score": self.score.to_dict(), "sequence": self.sequence.to_dict(), "depth": self.depth.to_dict(),
            "emotion": self.emotion.to_dict(), "pain_points": self.pain_points.to_dict(),
            "verdict": self.verdict, "better": list(self.better), "worse": list(self.worse),
        }


@dataclass(frozen=True)
class TouchpointRef:
    """A touchpoint added or removed: its id, phase and title."""

    id: str
    phase: str | None
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "phase": self.phase, "title": self.title}


@dataclass(frozen=True)
class Moved:
    """A touchpoint now in another phase."""

    id: str
    title: str
    old_phase: str | None
    new_phase: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "from": self.old_phase, "to": self.new_phase}


@dataclass(frozen=True)
class Reordered:
    """A touchpoint at another place among the touchpoints its phase kept (1-based)."""

    id: str
    title: str
    phase: str
    old_position: int
    new_position: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "phase": self.phase,
                "from": self.old_position, "to": self.new_position}


@dataclass(frozen=True)
class Changed:
    """A touchpoint in both versions whose fields differ."""

    id: str
    title: str
    phase: str | None
    fields: dict[str, Change[Any]]
    """`title`, `step`, `engagement`, `emotion`, `actor`, `storytelling`: only those that changed."""
    pain_points_added: tuple[str, ...] = ()
    pain_points_removed: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "phase": self.phase,
            "fields": {name: change.to_dict() for name, change in self.fields.items()},
            "pain_points": {"added": list(self.pain_points_added), "removed": list(self.pain_points_removed)},
        }


@dataclass(frozen=True)
class TouchpointChanges:
    added: list[TouchpointRef] = field(default_factory=list)
    """Ad hoc, in CJML's words: in the new map only."""
    removed: list[TouchpointRef] = field(default_factory=list)
    """Missing, in CJML's words: in the old map only."""
    moved: list[Moved] = field(default_factory=list)
    reordered: list[Reordered] = field(default_factory=list)
    """An irregular sequence, in CJML's words."""
    changed: list[Changed] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.moved or self.reordered or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [t.to_dict() for t in self.added],
            "removed": [t.to_dict() for t in self.removed],
            "moved": [t.to_dict() for t in self.moved],
            "reordered": [t.to_dict() for t in self.reordered],
            "changed": [t.to_dict() for t in self.changed],
        }


@dataclass(frozen=True)
class MapDiff:
    """Two valid versions of one map, compared."""

    score: Change[float]
    sequence: Change[float]
    phases: list[PhaseChange]
    touchpoints: TouchpointChanges
    findings: list[Finding]
    """`perverse-consequence` and `regression`, positioned on the new map (severity not yet stamped)."""
    renames: dict[str, str] = field(default_factory=dict)
    """Old phase name -> new name, for the phases the matcher read as renamed."""

    @property
    def any(self) -> bool:
        """True when something a report shows changed."""
        return (self.score.changed or self.sequence.changed or self.touchpoints.any
                or any(p.status != "same" for p in self.phases))
