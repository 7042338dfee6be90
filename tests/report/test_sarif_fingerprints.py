"""SARIF for code scanning: an alert keeps its fingerprint while the map changes around it, and
however cjm is run; paths are relative to the repository root; rule names are not their ids."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cjm.check.engine import check_text
from cjm.report import sarif
from cjm.rules import RULES
from cjm.rules.docs import rule_doc
from tests.harness import REPO, cjm
from tests.report.test_reporters import sarif_schema

NEEDS_WORK = sorted((REPO / "sample_maps" / "needs-work").glob("*.cjm.yaml"))
"""The samples with findings (the others have none)."""
EXAMPLES = {rule: rule_doc(rule).failing for rule in RULES}


def results_of(text: str, name: str = "maps/journey.cjm.yaml") -> list[dict[str, Any]]:
    log = sarif.document([check_text(text, name)])
    found: list[dict[str, Any]] = log["runs"][0]["results"]
    return found


def about(text: str, touchpoint: str) -> list[bool]:
    """For each finding of the map, in order, whether it is about this touchpoint: it names the
    touchpoint, is marked as about it, or its key (what it is about) names it."""
    return [touchpoint in d.message or d.touchpoint == touchpoint or touchpoint in (d.key or "")
            for d in check_text(text, "maps/journey.cjm.yaml").diagnostics]


def fingerprint(result: dict[str, Any]) -> str:
    value: str = result["partialFingerprints"][sarif.FINGERPRINT_KEY]
    return value


def touchpoint_ids(text: str) -> list[str]:
    return re.findall(r"(?m)(?:^\s*-\s+id:|\{id:)\s*([a-z0-9][a-z0-9_-]*)", text)


def renamed(text: str, old: str, new: str) -> str:
    """The map with one touchpoint's id changed where it is defined (not where `next` names it)."""
    where = rf"((?:^\s*-\s+id:|\{{id:)\s*){re.escape(old)}\b"
    return re.sub(where, rf"\g<1>{new}", text, count=1, flags=re.M)


CASES = [(path.name, path.read_text("utf-8")) for path in NEEDS_WORK] + [
    (f"example of {rule}", text) for rule, text in EXAMPLES.items() if text]


@pytest.mark.parametrize(("name", "text"), CASES, ids=[name for name, _ in CASES])
def test_renaming_a_touchpoint_keeps_every_other_findings_fingerprint(name: str, text: str) -> None:
    before = results_of(text)
    for old in touchpoint_ids(text):
        if re.search(rf"next:.*\b{re.escape(old)}\b", text):
            continue  # renaming it would break a reference: a different map
        after = results_of(renamed(text, old, "renamed-neighbour"))
        kept = [fingerprint(r) for r, its in zip(before, about(text, old), strict=True) if not its]
        assert set(kept) <= {fingerprint(r) for r in after}, (name, old)


def test_a_rename_changes_neighbours_messages_but_not_their_fingerprints() -> None:
    """The case the message-based fingerprints of cjm 0.2 got wrong: missing-step names the
    touchpoints around the gap, so renaming one of them changed an unchanged finding."""
    text = (REPO / "sample_maps" / "needs-work" / "gaps-and-order.cjm.yaml").read_text("utf-8")
    (before,) = [r for r in results_of(text) if r["ruleId"] == "missing-step"]
    assert "'recipe-landing'" in before["message"]["text"]
    after_rename = results_of(renamed(text, "recipe-landing", "recipe-page"))
    (after,) = [r for r in after_rename if r["ruleId"] == "missing-step"]
    assert "'recipe-page'" in after["message"]["text"]
    assert fingerprint(after) == fingerprint(before)


SCHEMA_ERRORS = """\
cjm: 1
title: Acme
phases: [awareness, trial]
stages:
  - phase: awareness
    touchpoints:
      - {id: ad, title: Ad, step: connect, emotion: 7}
      - {id: blog, title: Blog, step: infrom}
  - phase: trial
    touchpoints:
      - {id: signup, step: connect}
"""


def test_touchpoints_added_or_removed_elsewhere_keep_the_fingerprints() -> None:
    before = {fingerprint(r) for r in results_of(SCHEMA_ERRORS)}
    assert len(before) == 3  # emotion 7, infrom, signup without a title
    added = SCHEMA_ERRORS.replace("    touchpoints:\n      - {id: ad", "    touchpoints:\n"
                                  "      - {id: teaser, title: Teaser, step: connect}\n      - {id: ad", 1)
    assert {fingerprint(r) for r in results_of(added)} == before
    moved_down = "# a note\n\n" + SCHEMA_ERRORS
    assert {fingerprint(r) for r in results_of(moved_down)} == before


def test_fixing_one_finding_keeps_the_others() -> None:
    before = {fingerprint(r) for r in results_of(SCHEMA_ERRORS)}
    fixed = SCHEMA_ERRORS.replace("emotion: 7", "emotion: 2")
    after = {fingerprint(r) for r in results_of(fixed)}
    assert len(after) == 2 and after < before


def test_repeated_findings_get_different_fingerprints() -> None:
    twice = SCHEMA_ERRORS.replace("{id: signup, step: connect}", "{id: signup, step: connect}\n"
                                  "      - {id: welcome, step: inform}")
    prints = [fingerprint(r) for r in results_of(twice)]
    assert len(prints) == len(set(prints)) == 4


# --- paths from the repository root, however cjm is run ---------------------------------------

@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with maps in a folder below its top."""
    top = tmp_path / "team-maps"
    (top / "maps" / "b2c").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(top)], check=True)
    for sample in ("needs-work/gaps-and-order", "needs-work/showing-up"):
        name = sample.split("/")[-1]
        (top / "maps" / "b2c" / f"{name}.cjm.yaml").write_text(
            (REPO / "sample_maps" / f"{sample}.cjm.yaml").read_text("utf-8"), "utf-8")
    return top


def sarif_run(*paths: str | Path, cwd: Path) -> dict[str, Any]:
    done = cjm("validate", "--format", "sarif", *paths, cwd=cwd)
    assert done.returncode == 0, done.stderr
    run: dict[str, Any] = json.loads(done.stdout)["runs"][0]
    return run


def places(run: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId", ""), fingerprint(r))
            for r in run["results"]]


def test_relative_absolute_and_subfolder_invocations_agree(repo: Path, tmp_path: Path) -> None:
    from_top = places(sarif_run("maps", cwd=repo))
    assert from_top and {uri for uri, _, _ in from_top} == {
        "maps/b2c/gaps-and-order.cjm.yaml", "maps/b2c/showing-up.cjm.yaml"}
    assert {base for _, base, _ in from_top} == {"%SRCROOT%"}
    assert places(sarif_run(repo / "maps", cwd=repo)) == from_top
    assert places(sarif_run("b2c", cwd=repo / "maps")) == from_top
    assert places(sarif_run("gaps-and-order.cjm.yaml", "showing-up.cjm.yaml", cwd=repo / "maps" / "b2c")) \
        == from_top
    assert places(sarif_run(repo / "maps", cwd=tmp_path)) == from_top  # from outside the repository


def test_outside_a_repository_paths_start_at_the_current_folder(tmp_path: Path) -> None:
    (tmp_path / "here" / "maps").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    text = (REPO / "sample_maps" / "needs-work" / "showing-up.cjm.yaml").read_text("utf-8")
    (tmp_path / "here" / "maps" / "a.cjm.yaml").write_text(text, "utf-8")
    (tmp_path / "elsewhere" / "b.cjm.yaml").write_text(text, "utf-8")
    run = sarif_run("maps", tmp_path / "elsewhere", cwd=tmp_path / "here")
    uris = {(uri, base) for uri, base, _ in places(run)}
    assert uris == {("maps/a.cjm.yaml", "%SRCROOT%"), ((tmp_path / "elsewhere" / "b.cjm.yaml").as_uri(), "")}
    schema = sarif_schema()
    if schema is not None:
        jsonschema = pytest.importorskip("jsonschema")
        log = json.loads(cjm("validate", "--format", "sarif", "maps", tmp_path / "elsewhere",
                             cwd=tmp_path / "here").stdout)
        assert list(jsonschema.Draft7Validator(schema).iter_errors(log)) == []


def test_a_symlinked_checkout_gives_the_same_fingerprints(repo: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    os.symlink(repo, link)
    assert places(sarif_run("maps", cwd=link)) == places(sarif_run("maps", cwd=repo))


# --- rules ----------------------------------------------------------------------------------------

def test_rule_names_are_not_their_ids_and_help_is_the_whole_rule_text() -> None:
    rules = sarif.document([])["runs"][0]["tool"]["driver"]["rules"]
    names = [rule["name"] for rule in rules]
    assert len(set(names)) == len(names)
    for rule in rules:
        assert rule["name"].lower() != rule["id"].lower()
        assert re.fullmatch(r"(?:[A-Z][a-z]+)+", rule["name"]), rule["name"]
        assert "helpUri" not in rule  # no public page documents the rules
        doc = rule_doc(rule["id"])
        assert rule["help"]["markdown"] == doc.markdown().rstrip("\n")
        assert "Fails on:" in rule["help"]["markdown"] and "Passes on:" in rule["help"]["markdown"]
    assert names[list(RULES).index("schema")] == "SchemaCheck"
