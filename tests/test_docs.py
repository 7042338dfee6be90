"""docs/format.md is the users' reference: its example map is true to what cjm says of it."""

from __future__ import annotations

import re
from pathlib import Path

from cjm.check.engine import check_text

ROOT = Path(__file__).resolve().parents[1]
FORMAT = ROOT / "docs" / "format.md"


def example_map(heading: str = "\n## A map file") -> str:
    """The first YAML block under `heading`."""
    text = FORMAT.read_text("utf-8")
    section = text[text.index(heading):]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match, "docs/format.md has no example map"
    return match.group(1)


def test_the_example_map_is_valid_and_scores_as_the_reference_says() -> None:
    result = check_text(example_map(), "example.cjm.yaml")
    assert result.valid, [d.message for d in result.diagnostics]
    assert result.score is not None
    text = FORMAT.read_text("utf-8")
    assert f"rounded half up to **{result.score.score}**" in text
    assert result.score.sequence == 100.0
    assert result.score.engagement_ratio == 0.5 and result.score.advocate_shares == 2


def test_the_actors_example_is_valid_and_lays_out_as_a_blueprint() -> None:
    from cjm.render.context import build_context

    top = "cjm: 1\ntitle: Permit\nphases: [trial]\n"
    result = check_text(top + example_map("\n### Actors"), "actors.cjm.yaml")
    assert [d.rule for d in result.diagnostics if d.severity.value == "error"] == []
    lanes = [lane["key"] for lane in build_context(result)["grid"]["lanes"]]
    assert lanes[:2] == ["actor-resident", "interaction"] and "actor-portal" in lanes
