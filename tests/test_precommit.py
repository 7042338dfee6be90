"""The hooks under real pre-commit, from a scratch repository holding maps.

The hook repository is a snapshot of this checkout's working tree (tracked and
new files, as `git ls-files` sees them) committed into a temporary git repo:
`pre-commit try-repo` of a dirty checkout only picks up changes to tracked
files, and a snapshot also works from a clean CI clone. pre-commit builds the
hook's virtualenv with `pip install .`, so PyPI (or a mirror) must be reachable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_maps" / "b2b-saas-trial.cjm.yaml"
TIMEOUT = 900  # building the hook environment installs cjm and its dependencies
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "cjm tests", "GIT_AUTHOR_EMAIL": "tests@cjm.invalid",
                "GIT_COMMITTER_NAME": "cjm tests", "GIT_COMMITTER_EMAIL": "tests@cjm.invalid"}

UNFORMATTED_MAP = """\
title:   Unformatted but valid
cjm: 1
stages:
    -   touchpoints:
            -   title: Sees an ad
                id: ad
                step: connect
        phase: awareness
"""


def _pre_commit() -> str | None:
    beside = Path(sys.executable).parent / "pre-commit"
    return str(beside) if beside.exists() else shutil.which("pre-commit")


PRE_COMMIT = _pre_commit()
pytestmark = [
    pytest.mark.skipif(
        PRE_COMMIT is None or shutil.which("git") is None,
        reason="needs `pre-commit` and `git` (pip install pre-commit; it is in the test extras)",
    ),
    # Each hook environment is a fresh `pip install` of cjm: 7 to 48 s per test on a busy machine.
    # Slow, but part of CI: .ci/run must not deselect it.
    pytest.mark.slow,
]


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1",
            "CJM_WIDTH": "100", "PRE_COMMIT_COLOR": "never"}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=repo, env=_env(repo),
                          capture_output=True, text=True, check=True)
    return done.stdout


def _working_tree_files() -> list[Path]:
    if (ROOT / ".git").exists():
        listed = _git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
        return [ROOT / name for name in listed.split("\0") if name and (ROOT / name).is_file()]
    skip = {".git", "build", "dist", "__pycache__", ".venv", "venv"}
    return [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout's working tree, committed in a fresh git repository."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for source in _working_tree_files():
        target = repo / source.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "snapshot of the working tree")
    return repo


def _consumer(tmp_path: Path, files: dict[str, str]) -> Path:
    repo = tmp_path / "maps-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    return repo


def _pre_commit_run(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None
    return subprocess.run([PRE_COMMIT, *args], cwd=repo, env=_env(home), capture_output=True,
                          text=True, timeout=TIMEOUT)


def test_the_manifest_is_valid_for_pre_commit(tmp_path: Path) -> None:
    manifest = str(ROOT / ".pre-commit-hooks.yaml")
    done = _pre_commit_run(tmp_path, tmp_path / "home", "validate-manifest", manifest)
    assert done.returncode == 0, done.stdout + done.stderr


def test_validate_hook_fails_on_a_bad_map_and_passes_on_a_good_one(
    hook_repo: Path, tmp_path: Path
) -> None:
    good = SAMPLE.read_text("utf-8")
    bad = good.replace("\ntitle:", "\ntitel:", 1)
    repo = _consumer(tmp_path, {"good.cjm.yaml": good, "bad.cjm.yaml": bad,
                                "other.yaml": "not: a map\n"})
    home = tmp_path / "pre-commit-home"
    args = ("try-repo", str(hook_repo), "cjm-validate", "--all-files", "--verbose")

    failed = _pre_commit_run(repo, home, *args)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    line = bad.splitlines().index(next(x for x in bad.splitlines() if x.startswith("titel:"))) + 1
    assert f"bad.cjm.yaml:{line}:1: error [schema] unknown key 'titel'" in output
    assert "Failed" in output and "2 maps checked" in output
    assert "other.yaml" not in output

    (repo / "bad.cjm.yaml").unlink()
    _git(repo, "add", "-A")
    passed = _pre_commit_run(repo, home, *args)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout and "1 map checked" in passed.stdout


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PRE_COMMIT_HOME for the config-based tests, so the hook env is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _user_config(hook_repo: Path, *hook_ids: str) -> str:
    """The README's snippet, pointing at the snapshot instead of GitHub and a tag."""
    rev = _git(hook_repo, "rev-parse", "HEAD").strip()
    hooks = "".join(f"      - id: {hook_id}\n" for hook_id in hook_ids)
    return f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n{hooks}"


def test_snippet_blocks_a_commit_of_a_broken_map(hook_repo: Path, shared_home: Path, tmp_path: Path) -> None:
    good = SAMPLE.read_text("utf-8")
    repo = _consumer(tmp_path, {"journey.cjm.yaml": good.replace("\ntitle:", "\ntitel:", 1),
                                ".pre-commit-config.yaml": _user_config(hook_repo, "cjm-validate")})
    installed = _pre_commit_run(repo, shared_home, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr

    refused = _commit(repo, shared_home)
    assert refused.returncode != 0
    assert "journey.cjm.yaml:5:1: error [schema] unknown key 'titel'" in refused.stdout + refused.stderr

    (repo / "journey.cjm.yaml").write_text(good, encoding="utf-8")
    _git(repo, "add", "-A")
    accepted = _commit(repo, shared_home)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "cjm validate journey maps...." in accepted.stderr and "Passed" in accepted.stderr


def _commit(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-c", "commit.gpgsign=false", "commit", "-m", "a map"], cwd=repo,
                          env=_env(home), capture_output=True, text=True, timeout=TIMEOUT)


def test_fmt_hook_fixes_the_map_and_fails_once(hook_repo: Path, shared_home: Path, tmp_path: Path) -> None:
    config = _user_config(hook_repo, "cjm-validate", "cjm-fmt")
    repo = _consumer(tmp_path, {"journey.cjm.yaml": UNFORMATTED_MAP, ".pre-commit-config.yaml": config})
    home = shared_home
    args = ("run", "cjm-fmt", "--all-files", "--verbose")

    fixed = _pre_commit_run(repo, home, *args)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "Failed" in fixed.stdout and "files were modified by this hook" in fixed.stdout
    rewritten = (repo / "journey.cjm.yaml").read_text("utf-8")
    assert rewritten != UNFORMATTED_MAP and "Unformatted but valid" in rewritten

    _git(repo, "add", "-A")
    again = _pre_commit_run(repo, home, *args)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (repo / "journey.cjm.yaml").read_text("utf-8") == rewritten
    validated = _pre_commit_run(repo, home, "run", "cjm-validate", "--all-files")
    assert validated.returncode == 0, validated.stdout + validated.stderr


def test_render_hook_runs_only_by_hand(hook_repo: Path, shared_home: Path, tmp_path: Path) -> None:
    """By hand, in one serial run: maps keep their folders (two `journey.cjm.yaml` do not collide)
    and the index lists all of them."""
    text = SAMPLE.read_text("utf-8")
    repo = _consumer(tmp_path, {"journey.cjm.yaml": text, "b2c/journey.cjm.yaml": text,
                                "b2b/journey.cjm.yaml": text,
                                ".pre-commit-config.yaml": _user_config(hook_repo, "cjm-render")})
    home = shared_home

    at_commit = _pre_commit_run(repo, home, "run", "cjm-render", "--all-files")
    assert at_commit.returncode == 1 and "No hook with id `cjm-render` in stage" in at_commit.stdout
    assert not (repo / "rendered").exists()

    manual = _pre_commit_run(repo, home, "run", "cjm-render", "--hook-stage", "manual", "--all-files")
    assert manual.returncode == 0, manual.stdout + manual.stderr
    for page in ("journey.html", "b2c/journey.html", "b2b/journey.html"):
        assert (repo / "rendered" / page).is_file()
    index = (repo / "rendered" / "index.html").read_text("utf-8")
    assert all(f'href="{page}"' in index for page in ("journey.html", "b2c/journey.html", "b2b/journey.html"))


def _redesign_maps() -> tuple[str, str]:
    """The redesign sample pair as one map before and after a change (without `based_on`)."""
    folder = ROOT / "sample_maps" / "redesign"
    today = (folder / "acme-notes-today.cjm.yaml").read_text("utf-8")
    redesign = (folder / "acme-notes-redesign.cjm.yaml").read_text("utf-8")
    redesign = redesign.replace("state: future\nbased_on: acme-notes-today.cjm.yaml\n", "")
    return today, redesign


def test_diff_hook_reports_what_a_push_makes_worse(hook_repo: Path, shared_home: Path,
                                                   tmp_path: Path) -> None:
    today, redesign = _redesign_maps()
    origin = tmp_path / "origin.git"
    origin.mkdir()
    _git(origin, "init", "-q", "--bare")
    repo = _consumer(tmp_path, {"journey.cjm.yaml": today,
                                ".pre-commit-config.yaml": _user_config(hook_repo, "cjm-diff")})
    _git(repo, "commit", "-q", "-m", "today's journey")
    _git(repo, "branch", "-M", "main")
    _git(repo, "remote", "add", "origin", str(origin))
    _git(repo, "push", "-q", "origin", "main")
    installed = _pre_commit_run(repo, shared_home, "install", "--hook-type", "pre-push")
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (repo / "journey.cjm.yaml").write_text(redesign, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "no card wall in the trial")
    pushed = subprocess.run(["git", "push", "origin", "main"], cwd=repo, env=_env(shared_home),
                            capture_output=True, text=True, timeout=TIMEOUT)
    output = pushed.stdout + pushed.stderr
    assert pushed.returncode == 0, output  # what got worse is reported; only --strict fails on it
    assert "cjm diff journey maps" in output and "Passed" in output
    assert "journey.cjm.yaml: changed since origin/main" in output
    assert "warning [perverse-consequence] trial got better" in output

    by_hand = _pre_commit_run(repo, shared_home, "run", "cjm-diff", "--hook-stage", "manual", "--all-files")
    assert by_hand.returncode == 0, by_hand.stdout + by_hand.stderr
    assert "Nothing changed: 1 map" in by_hand.stdout  # the push moved origin/main to this commit
