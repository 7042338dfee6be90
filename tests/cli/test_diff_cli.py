"""`cjm diff` on the command line: two files, and `--base REF` in a real git repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.diff.maps import spec_example
from tests.harness import cjm, cjm_process

TODAY, FUTURE = spec_example()
SAMPLE = Path(__file__).resolve().parents[2] / "sample_maps" / "retail-store-visit.cjm.yaml"
BROKEN = "cjm: 1\ntitle: Broken\nstages:\n  - phase: trial\n    touchpoints:\n      - {id: a}\n"
IDENTITY = {"GIT_AUTHOR_NAME": "cjm tests", "GIT_AUTHOR_EMAIL": "tests@cjm.invalid",
            "GIT_COMMITTER_NAME": "cjm tests", "GIT_COMMITTER_EMAIL": "tests@cjm.invalid",
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="cjm diff --base needs git")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True,
                   env={**IDENTITY, "PATH": "/usr/bin:/bin"})


def commit(repo: Path, files: dict[str, str | None], message: str) -> None:
    """Write (or, for None, delete) the files and commit everything."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit has three maps, two of them in maps/."""
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    commit(folder, {"maps/acme.cjm.yaml": TODAY, "maps/store.cjm.yaml": SAMPLE.read_text("utf-8"),
                    "elsewhere.cjm.yaml": TODAY, "maps/notes.txt": "not a map"}, "first maps")
    return folder


def diff_json(repo: Path, *args: str, code: int = 0) -> dict[str, Any]:
    done = cjm("diff", "--format", "json", *args, cwd=repo)
    assert done.returncode == code, done.stdout + done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def by_new(document: dict[str, Any]) -> dict[str | None, dict[str, Any]]:
    return {entry["new"] or entry["old"]: entry for entry in document["maps"]}


def test_base_head_1_shows_what_the_last_commit_made_worse(repo: Path) -> None:
    commit(repo, {"maps/acme.cjm.yaml": FUTURE}, "no card wall")
    document = diff_json(repo, "--base", "HEAD~1", "maps")
    [entry] = document["maps"]
    assert entry["old"] == "HEAD~1:maps/acme.cjm.yaml"
    assert (entry["new"], entry["status"]) == ("maps/acme.cjm.yaml", "changed")
    assert [(f["rule"], f["phase"]) for f in entry["findings"]] == [("perverse-consequence", "commitment")]
    assert document["summary"] == {"maps": 2, "changed": 1, "new": 0, "gone": 0, "unchanged": 1, "failed": 0,
                                   "findings": 1, "appeared": 0, "resolved": 0}
    text = cjm("diff", "--base", "HEAD~1", "maps", cwd=repo, env={"CJM_WIDTH": "80"})
    assert text.returncode == 0 and text.stderr == ""
    assert text.stdout.startswith("maps/acme.cjm.yaml: changed since HEAD~1\n")
    assert "▲ better" in text.stdout and "▼ worse" in text.stdout
    assert "2 maps: 1 changed, 1 unchanged\nWhat got worse: 1 perverse consequence\n" in text.stdout
    assert cjm("diff", "--strict", "--base", "HEAD~1", "maps", cwd=repo).returncode == 1


def test_the_working_tree_against_head_with_new_and_gone_maps(repo: Path) -> None:
    (repo / "maps" / "store.cjm.yaml").unlink()
    (repo / "maps" / "b2c").mkdir()
    (repo / "maps" / "b2c" / "new one.cjm.yaml").write_text(TODAY, "utf-8")
    (repo / "maps" / ".drafts").mkdir()
    (repo / "maps" / ".drafts" / "hidden.cjm.yaml").write_text(BROKEN, "utf-8")
    (repo / "maps" / "acme.cjm.yaml").write_text(FUTURE, "utf-8")
    entries = by_new(diff_json(repo, "--base", "HEAD"))  # default: the current folder
    assert {name: e["status"] for name, e in entries.items()} == {
        "maps/acme.cjm.yaml": "changed", "maps/b2c/new one.cjm.yaml": "new",
        "HEAD:maps/store.cjm.yaml": "gone"}
    gone, new = entries["HEAD:maps/store.cjm.yaml"], entries["maps/b2c/new one.cjm.yaml"]
    assert gone["new"] is None and gone["score"]["old"] == 84.0 and gone["score"]["new"] is None
    assert new["old"] is None and new["score"] == {"old": None, "new": 81.3} and new["failed"] is False
    text = cjm("diff", "--base", "HEAD", cwd=repo).stdout
    assert "maps/store.cjm.yaml: gone since HEAD (it scored 84)" in text
    assert "maps/b2c/new one.cjm.yaml: new map, score 81.3" in text
    assert "4 maps: 1 changed, 1 new, 1 gone, 1 unchanged" in text


def test_a_map_invalid_on_either_side_is_reported_with_its_diagnostics(repo: Path) -> None:
    commit(repo, {"maps/acme.cjm.yaml": BROKEN}, "oops")
    (repo / "maps" / "store.cjm.yaml").write_text(BROKEN, "utf-8")
    (repo / "maps" / "acme.cjm.yaml").write_text(TODAY, "utf-8")
    done = cjm("diff", "--base", "HEAD", "maps", cwd=repo)
    assert done.returncode == 1, done.stderr  # the new store map is invalid
    assert "The old version is invalid (1 error), so every finding of the new version counts" in done.stdout
    assert "HEAD:maps/acme.cjm.yaml:6:9: error [schema]" in done.stdout
    assert "The new version is invalid (1 error), so the versions are not compared:" in done.stdout
    assert "maps/store.cjm.yaml:6:9: error [schema]" in done.stdout
    assert "failed: maps/store.cjm.yaml (1 error)" in done.stdout
    entries = by_new(diff_json(repo, "--base", "HEAD", "maps", code=1))
    fixed, broken = entries["maps/acme.cjm.yaml"], entries["maps/store.cjm.yaml"]
    assert fixed["compared"] is False and fixed["valid"] == {"old": False, "new": True}
    assert [d["rule"] for d in fixed["resolved"]] == ["schema"] and fixed["errors"]["new"] == []
    assert broken["failed"] is True and broken["reasons"] == ["1 error"]
    assert [d["rule"] for d in broken["errors"]["new"]] == ["schema"] and broken["resolved"] == []
    github = cjm("diff", "--base", "HEAD", "--format", "github", "maps", cwd=repo).stdout
    assert github.startswith("::error file=maps/store.cjm.yaml,line=6,col=9,title=cjm schema::")


def test_a_map_named_by_any_name_and_a_deleted_one(repo: Path) -> None:
    (repo / "maps" / "acme.cjm.yaml").rename(repo / "acme.yaml")
    entries = by_new(diff_json(repo, "--base", "HEAD", "acme.yaml", "maps/acme.cjm.yaml"))
    assert entries["acme.yaml"]["status"] == "new" and entries["HEAD:maps/acme.cjm.yaml"]["status"] == "gone"


def test_from_a_subfolder_and_for_a_path_outside_it(repo: Path) -> None:
    commit(repo, {"elsewhere.cjm.yaml": FUTURE}, "change elsewhere")
    entries = by_new(diff_json(repo / "maps", "--base", "HEAD~1", "..", "."))
    assert {name: e["status"] for name, e in entries.items()} == {"../elsewhere.cjm.yaml": "changed"}
    assert entries["../elsewhere.cjm.yaml"]["old"] == "HEAD~1:../elsewhere.cjm.yaml"


def test_nothing_changed(repo: Path) -> None:
    done = cjm("diff", "--base", "main", cwd=repo)
    assert done.returncode == 0 and done.stdout == "Nothing changed: 3 maps, the same in both versions.\n"
    assert cjm("diff", "--base", "main", "--format", "github", cwd=repo).stdout == ""


@pytest.mark.parametrize(("args", "message"), [
    (["--base", "mian"], "cjm: error: unknown revision 'mian'; did you mean 'main'?\n"),
    (["--base", "v9.9"], "cjm: error: unknown revision 'v9.9': give a branch, a tag or a commit of this "
                         "repository (in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)\n"),
    (["--base", "--help=x"], "cjm: error: unknown revision '--help=x'"),
    (["--base", "HEAD", "nowhere"], "cjm: error: nowhere: no *.cjm.yaml or *.cjm.yml map here or at HEAD\n"),
    (["--base", "HEAD", "--format", "sarif"], "cjm: error: --format must be one of text, json, github"),
])
def test_usage_errors_are_one_line_and_exit_2(repo: Path, args: list[str], message: str) -> None:
    done = cjm("diff", *args, cwd=repo)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(message) and len(done.stderr.splitlines()) == 1


def test_outside_a_repository(tmp_path: Path) -> None:
    (tmp_path / "a.cjm.yaml").write_text(TODAY, "utf-8")
    done = cjm("diff", "--base", "main", cwd=tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert done.returncode == 2
    assert done.stderr == "cjm: error: not a git repository: run cjm diff --base inside your repository\n"


def test_without_git(repo: Path, tmp_path: Path) -> None:
    done = cjm("diff", "--base", "main", cwd=repo, env={"PATH": str(tmp_path / "no-git-here")})
    assert done.returncode == 2
    assert done.stderr == "cjm: error: git is not installed (or not on PATH): cjm diff --base needs git\n"


def test_two_files(tmp_path: Path) -> None:
    (tmp_path / "old.cjm.yaml").write_text(TODAY, "utf-8")
    (tmp_path / "new.cjm.yaml").write_text(FUTURE, "utf-8")
    [entry] = diff_json(tmp_path, "old.cjm.yaml", "new.cjm.yaml")["maps"]
    assert (entry["old"], entry["new"], entry["status"]) == ("old.cjm.yaml", "new.cjm.yaml", "changed")
    same = cjm("diff", "old.cjm.yaml", "old.cjm.yaml", cwd=tmp_path)
    assert same.returncode == 0 and "No change: the two versions are the same." in same.stdout
    (tmp_path / "bad.cjm.yaml").write_text(BROKEN, "utf-8")
    assert cjm("diff", "old.cjm.yaml", "bad.cjm.yaml", cwd=tmp_path).returncode == 1
    assert cjm("diff", "bad.cjm.yaml", "old.cjm.yaml", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(("args", "message"), [
    ([], "give the old and the new map (cjm diff OLD NEW), or compare with git: cjm diff --base REF"),
    (["old.cjm.yaml"], "give the old and the new map"),
    (["old.cjm.yaml", "missing.cjm.yaml"], "missing.cjm.yaml: no such file"),
    (["old.cjm.yaml", "."], ". is a folder: cjm diff OLD NEW compares two map files"),
    (["old.cjm.yaml", "pipe.cjm.yaml"], "pipe.cjm.yaml: is a named pipe (FIFO), not a file"),
])
def test_two_files_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "old.cjm.yaml").write_text(TODAY, "utf-8")
    os.mkfifo(tmp_path / "pipe.cjm.yaml")
    done = cjm("diff", *args, cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith(f"cjm: error: {message}")


def test_the_console_script_against_a_real_revision(repo: Path) -> None:
    commit(repo, {"maps/acme.cjm.yaml": FUTURE}, "no card wall")
    done = cjm_process("diff", "--base", "HEAD~1", "--format", "github", "maps", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("::warning file=maps/acme.cjm.yaml,")
    assert "title=cjm perverse-consequence" in done.stdout


def test_map_text_is_shown_as_text(tmp_path: Path) -> None:
    """A title with an escape sequence or rich markup is printed as it is written, never acted on."""
    data = json.loads(TODAY)
    data["stages"][1]["touchpoints"][0]["title"] = "Card \x1b[2J wall [bold red]now[/]"
    data["stages"][1]["touchpoints"][0]["emotion"] = 2
    (tmp_path / "old.cjm.yaml").write_text(TODAY, "utf-8")
    (tmp_path / "new.cjm.yaml").write_text(json.dumps(data), "utf-8")
    done = cjm("diff", "old.cjm.yaml", "new.cjm.yaml", cwd=tmp_path, env={"CJM_WIDTH": "200"})
    assert "\x1b" not in done.stdout
    assert "'Card \\x1b[2J wall [bold red]now[/]'" in done.stdout
