"""The CSV of touchpoints, as export writes it and import reads it: columns and cells.

One row per touchpoint: `phase`, `stage`, then every touchpoint key in the
order of the format reference. A list is one item per line inside its cell
(Alt+Enter in Excel, Ctrl+Enter in LibreOffice); `metrics` are `name=value`
lines; `next: []` is `(end)`; yes/no keys are `true` or `false`. A text that
a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a
tab or a carriage return, and is not a number) is written after a `'`, as
OWASP advises against CSV injection; import takes that `'` off again.
"""

from __future__ import annotations

import re

from cjm.fmt import TOUCHPOINT_KEYS

COLUMNS = ("phase", "stage", *TOUCHPOINT_KEYS)
LIST_KEYS = ("pain_points", "opportunities", "backstage", "evidence", "next")
FLAG_KEYS = ("moment_of_truth", "steps_into_role")
CHOICE_KEYS = ("actor", "to", "step", "storytelling", "engagement")
END = "(end)"
"""The cell of `next: []`: the journey ends at this touchpoint."""
BOM = "\ufeff"
"""Written first, so that Excel reads the file as UTF-8 (LibreOffice and Google Sheets read it either way)."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


def guarded(cell: str) -> str:
    """`cell` as written: after a `'` when a spreadsheet would read it as a formula."""
    risky = cell.startswith(_FORMULA_START) or (cell[:1] == "'" and cell[1:2] in (*_FORMULA_START, "'"))
    return f"'{cell}" if risky and not NUMBER.fullmatch(cell) else cell


def unguarded(cell: str) -> str:
    """`cell` as the map holds it: the `'` that `guarded` adds taken off."""
    if cell[:1] == "'" and cell[1:2] in (*_FORMULA_START, "'") and not NUMBER.fullmatch(cell[1:]):
        return cell[1:]
    return cell


def number_text(value: int | float) -> str:
    """A number as a cell: `120000`, `0.021`, `1e-07` (the shortest text that reads back as it)."""
    return str(value) if isinstance(value, int) else repr(value)
