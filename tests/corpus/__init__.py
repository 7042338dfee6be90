"""The hostile corpus: files in `files/` and recipes (`recipes.py`), each with the outcome every command
should give, in `expected.json`. README.md says how to add a case; tests/test_corpus.py runs them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.corpus.recipes import RECIPES

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
MANIFEST = HERE / "expected.json"
COMMANDS = ("validate", "score", "render", "fmt_check", "fmt")
"""`fmt_check` is `cjm fmt --check` on the file; `fmt` is `cjm fmt` on a copy of it."""


@dataclass(frozen=True)
class Case:
    name: str
    about: str
    expected: dict[str, Any]
    """Per command its exit code; for validate `{"exit", "rules", "at", "says"}` (`at` and `says`:
    the first finding's line:column and a part of its message, where they matter)."""
    defects: dict[str, str] = field(default_factory=dict)
    """Per command, what cjm gets wrong today: that test is an expected failure until it is fixed."""
    recipe: bool = False
    page_has: list[str] = field(default_factory=list)
    """Texts the rendered page must show as they are written (not run as a template, not as markup)."""
    svg_has: list[str] = field(default_factory=list)
    """The same for the SVG flow diagram."""

    @property
    def file_name(self) -> str:
        return f"{self.name}.cjm.yaml"

    def content(self) -> bytes:
        if self.recipe:
            return RECIPES[self.name]().encode("utf-8")
        return (FILES / f"{self.name}.yaml").read_bytes()

    def exit_code(self, command: str) -> int:
        value = self.expected[command]
        return int(value["exit"] if isinstance(value, dict) else value)


def load_cases() -> list[Case]:
    entries: dict[str, dict[str, Any]] = json.loads(MANIFEST.read_text("utf-8"))
    return [Case(name, entry["about"], {c: entry[c] for c in COMMANDS}, entry.get("defects", {}),
                 entry.get("recipe", False), entry.get("page_has", []), entry.get("svg_has", []))
            for name, entry in entries.items()]
