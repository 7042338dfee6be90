"""The header row of a CSV of touchpoints, read leniently: which column holds which key.

`Pain points`, `pain-points` and `PAIN_POINTS` all name `pain_points`: case,
spaces, dashes and punctuation do not matter. A column named `x-...` (or `X-...`)
is the user's own and is kept, as text, under that key (`x-...`). Any other name is a
problem with a "did you mean" (a column cjm does not know would be lost).
"""

from __future__ import annotations

import re

from cjm.interop.csv_cells import Record
from cjm.interop.csv_columns import BOM, COLUMNS, unguarded
from cjm.interop.draft import Draft
from cjm.schema.messages import suggest

_NOT_A_WORD = re.compile(r"[^a-z0-9]+")
COLUMN_LIST = ", ".join(COLUMNS)


def column_key(name: str) -> str | None:
    """The key a header cell names, or None when it names none."""
    name = name.strip()
    if name.lower().startswith("x-"):
        return f"x-{name[2:]}"
    key = _NOT_A_WORD.sub("_", name.lower()).strip("_")
    return key if key in COLUMNS else None


def read_header(record: Record, draft: Draft) -> dict[int, str] | None:
    """Each column's key by its index; None (and problems in `draft`) when the header is unusable."""
    keys: dict[int, str] = {}
    before = len(draft.problems)
    names = [unguarded(cell.text).removeprefix(BOM).strip() for cell in record.cells]
    if not any(column_key(name) for name in names):
        draft.problem("this is not a CSV of touchpoints: its first row names none of cjm's columns",
                      record.cells[0].pos, f"the first row names the columns, for example: {COLUMN_LIST}")
        return None
    for index, (name, cell) in enumerate(zip(names, record.cells, strict=True)):
        key = column_key(name)
        if not name:
            continue
        if key is None:
            close = suggest(_NOT_A_WORD.sub("_", name.lower()).strip("_"), list(COLUMNS))
            draft.problem(f"unknown column '{name}'" + (f"; did you mean '{close}'?" if close else ""),
                          cell.pos, f"cjm's columns are {COLUMN_LIST}; start a column name with x- "
                          "to keep it as your own field")
        elif key in keys.values():
            first = next(i for i, k in keys.items() if k == key)
            draft.problem(f"the column '{key}' is named twice (columns {first + 1} and {index + 1})",
                          cell.pos, "delete or rename one of them")
        else:
            keys[index] = key
    _required(keys, record, draft)
    return keys if len(draft.problems) == before else None


def _required(keys: dict[int, str], record: Record, draft: Draft) -> None:
    found = set(keys.values())
    at = record.cells[0].pos
    if "title" not in found:
        draft.problem("the header has no 'title' column", at,
                      "every touchpoint needs a title: add a column named title")
    if not found & {"phase", "stage"}:
        draft.problem("the header has no 'phase' column", at,
                      "add a column named phase (awareness, involvement, trial, commitment, referral), "
                      "or one named stage")
