"""The grid's columns and lanes in both layouts, and the sheets for print and phones."""

from __future__ import annotations

import json
from typing import Any

from cjm.check.engine import check_text
from cjm.check.result import FileResult
from cjm.render.context import build_context
from cjm.render.page import PageOptions
from cjm.render.sheets import PER_SHEET, balanced

ACTORS = [{"id": "resident", "name": "Resident", "kind": "customer"},
          {"id": "clerk", "name": "Counter clerk", "kind": "frontstage"},
          {"id": "officer", "name": "Permit officer", "kind": "backstage"},
          {"id": "portal", "name": "Permit portal", "kind": "system"},
          {"id": "idle", "name": "Nobody yet", "kind": "support"}]


def checked(**top: Any) -> FileResult:
    data = {"cjm": 1, "title": "Permit", "phases": ["awareness", "involvement", "trial"], **top}
    result = check_text(json.dumps(data), "test.cjm.yaml")
    assert result.valid, [d.message for d in result.diagnostics]
    return result


def blueprint() -> FileResult:
    touchpoints = [
        {"id": "apply", "title": "Applies online", "actor": "resident", "to": "portal", "emotion": 1,
         "doing": "Fills the form"},
        {"id": "ask", "title": "Asks at the desk", "actor": "clerk", "backstage": ["Queue system"]},
        {"id": "check", "title": "Checks proof", "actor": "officer", "to": "resident"},
        {"id": "letter", "title": "Letter", "pain_points": ["Slow"]}]
    return checked(actors=ACTORS, layout="blueprint", stages=[
        {"phase": "awareness", "touchpoints": touchpoints[:2]},
        {"phase": "trial", "touchpoints": touchpoints[2:]}])


def test_a_phase_no_stage_covers_is_a_gap_column_where_it_belongs() -> None:
    grid = build_context(blueprint())["grid"]
    assert [(p["label"], p["span"], p["gap"]) for p in grid["phases"]] == [
        ("Awareness", 2, False), ("Involvement", 1, True), ("Trial", 2, False)]
    assert [c["gap"] for c in grid["columns"]] == [False, False, True, False, False]


def test_a_blueprint_has_a_lane_per_actor_between_the_lines() -> None:
    lanes = build_context(blueprint())["grid"]["lanes"]
    assert [lane["key"] for lane in lanes] == [
        "actor-resident", "doing", "emotion", "interaction", "actor-brand", "actor-clerk", "visibility",
        "actor-officer", "backstage", "internal", "actor-idle", "actor-portal", "pain_points"]
    resident = lanes[0]["cells"]
    assert resident[0]["card"]["id"] == "apply" and resident[0]["card"]["to_name"] == "Permit portal"
    assert resident[3] == {"receives": {"from": "Permit officer", "title": "Checks proof", "id": "check"}}
    assert lanes[-2]["cells"][0]["receives"]["from"] == "Resident"


def test_the_command_line_layout_wins_over_the_maps() -> None:
    grid = build_context(blueprint(), PageOptions(layout="journey"))["grid"]
    assert grid["layout"] == "journey"
    assert [lane["key"] for lane in grid["lanes"]][:2] == ["touchpoints", "doing"]
    assert grid["lanes"][0]["cells"][0]["card"]["actor_name"] == "Resident"


def test_sheets_cut_the_journey_a_phase_at_a_time_and_keep_only_lanes_with_content() -> None:
    sheets = build_context(blueprint())["sheets"]
    assert [(s["phase"], s["gap"]) for s in sheets] == [("Awareness", False), ("Involvement", True),
                                                       ("Trial", False)]
    trial = sheets[2]
    assert [row["label"] for row in trial["rows"]] == [
        "Resident", "Line of interaction", "Brand", "Line of visibility", "Permit officer", "Pain points"]
    check, letter = trial["cells"]
    # in a column, a line shows only above something of its own group (print places it by its row);
    # the cells come in reading order: the card, its lanes, what others send it
    assert [item["label"] for item in check["entries"]] == [
        "Permit officer", "Resident", "Line of visibility"]
    assert [item["label"] for item in letter["entries"]] == ["Brand", "Pain points", "Line of interaction"]


def test_a_long_phase_is_cut_into_even_sheets() -> None:
    assert [len(r) for r in balanced(0, 7, PER_SHEET)] == [4, 3]
    assert [len(r) for r in balanced(0, 12, PER_SHEET)] == [6, 6]
    touchpoints = [{"id": f"t{n}", "title": f"T{n}"} for n in range(8)]
    sheets = build_context(checked(stages=[{"phase": "trial", "touchpoints": touchpoints}]))["sheets"]
    real = [s for s in sheets if not s["gap"]]
    assert [(s["part"], s["parts"], s["columns"]) for s in real] == [(1, 2, 4), (2, 2, 4)]
