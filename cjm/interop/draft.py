"""A new map read from another format: its data, where each value came from, and what is wrong.

The CSV and Mermaid readers add stages and touchpoints with the position of
each value in the source; `finish` gives every touchpoint an id, then runs
the structural checks of `cjm validate` (schema, duplicate ids, unknown
`next` references) on the data, so a bad value is reported at its cell or
line in the user's file, in the words `cjm validate` uses, with the
touchpoint named by its row or line instead of its YAML path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cjm.diagnostic import START, Diagnostic, Pos, Severity
from cjm.loader.positions import Path, Positions
from cjm.model import DEFAULT_PHASES

_TOUCHPOINT_PATH = re.compile(r"stages\[(\d+)\]\.touchpoints\[(\d+)\]((?:\.[\w-]+|\[\d+\])*)")
ID_LENGTH = 32
NOTHING_HINTS = {
    "CSV": "put a header row (phase, title, ...) and one row per touchpoint",
    "Mermaid": "add a `section` line and tasks such as `Make tea: 5: Me`",
}


@dataclass
class Imported:
    """What `cjm import` read: the new map's data, or the problems that stop it."""

    kind: str
    """`CSV` or `Mermaid`."""
    data: dict[str, Any] | None
    diagnostics: list[Diagnostic]
    lines: list[str]
    """The source's lines, for the code frame under each problem."""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


@dataclass
class _Stage:
    phase: str
    name: str | None
    pos: Pos
    touchpoints: list[dict[str, Any]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    """How each touchpoint is named in messages: `row 4`, `the task on line 7`."""
    cells: list[dict[Path, Pos]] = field(default_factory=list)


class Draft:
    """The data of a new map as it is read, with a position for every value."""

    def __init__(self, kind: str, lines: list[str]) -> None:
        self.kind, self.lines = kind, lines
        self.stages: list[_Stage] = []
        self.problems: list[Diagnostic] = []
        self.top: dict[str, Any] = {}
        """Top-level keys the source itself gives (a CSV's `actors`), and where each came from:"""
        self.top_cells: dict[Path, Pos] = {}

    def problem(self, message: str, pos: Pos, hint: str | None = None, *,
                severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Diagnostic(self.kind.lower(), severity, message, pos.line, pos.column,
                                        hint=hint))

    def stage(self, phase: str, name: str | None, pos: Pos) -> None:
        default = phase.capitalize()
        self.stages.append(_Stage(phase, None if name in (None, "", default) else name, pos))

    def touchpoint(self, values: dict[str, Any], cells: dict[Path, Pos], place: str) -> None:
        """Add to the last stage: `values` by key, `cells` the position of each (sub)key."""
        stage = self.stages[-1]
        stage.touchpoints.append(values)
        stage.cells.append(cells)
        stage.places.append(place)

    def finish(self, top: dict[str, Any]) -> Imported:
        """The map: `top` (title, persona, ...) then phases and stages, checked as `cjm validate` would."""
        if not self.stages and not any(p.severity is Severity.ERROR for p in self.problems):
            self.problem(f"there is nothing to import: the {self.kind} has no touchpoints", START,
                         NOTHING_HINTS[self.kind])
        if not self.stages:
            return Imported(self.kind, None, self.problems, self.lines)
        _give_ids([tp for stage in self.stages for tp in stage.touchpoints])
        phases = list(dict.fromkeys(stage.phase for stage in self.stages))
        data: dict[str, Any] = {"cjm": 1, **top, **self.top, "phases": phases, "stages": [
            {"phase": s.phase, **({"name": s.name} if s.name else {}), "touchpoints": s.touchpoints}
            for s in self.stages]}
        checked = self._check(data)
        diagnostics = sorted(self.problems + checked, key=lambda d: (d.line, d.column))
        ok = not any(d.severity is Severity.ERROR for d in diagnostics)
        return Imported(self.kind, data if ok else None, diagnostics, self.lines)

    def _check(self, data: dict[str, Any]) -> list[Diagnostic]:
        from cjm.check.config import Config
        from cjm.check.engine import check_loaded
        from cjm.loader import Loaded

        positions = Positions(values={(): START, **self.top_cells})
        for i, stage in enumerate(self.stages):
            positions.values[("stages", i)] = positions.values[("stages", i, "phase")] = stage.pos
            for j, cells in enumerate(stage.cells):
                positions.values.update({("stages", i, "touchpoints", j, *path): pos
                                         for path, pos in cells.items()})
        result = check_loaded(Loaded("<import>", "", data, positions), Config())
        return [_reworded(d, self.stages, data) for d in result.diagnostics if d.severity is Severity.ERROR]


def _reworded(d: Diagnostic, stages: list[_Stage], data: dict[str, Any]) -> Diagnostic:
    """`stages[0].touchpoints[2].step (touchpoint 'ad' in stage 'Discover') is ...` -> `step in row 4
    is ...`: the row or line says where the touchpoint is in the user's file."""
    from cjm.schema.places import human

    message, parts, at = d.message, [], 0
    for match in _TOUCHPOINT_PATH.finditer(message):
        keys = [key or int(index) for key, index in re.findall(r"\.([\w-]+)|\[(\d+)\]", match[3])]
        beside = f" ({human(data, ('stages', int(match[1]), 'touchpoints', int(match[2]), *keys))})"
        where = stages[int(match[1])].places[int(match[2])]
        key = next((k for k in keys if isinstance(k, str)), None)
        parts += [message[at:match.start()], f"{key} in {where}" if key else f"the touchpoint in {where}"]
        at = match.end() + (len(beside) if message.startswith(beside, match.end()) else 0)
    return Diagnostic(d.rule, d.severity, "".join([*parts, message[at:]]), d.line, d.column, d.phase, d.hint)


def slug(text: str) -> str:
    """An id from a title: ASCII letters and digits joined by `-`, at most ID_LENGTH long."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    while len(words) > ID_LENGTH:
        words = words.rsplit("-", 1)[0] if "-" in words else words[:ID_LENGTH]
    return words


def _give_ids(touchpoints: list[dict[str, Any]]) -> None:
    """An id for every touchpoint without one, from its title, never one the map already uses."""
    taken = {tp["id"] for tp in touchpoints if isinstance(tp.get("id"), str)}
    for number, tp in enumerate(touchpoints, start=1):
        if "id" in tp:
            continue
        base = slug(str(tp.get("title", ""))) or f"touchpoint-{number}"
        candidate, count = base, 1
        while candidate in taken:
            count += 1
            candidate = f"{base}-{count}"
        taken.add(candidate)
        tp["id"] = candidate


def phase_from_label(label: str) -> str:
    """The phase a heading names: `Awareness` -> `awareness`, `Go home` -> `go home`, `Q3 launch` as is."""
    if label.lower() in DEFAULT_PHASES:
        return label.lower()
    second = label[1:2]
    return label[:1].lower() + label[1:] if not (second.isupper() or second.isdigit()) else label
