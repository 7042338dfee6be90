"""`cjm export --to mermaid`: the journey diagram's text, and the escaping that keeps it safe.

Golden file: golden/b2b-saas-trial.mmd (regenerate on purpose with
`CJM_UPDATE_GOLDEN=1 pytest tests/interop/test_mermaid_out.py`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import given

from cjm.interop.mermaid_out import BOX_DIRECTIVE, shorten, to_mermaid
from cjm.interop.mermaid_syntax import emotion_of, escape, score_of, unescape
from tests.interop.maps import REPO, journey_from, journey_of, words

GOLDEN = Path(__file__).parent / "golden"
_KEYWORD = re.compile(r"(journey\b|title\s|section\s|acc(title|descr)\s*[:{])", re.IGNORECASE)


def small_map(**touchpoint: object) -> dict[str, object]:
    return {"cjm": 1, "title": "Acme", "brand": "Acme Notes", "persona": {"name": "Maya"},
            "stages": [{"phase": "awareness", "touchpoints": [{"id": "a", "title": "Ad", **touchpoint}]}]}


def test_a_sample_matches_its_golden_diagram() -> None:
    text = to_mermaid(journey_of(REPO / "sample_maps" / "b2b-saas-trial.cjm.yaml"))
    golden = GOLDEN / "b2b-saas-trial.mmd"
    if os.environ.get("CJM_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert text == golden.read_text("utf-8")


def test_one_section_per_stage_and_one_task_per_touchpoint_with_persona_and_actor() -> None:
    data = small_map(emotion=-2)
    data["stages"] = [*data["stages"], {"phase": "trial", "name": "Try it", "touchpoints": [  # type: ignore[list-item]
        {"id": "b", "title": "Signs up", "actor": "customer", "emotion": 2},
        {"id": "c", "title": "Asks a friend", "actor": "advocate"},
        {"id": "d", "title": "Pays", "actor": "partner", "emotion": 0}]},
        {"phase": "referral", "touchpoints": []}]
    assert to_mermaid(journey_from(data)) == (
        f"{BOX_DIRECTIVE}\njourney\n    title Acme\n"
        "    section Awareness\n      Ad: 1: Maya, Acme Notes\n"
        "    section Trial · Try it\n      Signs up: 5: Maya\n      Asks a friend: 3: Maya, Advocate\n"
        "      Pays: 3: Maya, Partner\n"
        "    section Referral\n")


def test_without_persona_or_brand_the_roles_are_named() -> None:
    data = small_map()
    del data["persona"], data["brand"]
    assert to_mermaid(journey_from(data)).endswith("      Ad: 3: Customer, Brand\n")


def test_markdown_wraps_the_diagram_in_a_mermaid_fence() -> None:
    journey = journey_from(small_map())
    assert to_mermaid(journey, markdown=True) == f"```mermaid\n{to_mermaid(journey)}```\n"


def test_description_becomes_the_accessible_description() -> None:
    data = small_map()
    data["description"] = "Two\nlines; # and more"
    assert "    accDescr: Two lines#59; #35; and more\n" in to_mermaid(journey_from(data))


def test_emotion_maps_onto_mermaid_faces_and_back() -> None:
    from fractions import Fraction

    assert [score_of(e) for e in (-2, -1, 0, 1, 2, None)] == [1, 2, 3, 4, 5, 3]
    assert [emotion_of(Fraction(s)) for s in (1, 3, 5)] == [(-2, False), (0, False), (2, False)]
    assert emotion_of(Fraction(7)) == (2, True) and emotion_of(Fraction(-1)) == (-2, True)
    assert emotion_of(Fraction("2.5")) == (0, True) and emotion_of(Fraction("4.4")) == (1, True)


def test_long_titles_are_cut_at_a_word_with_an_ellipsis() -> None:
    title = "Three-minute customer story from a neobank's ops team, with their dashboard one click away"
    assert shorten(title) == f"{title[:title.index(' click')]}…"
    assert len(shorten(title)) <= 80 and shorten("Short title") == "Short title"


def test_syntax_characters_are_written_as_entity_codes() -> None:
    assert escape("Task #1: 5; <b>&", "name") == "Task #35;1#58; 5#59; #60;b#62;#38;"
    assert escape("Acme: best", "title") == "Acme: best"
    assert escape("Acme, Inc.: x", "actor") == "Acme#44; Inc.#58; x"
    assert escape("50%% off %%{init}%%") == "50#37;% off #37;%{init}#37;%"
    assert escape("%off") == "#37;off"
    assert escape("Title page") == "#84;itle page" and escape("Journey planner") == "#74;ourney planner"
    assert escape("Journeys page") == "Journeys page" and escape("section one", "title") == "section one"
    assert escape("a\nb\t c") == "a b c"


@given(words)
def test_escaped_text_reads_back_as_the_text_on_one_line(text: str) -> None:
    for kind in ("title", "name", "actor"):
        escaped = escape(text, kind)
        assert unescape(escaped) == " ".join(text.split())
        bare = re.sub(r"#\d+;", "", escaped)
        assert "\n" not in escaped and "%%" not in escaped and not escaped.startswith("%")
        assert not set(bare) & set("#;<>&")
        if kind != "title":
            assert ":" not in bare and not (kind == "name" and _KEYWORD.match(escaped))
        if kind == "actor":
            assert "," not in bare
