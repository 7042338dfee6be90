"""Print what cjm gives today on corpus files, as draft entries for expected.json.

    .venv/bin/python -m tests.corpus.draft NAME...     # files/NAME.yaml or a recipe name
    .venv/bin/python -m tests.corpus.draft --all       # every file and recipe

A draft is what cjm does, not what it should do: read each entry, fix what is
wrong (and say why under "defects") before you put it in expected.json.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.corpus import COMMANDS, FILES, MANIFEST, Case
from tests.corpus.recipes import RECIPES
from tests.corpus.runner import Outcomes, observe


def draft(outcomes: Outcomes, case: Case) -> dict[str, Any]:
    entry: dict[str, Any] = {"about": case.about}
    if case.recipe:
        entry["recipe"] = True
    for command in COMMANDS:
        seen = outcomes[case.name, command]
        if command == "validate":
            entry[command] = {"exit": seen.exit, "rules": seen.rules, "at": seen.at, "says": seen.message}
        else:
            entry[command] = seen.exit
        if seen.problems:
            entry.setdefault("problems", {})[command] = seen.problems
    return entry


def main(names: list[str]) -> None:
    known = json.loads(MANIFEST.read_text("utf-8")) if MANIFEST.exists() else {}
    if names == ["--all"]:
        names = sorted(p.name.removesuffix(".yaml") for p in FILES.glob("*.yaml")) + list(RECIPES)
    cases = [Case(name, known.get(name, {}).get("about", "TODO: what this file is"), {},
                  recipe=name in RECIPES) for name in names]
    with tempfile.TemporaryDirectory() as folder:
        outcomes = observe(cases, Path(folder))
    json.dump({case.name: draft(outcomes, case) for case in cases}, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    for command in COMMANDS:
        runs = [seen for case in cases if not (seen := outcomes[case.name, command]).over_limits]
        cpu, memory = max(r.cpu_seconds for r in runs), max(r.peak_rss_bytes for r in runs) / 2**20
        sys.stderr.write(f"{command}, within the limits: at most {cpu:.1f} s of CPU, {memory:.0f} MiB\n")


if __name__ == "__main__":
    main(sys.argv[1:])
