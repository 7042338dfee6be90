"""The journey cut into sheets: a phase at a time, at most PER_SHEET touchpoints each, for print
(one landscape page per sheet, at a size that reads) and phones (one phase at a time, each
touchpoint's lanes one under another).

A sheet keeps the lanes that have something in its columns. Its cells come
touchpoint by touchpoint (the order a phone shows and a screen reader
reads: the card, its lanes, then what others send it), each with the row
and column it takes in print, so the print grid keeps every lane on one row
beside its label. A phase that no stage covers
becomes a gap note between the sheets.
"""

from __future__ import annotations

from math import ceil
from typing import Any

from cjm.model import Touchpoint
from cjm.render.curve import emotion_curve
from cjm.render.grid import Column

PER_SHEET = 6


def build_sheets(grid: dict[str, Any], columns: list[Column]) -> list[dict[str, Any]]:
    sheets: list[dict[str, Any]] = []
    start = 0
    while start < len(columns):
        end = start
        while end < len(columns) and columns[end].phase == columns[start].phase and \
                (columns[end].stage is None) == (columns[start].stage is None):
            end += 1
        label = (columns[start].phase or "").capitalize()
        if columns[start].stage is None:
            sheets.append({"gap": True, "phase": label})
        else:
            parts = balanced(start, end, PER_SHEET)
            sheets += [_sheet(grid, columns, label, part, len(parts), chunk)
                       for part, chunk in enumerate(parts, start=1)]
        start = end
    return sheets


def balanced(start: int, end: int, most: int) -> list[range]:
    """`start..end` in runs of at most `most`, as even as possible (7 by 6: 4 + 3, not 6 + 1)."""
    count = ceil((end - start) / most)
    size, extra = divmod(end - start, count)
    runs, at = [], start
    for n in range(count):
        length = size + (1 if n < extra else 0)
        runs.append(range(at, at + length))
        at += length
    return runs


def _sheet(grid: dict[str, Any], columns: list[Column], label: str, part: int, parts: int,
           chunk: range) -> dict[str, Any]:
    slots: list[Touchpoint | None] = [columns[i].touchpoint for i in chunk]
    starts = [n for n in range(1, len(chunk)) if columns[chunk[n]].stage is not columns[chunk[n - 1]].stage]
    lanes = _kept_lanes(grid["lanes"], chunk, slots)
    rows = [{"row": row, "label": lane["label"], "kind": lane["kind"], "key": lane["key"],
             "actor": lane.get("actor"), "group": lane.get("group")}
            for row, lane in enumerate(lanes, start=2)]
    curve = emotion_curve(slots, starts) if any(lane["kind"] == "emotion" for lane in lanes) else None
    return {
        "gap": False, "phase": label, "part": part, "parts": parts, "columns": len(chunk),
        "stages": _stage_heads(grid["columns"], chunk),
        "rows": rows,
        "curve": curve, "curve_row": next((r["row"] for r in rows if r["kind"] == "emotion"), None),
        "cells": [_column_cells(lanes, rows, index, n) for n, index in enumerate(chunk, start=1)],
    }


def _kept_lanes(lanes: list[dict[str, Any]], chunk: range,
                slots: list[Touchpoint | None]) -> list[dict[str, Any]]:
    def has_content(lane: dict[str, Any]) -> bool:
        if lane["kind"] == "emotion":
            return any(tp is not None and tp.emotion is not None for tp in slots)
        return lane["kind"] != "line" and any(lane["cells"][i] for i in chunk)

    kept = [lane for lane in lanes if lane["kind"] != "line" and has_content(lane)]
    groups = {lane.get("group") for lane in kept}
    first = kept[0] if kept else None
    return [lane for lane in lanes if lane in kept or (
        lane["kind"] == "line" and lane.get("group") in groups and first is not None
        and lanes.index(first) < lanes.index(lane))]


def _stage_heads(grid_columns: list[dict[str, Any]], chunk: range) -> list[dict[str, Any]]:
    heads: list[dict[str, Any]] = []
    for n, index in enumerate(chunk, start=1):
        column = grid_columns[index]
        if heads and not column["first_in_stage"]:
            heads[-1]["span"] += 1
        else:
            heads.append({"name": column["stage"], "col": n, "span": 1})
    return heads


def _column_cells(lanes: list[dict[str, Any]], rows: list[dict[str, Any]], index: int,
                  col: int) -> dict[str, Any]:
    items = []
    for lane, row in zip(lanes, rows, strict=True):
        if lane["kind"] == "emotion":
            continue  # the curve spans the sheet in print; on a phone each card shows its emotion
        value = True if lane["kind"] == "line" else lane["cells"][index]
        if value is not None and value != [] and value != "":
            items.append({**row, "value": value})
    kept = [item for n, item in enumerate(items) if item["kind"] != "line" or any(
        later["kind"] != "line" and later["group"] == item["group"] for later in items[n + 1:])]
    kept.sort(key=_reading_order)
    return {"col": col, "entries": kept}


def _reading_order(item: dict[str, Any]) -> int:
    """On a phone a touchpoint reads card first, then its lanes, then the marks of what others
    send it (print places every cell by its row and column, whatever the order)."""
    if item["kind"] == "cards":
        return 0 if "card" in item["value"] else 2
    return 2 if item["kind"] == "line" else 1
