"""`cjm import` of Mermaid journeys as people write them (more cases in cases/*.mmd, *.md, *.html)."""

from __future__ import annotations

from typing import Any

from cjm.interop.importing import import_map

WORKING_DAY = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""
"""The example of Mermaid's own documentation."""


def imported(text: str, name: str = "journey.mmd", **options: Any) -> dict[str, Any]:
    result = import_map(text.encode("utf-8"), name, **options)
    assert result.data is not None, [d.message for d in result.diagnostics]
    return result.data


def touchpoints(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [tp for stage in data["stages"] for tp in stage["touchpoints"]]


def test_mermaids_own_example_becomes_a_map() -> None:
    data = imported(WORKING_DAY)
    assert data["title"] == "My working day" and data["persona"] == {"name": "Me"} and data["brand"] == "Cat"
    assert data["phases"] == ["go to work", "go home"]
    assert [(tp["title"], tp["emotion"], tp.get("actor")) for tp in touchpoints(data)] == [
        ("Make tea", 2, "customer"), ("Go upstairs", 0, "customer"), ("Do work", -2, None),
        ("Go downstairs", 2, "customer"), ("Sit down", 2, "customer")]


def test_persona_option_renames_the_diagrams_hero_and_title_option_wins() -> None:
    data = imported(WORKING_DAY, persona="Maya", title="Maya's day")
    assert data["persona"] == {"name": "Maya"} and data["title"] == "Maya's day"
    assert touchpoints(data)[0]["actor"] == "customer"


def test_role_names_set_the_actor_and_a_customer_hero_is_no_persona() -> None:
    data = imported("journey\n  section Visit\n    Reads: 4: customer\n    Tells: 5: Customer, ADVOCATE\n"
                    "    Pays: 2: Customer, Partner\n    Serves: 3: Customer, Brand\n    Nobody: 3\n")
    assert "persona" not in data and "brand" not in data
    assert [tp.get("actor") for tp in touchpoints(data)] == ["customer", "advocate", "partner", None, None]


def test_tasks_before_a_section_and_sections_with_spaces_around_the_dot() -> None:
    data = imported("journey\n  Wakes up: 3: Me\n  section Awareness  ·  Sees the ad\n    Sees it: 4: Me\n")
    assert [(s["phase"], s.get("name")) for s in data["stages"]] == [("journey", None),
                                                                    ("awareness", "Sees the ad")]


def test_a_fence_with_tildes_a_multi_line_directive_and_an_accdescr_block_are_read() -> None:
    text = ("Notes\n~~~mermaid\n%%{init: {\n  'theme': 'forest'\n}}%%\njourney\n  accDescr {\n    Long\n"
            "    description\n  }\n  section Go\n    Walks: 4: Me\n~~~\n  section Not read\n")
    data = imported(text, "notes.md")
    assert [s["phase"] for s in data["stages"]] == ["go"] and touchpoints(data)[0]["title"] == "Walks"


def test_a_div_of_class_mermaid_is_read_with_its_entities_and_positions() -> None:
    text = ('<p>Before</p>\n<div class="diagram mermaid">journey\n  section Go\n'
            "    Walks &amp; talks: x: Me\n</div>\n")
    result = import_map(text.encode("utf-8"), "page.html")
    assert [(d.line, d.column, d.message) for d in result.diagnostics] == [
        (4, 24, "the score 'x' is not a number")]


def test_utf16_text_with_a_byte_order_mark_is_read() -> None:
    assert imported(WORKING_DAY.replace("\n", "\r\n"), "day.mmd")["title"] == "My working day"
    data = import_map("\ufeff".encode("utf-16-le") + WORKING_DAY.encode("utf-16-le"), "day.mmd").data
    assert data is not None and data["title"] == "My working day"


def test_a_file_that_starts_like_mermaid_is_read_as_mermaid_whatever_its_name() -> None:
    assert imported(WORKING_DAY, "day.txt")["title"] == "My working day"
    assert imported(WORKING_DAY, "-")["persona"] == {"name": "Me"}
