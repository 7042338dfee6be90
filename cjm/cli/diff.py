"""`cjm diff OLD NEW` and `cjm diff --base REF [PATH...]`: what a change did to a journey.

Both versions of a map are checked with the configuration that applies to
the new one (so a finding that appeared is one the map's change brought),
and the old version's `based_on` is not followed. Under `--base`, every map
under each PATH, in the working tree or at REF, is paired by its path; a map
whose text is the same at REF is counted as unchanged and not shown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cjm.check.changes import DiffResult, compare_results
from cjm.check.config import Config, find_config
from cjm.check.discover import PathError, collect_maps, is_map_name
from cjm.check.engine import check_file, check_loaded
from cjm.check.result import FileResult
from cjm.cli.errors import EXIT_FAILED, EXIT_OK, UsageError
from cjm.cli.git import Git
from cjm.loader import MAX_BYTES

FORMATS = ("text", "json", "github")


def run_diff(paths: list[str], base: str | None, format: str, strict: bool) -> int:
    from cjm.report import get_diff_reporter

    if format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not '{format}'")
    if base is None:
        results, unchanged = [_compare_files(paths)], 0
    else:
        results, unchanged = _compare_with_revision(base, paths)
    judged = [result.judged(strict) for result in results]
    get_diff_reporter(format)(judged, sys.stdout, unchanged)
    return EXIT_FAILED if any(result.failed for result in judged) else EXIT_OK


def _compare_files(paths: list[str]) -> DiffResult:
    if len(paths) != 2:
        raise UsageError("give the old and the new map (cjm diff OLD NEW), or compare with git: "
                         "cjm diff --base REF [PATH...]")
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            raise UsageError(f"{raw} is a folder: cjm diff OLD NEW compares two map files "
                             "(to compare a folder with git, use cjm diff --base REF FOLDER)")
        if not os.path.lexists(path):
            raise UsageError(f"{raw}: no such file")
    config = find_config(Path(paths[1]).parent)
    old = check_file(paths[0], config, follow_base=False)
    return compare_results(old, check_file(paths[1], config))


def _compare_with_revision(ref: str, paths: list[str]) -> tuple[list[DiffResult], int]:
    git = Git(Path.cwd())
    commit = git.commit(ref)
    now: dict[str, Path] = {}
    then: dict[str, Path] = {}
    """Repository path -> the path as shown, for the maps in the working tree and at REF."""
    for raw in paths or ["."]:
        found_now = {git.repo_path(path): path for path in _maps_now(raw)}
        found_then = dict(_maps_then(git, commit, Path(raw)))
        if not found_now and not found_then:
            raise PathError(f"{raw}: no *.cjm.yaml or *.cjm.yml map here or at {ref}")
        now = {**found_now, **now}
        then = {**found_then, **then}
    results: list[DiffResult] = []
    unchanged = 0
    for repo_path in sorted(now.keys() | then.keys()):
        here, shown = now.get(repo_path), now.get(repo_path) or then[repo_path]
        old_bytes, size = git.read(commit, repo_path, MAX_BYTES) if repo_path in then else (None, None)
        if here is not None and old_bytes is not None and size is None and _same_bytes(here, old_bytes):
            unchanged += 1
            continue
        config = find_config(shown.parent)
        old = None
        if old_bytes is not None:
            old = _check_old(old_bytes, size, f"{ref}:{shown.as_posix()}", config)
        results.append(compare_results(old, check_file(here, config) if here is not None else None))
    return results, unchanged


def _maps_now(raw: str) -> list[Path]:
    """The maps under `raw` in the working tree (none when it is not there now: it may be at REF)."""
    if not os.path.lexists(raw):
        return []
    return collect_maps([raw], empty_ok=True)


def _maps_then(git: Git, commit: str, path: Path) -> list[tuple[str, Path]]:
    """The maps under `path` at `commit`: (repository path, the path as shown here)."""
    asked = git.repo_path(path)
    found = []
    for repo_path in git.files_at(commit, path):
        if repo_path == asked:
            found.append((repo_path, path))  # a file named on the command line: any name
            continue
        below = Path(repo_path).relative_to(asked) if asked != "." else Path(repo_path)
        if is_map_name(below.name) and not any(part.startswith(".") for part in below.parts[:-1]):
            found.append((repo_path, path / below))
    return found


def _same_bytes(path: Path, old: bytes) -> bool:
    from cjm.loader.read import read_bounded

    now, size = read_bounded(path, MAX_BYTES)
    return size is None and now == old


def _check_old(raw: bytes, size: int | None, name: str, config: Config) -> FileResult:
    """The old version, read from git, checked (a file over the size limit is a finding)."""
    from cjm.loader import load_bytes, oversized

    return check_loaded(load_bytes(raw, name) if size is None else oversized(name, size), config,
                        follow_base=False)
