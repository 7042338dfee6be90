"""A map's touchpoints as CSV (`cjm export --to csv`), for Excel, LibreOffice and Google Sheets.

UTF-8 with a byte-order mark, a header row, rows ending in CRLF, cells quoted
only when they must be (Python's `excel` dialect, RFC 4180). The cells hold
the map's own values, as written (`cjm.interop.csv_columns` says how).
`x-` keys stay in the map, and a line break inside a list item becomes a space.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from cjm.interop.csv_columns import BOM, COLUMNS, END, guarded, number_text
from cjm.model import JourneyMap

_LINE = "\n"


def to_csv(journey: JourneyMap) -> str:
    """The CSV text of every touchpoint of `journey`, in journey order, BOM first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow(COLUMNS)
    for stage in journey.stages:
        for tp in stage.touchpoints:
            cells = [stage.phase or "", stage.name, *(cell_text(key, tp.raw.get(key)) for key in COLUMNS[2:])]
            writer.writerow([guarded(cell) for cell in cells])
    return BOM + buffer.getvalue()


def cell_text(key: str, value: Any) -> str:
    """One value of a touchpoint as the text of its cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, list):
        return END if key == "next" and not value else _LINE.join(_one_line(item) for item in value)
    if isinstance(value, dict):
        pairs = {name: item for name, item in value.items() if not str(name).startswith("x-")}
        return _LINE.join(f"{_one_line(name)}={_one_line(cell_text(key, v))}" for name, v in pairs.items())
    return str(value)


def _one_line(value: Any) -> str:
    """An item of a list cell: its own line breaks would make it two items, so they become spaces."""
    return re.sub(r"\r\n|\r|\n", " ", str(value))
