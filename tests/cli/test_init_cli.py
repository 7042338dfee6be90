"""`cjm init` through the real console script: a new map that validates cleanly and is formatted."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cjm.cli.init import SCHEMA_URL
from cjm.cli.skeleton import render_skeleton
from cjm.fmt import format_text
from cjm.fmt.quoting import yaml_text
from cjm.loader import load_text
from cjm.model import STEPS
from tests.harness import cjm, cjm_command, environment

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_NAMES = sorted(p.name.removesuffix(".cjm.yaml") for folder in ("sample_maps", "sample_maps/needs-work")
                      for p in (ROOT / folder).glob("*.cjm.yaml"))
"""The samples `cjm init --from` offers (not sample_maps/redesign/: a pair, one `based_on` the other)."""
MODELINE = f"# yaml-language-server: $schema={SCHEMA_URL}\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return cjm(*args, cwd=cwd)


def assert_clean_map(path: Path) -> dict[str, Any]:
    """`cjm validate` finds only the placeholders to replace, `cjm fmt --check` changes nothing; the data."""
    validated = run("validate", "--format", "json", path.name, cwd=path.parent)
    assert validated.returncode == 0, validated.stdout
    report = json.loads(validated.stdout)
    assert {d["rule"] for d in report["files"][0]["diagnostics"]} <= {"placeholder-text"}
    assert report["files"][0]["score"] is not None and report["files"][0]["score"] < 100
    checked = run("fmt", "--check", path.name, cwd=path.parent)
    assert checked.returncode == 0, checked.stdout
    text = path.read_text("utf-8")
    assert text.startswith(MODELINE)
    data: dict[str, Any] = load_text(text).data
    return data


def test_init_then_validate_then_fmt_check_passes(tmp_path: Path) -> None:
    script = cjm_command()[0]
    command = (f"{script} init demo.cjm.yaml && {script} validate demo.cjm.yaml"
               f" && {script} fmt --check demo.cjm.yaml")
    done = subprocess.run(["sh", "-c", command], cwd=tmp_path, env=environment(), capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Wrote demo.cjm.yaml" in done.stdout
    assert "cjm validate demo.cjm.yaml" in done.stdout
    assert "cjm render demo.cjm.yaml " in done.stdout and "rendered/demo.html" in done.stdout


def test_default_skeleton_has_five_phases_with_the_whole_sequence(tmp_path: Path) -> None:
    assert run("init", cwd=tmp_path).returncode == 0
    data = assert_clean_map(tmp_path / "journey.cjm.yaml")
    assert data["phases"] == ["awareness", "involvement", "trial", "commitment", "referral"]
    assert [stage["phase"] for stage in data["stages"]] == data["phases"]
    for stage in data["stages"]:
        assert [tp["step"] for tp in stage["touchpoints"]] == list(STEPS)
        share = stage["touchpoints"][-1]
        assert share["actor"] in ("customer", "advocate")
        assert all(tp.get("emotion", 0) >= 0 for tp in stage["touchpoints"])
    ids = [tp["id"] for stage in data["stages"] for tp in stage["touchpoints"]]
    assert len(ids) == 20 == len(set(ids))


def test_every_field_is_explained_in_a_comment(tmp_path: Path) -> None:
    assert run("init", "demo.cjm.yaml", cwd=tmp_path).returncode == 0
    text = (tmp_path / "demo.cjm.yaml").read_text("utf-8")
    first = load_text(text).data["stages"][0]["touchpoints"][0]
    assert len(first) == 20  # every touchpoint field, once, in the first touchpoint
    for key in first:
        line = next(line for line in text.splitlines() if line.strip().startswith(f"{key}:")
                    or line.strip().startswith(f"- {key}:"))
        assert "#" in line or key in ("doing", "thinking"), key


def test_init_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "demo.cjm.yaml"
    path.write_text("my work\n", "utf-8")
    result = run("init", "demo.cjm.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "demo.cjm.yaml already exists; cjm init never overwrites a file" in result.stderr
    assert path.read_text("utf-8") == "my work\n"
    assert run("init", "demo.cjm.yaml", "--from", "b2b-saas-trial", cwd=tmp_path).returncode == 2
    assert path.read_text("utf-8") == "my work\n"


TRICKY = [
    'Acme: "best" journey #1',
    "it's 100% - ünïcødé ✓ 🚀",
    "- starts like a list item",
    "yes",
    "null",
    "[not, a, list]",
    "{not: a map}",
    "tab\tand\\backslash",
    "trailing space ",
    "*alias &anchor !tag %percent @at `tick | pipe > fold",
    "line one\nline two",
    "\u2028separator and bell \x07",
]


@pytest.mark.parametrize("title", TRICKY)
def test_special_characters_in_title_and_persona_stay_exact(tmp_path: Path, title: str) -> None:
    result = run("init", "demo.cjm.yaml", "--title", title, "--persona", title, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = assert_clean_map(tmp_path / "demo.cjm.yaml")
    assert data["title"] == title
    assert data["persona"]["name"] == data["narrative"]["hero"] == title


@pytest.mark.parametrize("value", [*TRICKY, "plain words", "Alex", "a, b", "1.5", "~", "on", "No", "Zoë",
                                   "日本語", "_x", "x_", "a  b", "end."])
def test_yaml_text_reads_back_as_the_same_string(value: str) -> None:
    for flow in (False, True):
        text = f"a: {yaml_text(value, flow)}\nb: [{yaml_text(value, True)}, x]\n"
        assert load_text(text).data == {"a": value, "b": [value, "x"]}


def test_yaml_text_quotes_only_when_needed() -> None:
    assert yaml_text("Zoë Müller") == "Zoë Müller" and yaml_text("a, b") == "a, b"
    assert yaml_text("No") == '"No"' and yaml_text("a, b", flow=True) == '"a, b"'
    assert yaml_text('Acme: "best" #1') == '"Acme: \\"best\\" #1"'


def test_custom_phases(tmp_path: Path) -> None:
    result = run("init", "demo.cjm.yaml", "--phases", " discover, Try it: now ,trial,buy", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "a 4-phase skeleton (discover, Try it: now, trial, buy), 16 touchpoints" in result.stdout
    data = assert_clean_map(tmp_path / "demo.cjm.yaml")
    assert data["phases"] == ["discover", "Try it: now", "trial", "buy"]
    assert [stage["phase"] for stage in data["stages"]] == data["phases"]
    assert data["stages"][1]["touchpoints"][0]["id"] == "try-it-now-connect"
    assert all([tp["step"] for tp in s["touchpoints"]] == list(STEPS) for s in data["stages"])


def test_phases_whose_ids_would_collide_get_distinct_ids(tmp_path: Path) -> None:
    assert run("init", "demo.cjm.yaml", "--phases", "a b,a-b,ü", cwd=tmp_path).returncode == 0
    data = assert_clean_map(tmp_path / "demo.cjm.yaml")
    ids = [stage["touchpoints"][0]["id"] for stage in data["stages"]]
    assert ids == ["a-b-connect", "a-b-2-connect", "phase-3-connect"]


@pytest.mark.parametrize("phases, message", [
    ("awareness,,trial", "every phase needs a name"),
    (" ", "every phase needs a name"),
    ("trial,awareness,trial", "each phase may appear once; repeated: trial"),
])
def test_bad_phases_are_usage_errors(tmp_path: Path, phases: str, message: str) -> None:
    result = run("init", "demo.cjm.yaml", "--phases", phases, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / "demo.cjm.yaml").exists()


def test_empty_title_is_a_usage_error(tmp_path: Path) -> None:
    result = run("init", "demo.cjm.yaml", "--title", "  ", cwd=tmp_path)
    assert result.returncode == 2 and "--title must not be empty" in result.stderr


def test_from_list_names_every_shipped_sample(tmp_path: Path) -> None:
    result = run("init", "--from", "list", cwd=tmp_path)
    assert result.returncode == 0
    for name in SAMPLE_NAMES:
        assert f"  {name} " in result.stdout
    assert "needs work" in result.stdout and "Tracelight 14-day trial" in result.stdout
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["b2b-saas-trial", "nonprofit-donor.cjm.yaml"])
def test_from_sample_copies_it_formatted_with_the_modeline(tmp_path: Path, name: str) -> None:
    result = run("init", "maps/new.cjm.yaml", "--from", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "maps" / "new.cjm.yaml"
    data = assert_clean_map(path)
    sample = ROOT / "sample_maps" / (name.removesuffix(".cjm.yaml") + ".cjm.yaml")
    assert data == load_text(sample.read_text("utf-8")).data


def test_from_a_needs_work_sample_keeps_its_warnings(tmp_path: Path) -> None:
    result = run("init", "demo.cjm.yaml", "--from", "gaps-and-order", cwd=tmp_path)
    assert result.returncode == 0 and "warnings on purpose" in result.stdout
    validated = run("validate", "--format", "json", "demo.cjm.yaml", cwd=tmp_path)
    rules = {d["rule"] for d in json.loads(validated.stdout)["files"][0]["diagnostics"]}
    assert rules == {"missing-step", "step-order", "empty-phase"}


def test_unknown_sample_lists_the_samples(tmp_path: Path) -> None:
    result = run("init", "--from", "nope", cwd=tmp_path)
    assert result.returncode == 2
    assert "no sample map called 'nope'" in result.stderr and "b2b-saas-trial" in result.stderr


def test_from_with_title_is_a_usage_error(tmp_path: Path) -> None:
    result = run("init", "--from", "b2b-saas-trial", "--title", "X", cwd=tmp_path)
    assert result.returncode == 2 and "--from starts from the sample as it is" in result.stderr


def test_other_file_names_get_a_note(tmp_path: Path) -> None:
    result = run("init", "journey.yaml", cwd=tmp_path)
    assert result.returncode == 0 and "name it *.cjm.yaml" in result.stdout


def test_the_template_is_already_in_canonical_layout() -> None:
    for phases in (None, ["one", "two"]):
        text = render_skeleton("Title", "Sam", phases, SCHEMA_URL)
        assert format_text(text) == text


def test_modeline_url_is_the_schema_id() -> None:
    from cjm.schema import schema

    assert schema()["$id"] == SCHEMA_URL
