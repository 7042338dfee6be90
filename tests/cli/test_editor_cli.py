"""Editor support offline: `cjm schema --write` saves the schema into the repository, and `cjm init`
starts a map with a modeline only when its relative path reaches that file.
(tests/test_editor_lsp.py opens such a map in the real YAML language server.)"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

import pytest

from cjm.cli.editor import MODELINE
from cjm.schema import schema_text
from tests.harness import REPO, cjm

SCHEMA_HOME = Path(".cjm", "journey-map.schema.json")


def git_repo(folder: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


def modeline_target(map_file: Path) -> Path:
    """The file the map's first line points the YAML language server at, resolved as the server
    does (relative to the map's folder)."""
    first = map_file.read_text("utf-8").splitlines()[0]
    assert first.startswith(MODELINE), first
    return map_file.parent / first.removeprefix(MODELINE)


def test_init_in_a_repository_saves_the_schema_at_its_top_and_points_at_it(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "repo")
    (repo / "maps" / "b2c").mkdir(parents=True)
    done = cjm("init", "maps/b2c/journey.cjm.yaml", cwd=repo / "maps")
    assert done.returncode == 0, done.stderr
    assert f"Wrote {repo / SCHEMA_HOME}: the schema your editor reads" in done.stdout
    map_file = repo / "maps" / "maps" / "b2c" / "journey.cjm.yaml"
    assert map_file.read_text("utf-8").startswith(f"{MODELINE}../../../.cjm/journey-map.schema.json\n")
    assert modeline_target(map_file).resolve() == (repo / SCHEMA_HOME).resolve()
    assert (repo / SCHEMA_HOME).read_text("utf-8") == schema_text()


def test_init_outside_a_repository_saves_the_schema_beside_the_map(tmp_path: Path) -> None:
    assert cjm("init", "sub/journey.cjm.yaml", cwd=tmp_path).returncode == 0
    map_file = tmp_path / "sub" / "journey.cjm.yaml"
    assert modeline_target(map_file) == tmp_path / "sub" / SCHEMA_HOME
    assert (tmp_path / "sub" / SCHEMA_HOME).read_text("utf-8") == schema_text()


def test_a_second_map_reuses_the_schema_and_says_nothing_about_it(tmp_path: Path) -> None:
    repo = git_repo(tmp_path)
    assert cjm("init", "a.cjm.yaml", cwd=repo).returncode == 0
    before = (repo / SCHEMA_HOME).stat()
    done = cjm("init", "b.cjm.yaml", "--from", "retail-store-visit", cwd=repo)
    assert done.returncode == 0 and "schema" not in done.stdout
    assert (repo / SCHEMA_HOME).stat().st_ino == before.st_ino
    assert modeline_target(repo / "b.cjm.yaml") == repo / SCHEMA_HOME
    assert (repo / "b.cjm.yaml").read_text("utf-8").count(MODELINE) == 1


def test_init_keeps_a_schema_of_another_version_and_says_how_to_update_it(tmp_path: Path) -> None:
    repo = git_repo(tmp_path)
    (repo / SCHEMA_HOME).parent.mkdir()
    (repo / SCHEMA_HOME).write_text('{"title": "older"}\n', "utf-8")
    done = cjm("init", cwd=repo)
    assert done.returncode == 0
    assert "is the schema of another version of cjm; `cjm schema --write` updates it" in done.stdout
    assert (repo / SCHEMA_HOME).read_text("utf-8") == '{"title": "older"}\n'
    assert modeline_target(repo / "journey.cjm.yaml") == repo / SCHEMA_HOME


def test_no_modeline_when_the_schema_cannot_be_saved(tmp_path: Path) -> None:
    repo = git_repo(tmp_path)
    (repo / ".cjm").write_text("a file where the folder would go\n", "utf-8")
    done = cjm("init", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "Note: the map has no editor line: cannot write .cjm/journey-map.schema.json" in done.stdout
    text = (repo / "journey.cjm.yaml").read_text("utf-8")
    assert "yaml-language-server" not in text and text.startswith("# A customer journey map")
    assert cjm("validate", "journey.cjm.yaml", cwd=repo).returncode == 0


def test_init_onto_an_existing_map_writes_no_schema(tmp_path: Path) -> None:
    (tmp_path / "journey.cjm.yaml").write_text("mine\n", "utf-8")
    assert cjm("init", cwd=tmp_path).returncode == 2
    assert not (tmp_path / ".cjm").exists()


def test_schema_prints_the_shipped_schema() -> None:
    done = cjm("schema")
    assert done.returncode == 0 and done.stdout == schema_text()


def test_schema_write_saves_it_at_the_top_of_the_repository(tmp_path: Path) -> None:
    repo = git_repo(tmp_path)
    (repo / "maps").mkdir()
    first = cjm("schema", "--write", cwd=repo / "maps")
    assert first.returncode == 0, first.stderr
    assert (repo / SCHEMA_HOME).read_text("utf-8") == schema_text()
    assert first.stdout == (f"Wrote {repo / SCHEMA_HOME}\nA map in this folder reads it with this first line "
                            f"(cjm init writes it):\n  {MODELINE}../.cjm/journey-map.schema.json\n")
    again = cjm("schema", "--write", cwd=repo)
    assert again.stdout.startswith("Already up to date: .cjm/journey-map.schema.json\n")


def test_schema_write_replaces_an_old_schema_atomically_keeping_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "editor" / "cjm.json"
    target.parent.mkdir()
    target.write_text("{}\n", "utf-8")
    target.chmod(0o640)
    done = cjm("schema", "--write", "editor/cjm.json", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("Wrote editor/cjm.json\n")
    assert target.read_text("utf-8") == schema_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(target.parent) == ["cjm.json"]


def test_schema_write_into_a_folder(tmp_path: Path) -> None:
    assert cjm("schema", "--write", ".", cwd=tmp_path).returncode == 0
    assert (tmp_path / "journey-map.schema.json").read_text("utf-8") == schema_text()


@pytest.mark.parametrize("args", [("schema", "out.json"), ("schema", "--write", "missing/folder/")])
def test_schema_usage_errors(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "missing").write_text("a file, not a folder\n", "utf-8")
    done = cjm(*args, cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("cjm: error: ")
    assert not (tmp_path / "out.json").exists()


def test_nothing_names_a_schema_url_that_nothing_publishes() -> None:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    named = [name for name in listed.decode().split("\0") if name and (REPO / name).is_file()
             and re.search(rb"https?://cjm\.dev", (REPO / name).read_bytes())]
    assert named == [], "no one publishes the schema at cjm.dev: point editors at the saved file"
