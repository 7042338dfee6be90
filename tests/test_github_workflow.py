"""The workflow of docs/github-actions.md: its shape, and its commands run as on a pull request.

Each `run:` step runs with bash (`-e`, as GitHub's runner does) in a scratch git repository of
maps where a pull-request branch changes one map, with `GITHUB_ACTIONS`, `GITHUB_STEP_SUMMARY` and
an `origin/main` ref as on the runner. Step output is read with the port of the runner's parser
of workflow commands. The install step is not run as written (it names placeholders); the
pre-commit tests install cjm from a tagged git snapshot the same way.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.report.workflow_commands import read_step

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "github-actions.md"
MARKER = "<!-- workflow: .github/workflows/journeys.yml -->"
SAMPLES = ROOT / "sample_maps"
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "cjm tests", "GIT_AUTHOR_EMAIL": "tests@cjm.invalid",
                "GIT_COMMITTER_NAME": "cjm tests", "GIT_COMMITTER_EMAIL": "tests@cjm.invalid"}

pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None,
                                reason="needs git and bash (.ci/setup installs git)")


def workflow() -> dict[Any, Any]:
    page = PAGE.read_text("utf-8")
    match = re.search(r"```yaml\n(.*?)\n```\n", page[page.index(MARKER):], re.DOTALL)
    assert match, f"no yaml block after {MARKER}"
    loaded: dict[Any, Any] = yaml.safe_load(match.group(1))
    return loaded


def steps() -> list[dict[str, Any]]:
    jobs = workflow()["jobs"]
    assert list(jobs) == ["journeys"]
    found: list[dict[str, Any]] = jobs["journeys"]["steps"]
    return found


def test_the_workflow_runs_on_pushes_and_pull_requests_with_what_the_upload_needs() -> None:
    loaded = workflow()
    triggers = loaded[True]  # YAML 1.1 reads the key `on` as true, as PyYAML does; GitHub reads "on"
    assert set(triggers) == {"push", "pull_request"}
    assert loaded["permissions"] == {"contents": "read", "security-events": "write"}
    checkout = next(step for step in steps() if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    upload = next(step for step in steps() if step.get("uses", "").startswith("github/codeql-action/"
                                                                                 "upload-sarif@"))
    report = next(step for step in steps() if "--format sarif" in step.get("run", ""))
    assert report["run"].split("> ", 1)[1].split()[0] == upload["with"]["sarif_file"]
    assert report.get("if") == upload.get("if") == "always()"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, **GIT_IDENTITY})


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A repository whose `main` holds the samples, checked out on a branch that redesigns one."""
    repo = tmp_path / "repo"
    maps = repo / "maps"
    maps.mkdir(parents=True)
    for sample in [*SAMPLES.glob("*.cjm.yaml"), *(SAMPLES / "needs-work").glob("*.cjm.yaml")]:
        shutil.copy(sample, maps / sample.name)
    shutil.copy(SAMPLES / "redesign" / "acme-notes-today.cjm.yaml", maps / "acme-notes.cjm.yaml")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "maps")
    _git(repo, "update-ref", "refs/remotes/origin/main", "main")
    _git(repo, "switch", "-q", "-c", "redesign")
    redesign = (SAMPLES / "redesign" / "acme-notes-redesign.cjm.yaml").read_text("utf-8")
    in_place = re.sub(r"(?m)^based_on: .*\n", "", redesign)  # the branch edits the map in place
    (maps / "acme-notes.cjm.yaml").write_text(in_place, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "redesign the notes journey")
    return repo


def _run_step(step: dict[str, Any], repo: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    command = step["run"].replace("${{ github.base_ref }}", "main")
    assert "${{" not in command, f"an expression the test does not know: {command}"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_WORKSPACE": str(repo),
           "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_EVENT_NAME": "pull_request",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(["bash", "--noprofile", "--norc", "-e", "-c", command], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)


def _runs_on_a_pull_request(step: dict[str, Any]) -> bool:
    condition = step.get("if", "success()")
    assert condition in {"success()", "always()", "github.event_name == 'pull_request'"}, condition
    return True


def test_every_command_of_the_workflow_runs_on_a_pull_request(pull_request: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    done: dict[str, subprocess.CompletedProcess[str]] = {}
    for step in steps():
        if "run" not in step or not _runs_on_a_pull_request(step):
            continue
        if step["run"].startswith("pip install "):
            assert "cjm-cli @ git+https://YOUR-GIT-HOST/YOUR-ORG/cjm.git@TAG" in step["run"]
            continue
        done[step["name"]] = _run_step(step, pull_request, summary)

    check = done["Check the journey maps"]
    assert check.returncode == 0, check.stderr
    log = read_step(check.stdout)
    assert not log.other_commands and check.stderr == ""
    for kind in ("error", "warning", "notice"):
        assert sum(command.name == kind for command in log.annotations) <= 10
    notice = log.annotations[-1]
    assert notice.name == "notice" and re.search(r"\d+ more findings", notice.data), notice
    assert log.log and all(re.match(r"maps/\S+\.cjm\.yaml:\d+:\d+: ", line) for line in log.log)
    job_summary = summary.read_text("utf-8")
    assert "showing-up.cjm.yaml" in job_summary and "participation-only" in job_summary

    report = done["Write the code scanning report"]
    assert report.returncode == 0 and report.stdout == "", report.stderr
    sarif = json.loads((pull_request / "cjm.sarif").read_text("utf-8"))
    assert sarif["version"] == "2.1.0"
    located = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               for result in sarif["runs"][0]["results"]}
    assert "maps/showing-up.cjm.yaml" in located

    diff = done["What this pull request does to the journeys"]
    assert diff.returncode == 0, diff.stderr
    annotations = read_step(diff.stdout).annotations
    assert annotations and all(command.properties["file"] == "maps/acme-notes.cjm.yaml"
                               for command in annotations if "file" in command.properties)


def test_the_sarif_step_fails_on_what_is_not_a_finding(pull_request: Path, tmp_path: Path) -> None:
    """`|| [ $? -eq 1 ]` lets a failing map through to the upload, but not a usage error."""
    report = next(step for step in steps() if "--format sarif" in step.get("run", ""))
    broken = {**report, "run": report["run"].replace("maps/", "no-such-folder/")}
    assert _run_step(broken, pull_request, tmp_path / "summary.md").returncode != 0
    (pull_request / "maps" / "broken.cjm.yaml").write_text("cjm: 1\ntitle: [Discover\n", encoding="utf-8")
    assert _run_step(report, pull_request, tmp_path / "summary.md").returncode == 0
