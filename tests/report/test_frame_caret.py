"""The caret under a text report's code frame stands under the spot as a terminal shows the line:
wide characters (CJK, emoji) take two cells, combining and zero-width ones none, a tab one (the frame
shows it as a space)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tests.harness import cjm


def _cells(text: str) -> int:
    def width(char: str) -> int:
        if unicodedata.combining(char) or unicodedata.category(char) == "Cf":
            return 0
        return 2 if unicodedata.east_asian_width(char) in "WF" else 1

    return sum(map(width, text))


@pytest.mark.parametrize("title", [
    "日本語のタイトル🚀", "Cafe\u0301 cre\u0300me", "zero\u200bwidth", "tab\there",
])
def test_the_caret_sits_under_the_spot(title: str, tmp_path: Path) -> None:
    (tmp_path / "m.cjm.yaml").write_text("cjm: 1\ntitle: T\nstages:\n  - phase: awareness\n    touchpoints:\n"
                                         f'      - {{id: a, title: "{title}", step: conect}}\n', "utf-8")
    out = cjm("validate", "m.cjm.yaml", cwd=tmp_path).stdout.splitlines()
    frame = next(i for i, line in enumerate(out) if re.match(r"\s+6 \| ", line))
    spot = out[frame].index("conect")
    assert "\t" not in out[frame]
    assert out[frame + 1].index("^") == _cells(out[frame][:spot])
