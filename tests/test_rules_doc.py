"""docs/rules.md is generated from the rule docstrings and must stay in sync."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from cjm.rules import RULES
from cjm.rules.docs import rule_doc, rules_markdown
from tests.harness import cjm, cjm_process

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return cjm(*args, cwd=ROOT)


def test_docs_rules_md_is_up_to_date() -> None:
    on_disk = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert on_disk == rules_markdown(), "run `cjm rules --markdown > docs/rules.md`"


def test_every_rule_has_a_summary_and_both_examples() -> None:
    for rule in RULES:
        doc = rule_doc(rule)
        assert doc.summary and doc.failing.strip() and doc.passing.strip(), rule


def test_cjm_rules_lists_and_explains() -> None:
    listing = run("rules")
    assert listing.returncode == 0
    assert all(rule in listing.stdout for rule in RULES)
    one = run("rules", "step-order")
    assert one.returncode == 0 and "Fails on:" in one.stdout and "Passes on:" in one.stdout
    unknown = run("rules", "no-such-rule")
    assert unknown.returncode == 2 and "unknown rule" in unknown.stderr


def test_cjm_schema_prints_the_shipped_schema() -> None:
    out = run("schema")
    assert out.returncode == 0
    assert json.loads(out.stdout)["$schema"].endswith("2020-12/schema")


def test_cjm_score_json_has_the_spec_shape() -> None:
    out = run("score", "--format", "json", "sample_maps/streaming-subscription.cjm.yaml")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    entry = doc["files"][0]
    assert doc["version"] == 2 and isinstance(entry["score"], float) and entry["sequence"] == 100.0
    assert {"path", "score", "sequence", "engagement_ratio", "advocate_shares", "phases",
            "failed", "reasons"} <= entry.keys()
    phase = entry["phases"][0]
    assert {"phase", "score", "sequence", "depth", "chain", "missing", "touchpoints"} <= phase.keys()
    assert phase["chain"] == ["connect", "inform", "entertain", "share"] and phase["missing"] == []
    assert phase["sequence"] == 100 and phase["score"] == phase["depth"]


def test_the_console_script_scores_and_lists_rules() -> None:
    scored = cjm_process("score", "sample_maps/")
    assert scored.returncode == 0 and "Average score" in scored.stdout
    listed = cjm_process("rules")
    assert listed.returncode == 0 and all(rule in listed.stdout for rule in RULES)


def test_cjm_score_exit_codes() -> None:
    warned = "sample_maps/needs-work/gaps-and-order.cjm.yaml"
    assert run("score", warned).returncode == 0
    assert run("score", "--strict", warned).returncode == 1
    score = json.loads(run("score", "--format", "json", warned).stdout)["files"][0]["score"]
    assert run("score", "--fail-under", str(score + 1), warned).returncode == 1
    assert run("score", "--fail-under", str(score), warned).returncode == 0
    assert run("score", "no/such/path").returncode == 2
    assert run("score", "--format", "sarif", warned).returncode == 2
    several = run("score", "sample_maps/")
    assert several.returncode == 0 and "Average score" in several.stdout


def test_fail_under_refuses_nan_and_infinities() -> None:
    warned = "sample_maps/needs-work/gaps-and-order.cjm.yaml"
    for value in ("nan", "inf", "-inf", "1e999", "NaN"):
        for command in ("validate", "score"):
            done = run(command, f"--fail-under={value}", warned)
            assert done.returncode == 2, (command, value, done.stdout)
