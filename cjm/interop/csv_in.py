"""Touchpoints from a CSV (`cjm import FILE.csv`): one row per touchpoint, as `cjm export` writes.

The columns may come in any order and only `title` and `phase` (or `stage`)
are needed. An empty `phase` or `stage` cell repeats the row above (merged
cells come out of a spreadsheet that way); consecutive rows of the same
phase and stage make one stage; a row with only a phase and a stage is a
stage without touchpoints. Cells are read leniently (cjm.interop.csv_values);
what cannot be read is a problem at its cell, and the values are then
checked as `cjm validate` checks a map.
"""

from __future__ import annotations

import re
from typing import Any

from cjm.diagnostic import Pos, Severity
from cjm.interop.csv_cells import Record, UnclosedQuote, read_records, sniff_delimiter
from cjm.interop.csv_columns import unguarded
from cjm.interop.csv_header import read_header
from cjm.interop.csv_values import CellProblem, cell_value
from cjm.interop.draft import Draft, phase_from_label
from cjm.loader.positions import Path
from cjm.model import ACTOR_KINDS, ACTORS, DEFAULT_PHASES

_BREAK = re.compile(r"\r\n|\r|\n")
_ACTOR_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


def read_csv(text: str) -> Draft:
    """The stages and touchpoints of a CSV, and the problems found on the way."""
    draft = Draft("CSV", _BREAK.split(text))
    try:
        records = [r for r in read_records(text, sniff_delimiter(text)) if not r.blank]
    except UnclosedQuote as exc:
        draft.problem(f"row {exc.number}: the quote that opens this cell is never closed", exc.pos,
                      'a cell that starts with " ends with "; write a quote inside a cell as ""')
        return draft
    columns = read_header(records[0], draft) if records else None
    if columns is not None:
        rows = _Rows(draft, columns, len(records[0].cells))
        for record in records[1:]:
            rows.read(record)
        declare_actors(draft)
    return draft


def declare_actors(draft: Draft) -> None:
    """The actors the rows name in `actor` or `to` that are not built in, declared under `actors:`
    (a CSV holds no kinds: each is `frontstage` until the user says otherwise), with a warning."""
    declared: list[str] = []
    for stage in draft.stages:
        for values, cells, place in zip(stage.touchpoints, stage.cells, stage.places, strict=True):
            for key in ("actor", "to"):
                ident = values.get(key)
                if not isinstance(ident, str) or ident in ACTORS or ident in declared \
                        or not _ACTOR_ID.fullmatch(ident):
                    continue
                draft.top_cells[("actors", len(declared))] = cells[(key,)]
                declared.append(ident)
                draft.problem(f"{key} in {place} is '{ident}', which is not one of cjm's actors "
                              f"({', '.join(ACTORS)}); the new map lists it under `actors:` as kind "
                              "frontstage", cells[(key,)], f"set its kind: {', '.join(ACTOR_KINDS)}",
                              severity=Severity.WARNING)
    if declared:
        draft.top["actors"] = [{"id": ident, "kind": "frontstage"} for ident in declared]


class _Rows:
    """Reads data rows in order, carrying phase and stage down from the row above."""

    def __init__(self, draft: Draft, columns: dict[int, str], width: int) -> None:
        self.draft, self.columns, self.width = draft, columns, width
        self.phase: str | None = None
        self.stage: str | None = None

    def read(self, record: Record) -> None:
        if not self._fits(record):
            return
        cells = {key: record.cells[i] for i, key in self.columns.items()}
        if not self._stage(record, cells):
            return
        values: dict[str, Any] = {}
        where: dict[Path, Pos] = {}
        for key, cell in cells.items():
            if key in ("phase", "stage"):
                continue
            try:
                value = cell_value(key, unguarded(cell.text))
            except CellProblem as exc:
                self.draft.problem(f"{key} in row {record.number} {exc}", cell.pos, exc.hint)
                continue
            if value is not None:
                values[key], where[(key,)] = value, cell.pos
        if not values:
            return
        if "title" not in values:
            self.draft.problem(f"title in row {record.number} is empty", cells["title"].pos,
                               "every touchpoint needs a title: what happens, in a few words")
            return
        self.draft.touchpoint(values, where, f"row {record.number}")

    def _fits(self, record: Record) -> bool:
        """A row has a cell for every column; cells past the header must be empty."""
        extra = [cell for cell in record.cells[self.width:] if cell.text.strip()]
        if len(record.cells) >= self.width and not extra:
            unnamed = [record.cells[i] for i in range(self.width)
                       if i not in self.columns and record.cells[i].text.strip()]
            for cell in unnamed[:1]:
                self.draft.problem(f"row {record.number} has text in a column with no name in the header",
                                   cell.pos, "name the column in the first row, or empty it")
            return not unnamed
        count = len(record.cells)
        at = extra[0].pos if extra else record.end
        cells = f"{count} cell{'s' if count != 1 else ''}"
        self.draft.problem(f"row {record.number} has {cells}, but the header has {self.width} columns",
                           at, 'a cell that holds a comma needs double quotes around it: "Slow page, '
                           'unclear price"' if extra else "every row needs a cell for every column "
                           "(an empty cell is fine: two commas in a row)")
        return False

    def _stage(self, record: Record, cells: dict[str, Any]) -> bool:
        """Start a new stage when the phase or stage changes; False when the row has no phase."""
        phase_cell, stage_cell = cells.get("phase"), cells.get("stage")
        phase = _text(phase_cell.text) if phase_cell else None
        stage = _text(stage_cell.text) if stage_cell else None
        if phase and phase.lower() in DEFAULT_PHASES:
            phase = phase.lower()
        if phase is None and stage is not None and phase_cell is None:
            phase = phase_from_label(stage)
        if phase is not None and phase != self.phase:
            self.stage = None
        phase, stage = phase or self.phase, stage or self.stage
        if phase is None:
            at = (phase_cell or stage_cell or record.cells[0]).pos
            self.draft.problem(f"phase in row {record.number} is empty", at,
                               "name the phase of the first row (awareness, involvement, trial, ...); "
                               "an empty phase below repeats the one above")
            return False
        if (phase, stage) != (self.phase, self.stage) or not self.draft.stages:
            self.draft.stage(phase, stage, (phase_cell or stage_cell or record.cells[0]).pos)
        self.phase, self.stage = phase, stage
        return True


def _text(value: str) -> str | None:
    text = unguarded(value).strip()
    return text or None
