"""The hostile corpus (tests/corpus/): every file through `cjm validate`, `score`, `render` and `fmt`
(`--check`, and a real run on a copy) as real processes of the installed cjm, each under a memory,
CPU-time and wall-clock limit (tests/corpus/runner.py). Each gives the exit code expected.json says
(validate: also its rules, and where it matters the first finding's place and words), and none gives
exit 3, a traceback, a hang, a raw control character on the terminal, a broken page or SVG, a file
changed without a word, or output that `cjm fmt` would change again.

A case cjm gets wrong today keeps the outcome it should have, and its `defects` entry makes that test
an expected failure (strict: it fails loudly once fixed, so the entry is removed then).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from cjm.rules import CHANGE_RULES, RULES
from tests.corpus import COMMANDS, FILES, MANIFEST, Case, load_cases
from tests.corpus.checks import csv_problems, mermaid_problems
from tests.corpus.recipes import RECIPES
from tests.corpus.runner import Outcomes, observe
from tests.harness import cjm

CASES = load_cases()


def _params() -> list[object]:
    params: list[object] = []
    for case in CASES:
        for command in COMMANDS:
            defect = case.defects.get(command)
            # a defect of speed (past the CPU limit) may pass on a quiet machine: not strict, or the
            # test would fail there; every other defect is strict, so a fix is noticed
            timing = defect is not None and "CPU" in defect
            marks = [pytest.mark.xfail(strict=not timing, reason=defect)] if defect else []
            params.append(pytest.param(case, command, id=f"{case.name}-{command}", marks=marks))
    return params


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Outcomes:
    """What every command gave on the cases this session runs (all of them, or those picked by -k)."""
    chosen: set[str] = set()
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if getattr(item, "module", None) is request.module and callspec and "case" in callspec.params:
            chosen.add(callspec.params["case"].name)
    return observe([case for case in CASES if case.name in chosen], tmp_path_factory.mktemp("corpus"))


@pytest.mark.parametrize(("case", "command"), _params())
def test_the_outcome_of_each_command(case: Case, command: str, outcomes: Outcomes) -> None:
    seen = outcomes[case.name, command]
    assert seen.problems == []
    assert seen.exit == case.exit_code(command)
    if command == "validate":
        expected = case.expected["validate"]
        assert seen.rules == sorted(expected["rules"])
        if expected.get("at"):
            assert seen.at == expected["at"], seen.message
        if expected.get("says"):
            assert expected["says"] in (seen.message or ""), seen.message


def test_the_corpus_has_at_least_80_inputs_of_every_kind() -> None:
    assert len(CASES) >= 80
    assert sum(case.recipe for case in CASES) >= 10
    assert {case.exit_code("validate") for case in CASES} == {0, 1}


def test_every_file_has_an_entry_and_every_entry_its_input() -> None:
    files = {path.name.removesuffix(".yaml") for path in FILES.glob("*.yaml")}
    entries = json.loads(MANIFEST.read_text("utf-8"))
    assert files == {name for name, entry in entries.items() if not entry.get("recipe")}
    assert set(RECIPES) == {name for name, entry in entries.items() if entry.get("recipe")}
    for name, entry in entries.items():
        assert set(entry) <= {"about", "recipe", *COMMANDS, "defects", "page_has", "svg_has"}, name
        assert set(entry.get("defects", {})) <= set(COMMANDS), name
        assert entry["about"].strip() and "TODO" not in entry["about"], name


def test_every_rule_fails_its_own_example_in_the_corpus() -> None:
    """`rule-ID-fails.yaml` is the "Fails on:" example of the rule's docstring (the change rules, which
    compare two versions of a map, are not something one file can show)."""
    by_name = {case.name: case for case in CASES}
    for rule in set(RULES) - set(CHANGE_RULES):
        case = by_name[f"rule-{rule}-fails"]
        assert rule in case.expected["validate"]["rules"], rule


VALID = [case for case in CASES if case.exit_code("validate") == 0 and not case.recipe]


@pytest.mark.parametrize("case", VALID, ids=[case.name for case in VALID])
def test_the_exports_of_every_valid_map_are_safe(case: Case, tmp_path: Path) -> None:
    """`cjm export` (in-process: a valid map's text, so the bounded runs above cover its cost) writes
    Mermaid with map text only inside its own lines, and a CSV without a cell a spreadsheet would run."""
    (tmp_path / case.file_name).write_bytes(case.content())
    mermaid = cjm("export", "--to", "mermaid", case.file_name, cwd=tmp_path)
    sheet = cjm("export", "--to", "csv", case.file_name, cwd=tmp_path)
    assert (mermaid.returncode, sheet.returncode) == (0, 0), mermaid.stderr + sheet.stderr
    assert mermaid_problems(mermaid.stdout) == []
    assert csv_problems(sheet.stdout) == []


def test_the_committed_corpus_stays_small() -> None:
    assert sum(path.stat().st_size for path in FILES.iterdir()) < 1_000_000


def _cells(text: str) -> int:
    """How many terminal cells `text` takes: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_the_caret_sits_under_the_spot_after_wide_characters(tmp_path: Path) -> None:
    (tmp_path / "wide.cjm.yaml").write_bytes((FILES / "typo-after-wide-characters.yaml").read_bytes())
    out = cjm("validate", "wide.cjm.yaml", cwd=tmp_path).stdout.splitlines()
    frame = next(i for i, line in enumerate(out) if re.match(r"\s+6 \| ", line))
    spot = out[frame].index("conect")
    assert out[frame + 1].index("^") == _cells(out[frame][:spot])
