"""The spec's example (trial better, commitment worse) through `cjm diff` in every format, as golden files.

`golden/trial-better.old.cjm.yaml` and `.new.cjm.yaml` are the two versions;
`golden/trial-better.FORMAT-SUFFIX` the exact output, from the repository
root, colour off, 80 columns. Regenerate on purpose and review the diff:

    CJM_UPDATE_GOLDEN=1 pytest tests/diff/test_golden.py
    git diff tests/diff/golden
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.harness import REPO, cjm

GOLDEN = Path(__file__).resolve().parent / "golden"
OLD, NEW = (f"tests/diff/golden/trial-better.{side}.cjm.yaml" for side in ("old", "new"))
SUFFIXES = {"text": "text.txt", "json": "json", "github": "github.txt"}
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN", "") not in ("", "0")
MESSAGE = "trial got better (mean emotion -2 → +2) but commitment got worse (mean emotion +1 → -2)"


def run(fmt: str, *extra: str) -> tuple[int, str]:
    done = cjm("diff", "--format", fmt, *extra, OLD, NEW, cwd=REPO, env={"CJM_WIDTH": "80"})
    assert done.stderr == ""
    return done.returncode, done.stdout


@pytest.mark.parametrize("fmt", SUFFIXES)
def test_output_matches_golden(fmt: str) -> None:
    code, actual = run(fmt)
    assert code == 0  # a warning fails only under --strict
    path = GOLDEN / f"trial-better.{SUFFIXES[fmt]}"
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert actual == path.read_text("utf-8"), f"run `CJM_UPDATE_GOLDEN=1 pytest {__file__}` if intended"
    assert not any(line.endswith(" ") for line in actual.splitlines())


def test_the_summary_fits_80_columns() -> None:
    """Every line but a finding's (its message, code frame and hint are soft-wrapped by the
    terminal, as cjm validate prints them)."""
    _, out = run("text")
    finding = ("warning [", " | ", "hint: ")
    assert all(len(line) <= 80 for line in out.splitlines() if not any(part in line for part in finding))


def test_both_versions_validate_clean() -> None:
    done = cjm("validate", OLD, NEW, cwd=REPO)
    assert done.returncode == 0 and "all valid, nothing to fix" in done.stdout


@pytest.mark.parametrize("fmt", SUFFIXES)
def test_exactly_one_perverse_consequence_on_commitment(fmt: str) -> None:
    _, out = run(fmt)
    assert out.count("perverse-consequence") == 1 and out.count(MESSAGE) == 1
    assert "regression" not in out


def test_the_json_finding_is_on_commitment_at_the_touchpoint_that_got_worse() -> None:
    _, out = run("json")
    entry = json.loads(out)["maps"][0]
    [finding] = entry["findings"]
    assert finding == {
        "rule": "perverse-consequence", "severity": "warning", "line": 25, "column": 94, "message": MESSAGE,
        "phase": "commitment", "id": "first-invoice", "hint": finding["hint"]}
    assert (entry["old"], entry["new"]) == (OLD, NEW)
    assert entry["appeared"] == [] and entry["resolved"] == []
    phases = {p["phase"]: p for p in entry["phases"]}
    assert phases["trial"]["emotion"] == {"old": -2.0, "new": 2.0} and phases["trial"]["verdict"] == "better"
    assert phases["commitment"]["worse"] == ["emotion"] and phases["awareness"]["verdict"] == "same"


def test_github_annotates_the_new_file() -> None:
    _, out = run("github")
    assert out.startswith(f"::warning file={NEW},line=25,col=94,title=cjm perverse-consequence::{MESSAGE}")
    assert len(out.splitlines()) == 1


def test_strict_fails_on_the_warning_and_says_why() -> None:
    code, out = run("json", "--strict")
    entry = json.loads(out)["maps"][0]
    assert code == 1 and entry["failed"] is True and entry["reasons"] == ["1 warning under --strict"]
    code, text = run("text", "--strict")
    assert code == 1 and f"failed: {NEW} (1 warning under --strict)" in text
    code, github = run("github", "--strict")
    assert code == 1 and github.splitlines()[-1] == (
        f"::error file={NEW},title=cjm%3A the map fails::fails: 1 warning under --strict")
