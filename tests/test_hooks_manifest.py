"""The pre-commit hook manifest: each hook picks map files and only map files,
and runs a real cjm command (after check-jsonschema's test_hook_file_matches)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from ruamel.yaml import YAML

from cjm.check.discover import is_map_name
from tests.harness import cjm

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
HOOK_IDS = {"cjm-validate", "cjm-fmt", "cjm-render", "cjm-diff"}

# pre-commit matches `files` with re.search on the path from the repository root.
MAP_NAMES = [
    "a.cjm.yaml",
    "a.cjm.yml",
    "dir/b.cjm.yml",
    "deep/er/c.cjm.yaml",
    "sample_maps/needs-work/gaps-and-order.cjm.yaml",
    "with space.cjm.yaml",
]
NOT_MAPS = [
    "a.yaml",
    "a.yml",
    ".pre-commit-config.yaml",
    ".pre-commit-hooks.yaml",
    "cjm.yaml",
    "cjm.yml",
    "a.cjm.yaml.bak",
    "a.cjm.yaml~",
    "a.cjm.json",
    "a.cjmyaml",
    "acjm.yaml",
    "a.cjm.yaml/notes.txt",
    ".cjm.toml",
    "pyproject.toml",
    # Case-sensitive on purpose, like `cjm validate FOLDER` (cjm.check.discover.MAP_SUFFIXES).
    "x.CJM.yaml",
    "x.cjm.YAML",
]


def _hooks() -> list[dict[str, Any]]:
    hooks = YAML(typ="safe").load(MANIFEST.read_text("utf-8"))
    assert isinstance(hooks, list)
    return hooks


def _hook(hook_id: str) -> dict[str, Any]:
    return next(h for h in _hooks() if h["id"] == hook_id)


def _selects(hook: dict[str, Any], path: str) -> bool:
    included = re.search(hook.get("files", ""), path) is not None
    excluded = re.search(hook["exclude"], path) is not None if "exclude" in hook else False
    return included and not excluded


def test_manifest_has_each_hook_once() -> None:
    ids = [h["id"] for h in _hooks()]
    assert sorted(ids) == sorted(HOOK_IDS)


@pytest.mark.parametrize("hook_id", sorted(HOOK_IDS))
@pytest.mark.parametrize("path", MAP_NAMES)
def test_hook_selects_map_files(hook_id: str, path: str) -> None:
    assert _selects(_hook(hook_id), path)


@pytest.mark.parametrize("hook_id", sorted(HOOK_IDS))
@pytest.mark.parametrize("path", NOT_MAPS)
def test_hook_ignores_other_files(hook_id: str, path: str) -> None:
    assert not _selects(_hook(hook_id), path)


@pytest.mark.parametrize("hook_id", sorted(HOOK_IDS))
def test_hook_agrees_with_cjm_folder_search(hook_id: str) -> None:
    """A file the hook picks is a file `cjm validate FOLDER` would pick, and back."""
    hook = _hook(hook_id)
    for path in MAP_NAMES + NOT_MAPS:
        assert _selects(hook, path) == is_map_name(PurePosixPath(path).name), path


@pytest.mark.parametrize("hook_id", sorted(HOOK_IDS))
def test_hook_selects_every_sample_map(hook_id: str) -> None:
    samples = sorted((ROOT / "sample_maps").rglob("*.cjm.yaml"))
    assert samples
    hook = _hook(hook_id)
    assert all(_selects(hook, p.relative_to(ROOT).as_posix()) for p in samples)


@pytest.mark.parametrize("hook_id", sorted(HOOK_IDS))
def test_hook_is_described_and_passes_filenames(hook_id: str) -> None:
    hook = _hook(hook_id)
    assert hook["name"].strip() and hook["description"].strip()
    assert hook["language"] == "python"
    assert hook.get("pass_filenames", True) is True
    assert re.fullmatch(r"\d+\.\d+\.\d+", str(hook["minimum_pre_commit_version"]))


@pytest.mark.parametrize(("hook_id", "serial"), [("cjm-validate", False), ("cjm-fmt", False),
                                                 ("cjm-render", True), ("cjm-diff", True)])
def test_only_render_and_diff_run_serially(hook_id: str, serial: bool) -> None:
    """pre-commit splits a hook's files into parallel batches unless it is serial: the batches of
    cjm-render would each write DIR/index.html (and miss name clashes between them), and those of
    cjm-diff would each print a report and a summary of their own."""
    assert _hook(hook_id).get("require_serial", False) is serial


def test_commit_hooks_run_at_commit_and_render_only_by_hand() -> None:
    assert "stages" not in _hook("cjm-validate")
    assert "stages" not in _hook("cjm-fmt")
    render = _hook("cjm-render")
    assert render["stages"] == ["manual"]
    assert render["args"] == ["-o", "rendered"]


def test_diff_hook_runs_before_a_push_or_by_hand_against_origin_main() -> None:
    diff = _hook("cjm-diff")
    assert diff["stages"] == ["pre-push", "manual"]
    assert diff["args"] == ["--base", "origin/main"]
    assert diff["verbose"] is True  # pre-commit shows a passing hook's output only when verbose


def _console_scripts() -> set[str]:
    from importlib.metadata import distribution

    return {ep.name for ep in distribution("cjm-cli").entry_points if ep.group == "console_scripts"}


@pytest.mark.parametrize("hook_id", sorted(HOOK_IDS))
def test_hook_entry_is_a_real_cjm_command(hook_id: str) -> None:
    from typer.main import get_command

    from cjm.cli.app import app

    script, command = _hook(hook_id)["entry"].split()
    assert script in _console_scripts()
    assert command in get_command(app).commands  # type: ignore[attr-defined]
    done = cjm(command, "--help")
    assert done.returncode == 0, done.stderr
    assert "usage" in done.stdout.lower()
