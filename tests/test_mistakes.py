"""The YAML mistakes people really make, each with its exact message, place and fix.

`tests/mistakes/NAME.cjm.yaml` is a map with one mistake in it (drawn from real
maps: curly quotes from Word, a hashtag, a forgotten `- `...), and
`NAME.expected` beside it what `cjm validate` must say first: the line and
column, the rule, the message and the hint. Regenerate on purpose, then read
the diff:

    CJM_UPDATE_GOLDEN=1 pytest tests/test_mistakes.py
    git diff tests/mistakes
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cjm.check.config import Config
from cjm.check.engine import check_file

CASES = Path(__file__).resolve().parent / "mistakes"
MAPS = sorted(CASES.glob("*.cjm.yaml"))
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN", "") not in ("", "0")


def first_finding(path: Path) -> str:
    """What a person reads first: the most severe finding, at its place."""
    diagnostics = check_file(path, Config()).diagnostics
    ranked = sorted(diagnostics, key=lambda d: ({"error": 0, "warning": 1}.get(d.severity.value, 2), d.line))
    assert ranked, f"{path.name}: no finding at all"
    d = ranked[0]
    return f"{d.line}:{d.column} {d.rule}\n{d.message}\nhint: {d.hint}\n"


def test_there_are_at_least_thirty_mistakes() -> None:
    assert len(MAPS) >= 30


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name.removesuffix(".cjm.yaml"))
def test_the_mistake_is_named_at_its_place_with_its_fix(path: Path) -> None:
    expected = path.with_name(path.name.removesuffix(".cjm.yaml") + ".expected")
    actual = first_finding(path)
    if UPDATE:
        expected.write_text(actual, "utf-8")
        return
    assert expected.exists(), f"{expected.name} is missing: run with CJM_UPDATE_GOLDEN=1"
    assert actual == expected.read_text("utf-8")


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name.removesuffix(".cjm.yaml"))
def test_no_message_blames_the_wrong_thing(path: Path) -> None:
    """The parser's own words never reach the user for these: every one is explained."""
    message = first_finding(path)
    for words in ("did not find expected", "could not find expected", "mapping values are not allowed",
                  "while scanning", "while parsing", "cannot start any token"):
        assert words not in message, message
