"""Many maps: checked in a pool of processes, results in order, each result lean."""

from __future__ import annotations

import io
import os
import shutil
from functools import partial
from pathlib import Path

import pytest

from cjm.check.engine import check_file
from cjm.check.result import FileResult
from cjm.cli import checking
from cjm.loader.read import UnreadableFile
from cjm.report import get_reporter
from tests.harness import cjm

NEEDS_WORK = Path(__file__).resolve().parents[2] / "sample_maps" / "needs-work"
JUDGE = partial(FileResult.judged, strict=True, fail_under=None)


@pytest.fixture
def many_maps(tmp_path: Path) -> Path:
    """28 maps with findings in a folder, and one (2-gone) that will be gone when its turn comes."""
    for copy in range(4):
        for sample in sorted(NEEDS_WORK.glob("*.cjm.yaml")):
            shutil.copy(sample, tmp_path / f"{copy}-{sample.name}")
    shutil.copy(sample, tmp_path / "2-gone.cjm.yaml")
    return tmp_path


def _gone_when_read(path: str | Path) -> FileResult:
    if Path(path).name == "2-gone.cjm.yaml":
        raise UnreadableFile(f"{path}: no such file (it was removed while cjm ran)")
    return check_file(path)


def _report(checked: checking.Checked, name: str) -> str:
    stream = io.StringIO()
    get_reporter(name)(checked.results, stream)
    return stream.getvalue()


def test_the_pool_gives_what_one_process_gives(many_maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checking, "check_file", _gone_when_read)  # the forked workers inherit it
    monkeypatch.setattr(checking, "_use_pool", lambda count: True)
    pooled = checking.check_paths([str(many_maps)], JUDGE)
    monkeypatch.setattr(checking, "_use_pool", lambda count: False)
    serial = checking.check_paths([str(many_maps)], JUDGE)
    assert len(pooled.results) == 28 and [r.path for r in pooled.results] == sorted(
        r.path for r in pooled.results)
    assert [r.to_dict() for r in pooled.results] == [r.to_dict() for r in serial.results]
    assert pooled.unreadable == serial.unreadable and "2-gone.cjm.yaml" in pooled.unreadable[0]
    assert pooled.sources == serial.sources
    for name in ("text", "json", "github", "sarif"):
        assert _report(pooled, name) == _report(serial, name)


def test_validate_uses_the_pool_from_20_maps_with_several_cores_and_not_under_pre_commit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert checking._use_pool(checking.POOL_FROM) and not checking._use_pool(checking.POOL_FROM - 1)
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert not checking._use_pool(1000)
    monkeypatch.delenv("PRE_COMMIT")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert not checking._use_pool(1000)


def test_a_lean_result_prints_as_the_full_one() -> None:
    for sample in sorted(NEEDS_WORK.glob("*.cjm.yaml")):
        full = JUDGE(check_file(sample))
        lean = full.lean()
        assert lean.journey is None and lean.diagnostics == full.diagnostics
        assert sum(1 for line in lean.lines if line) <= 2 * len(full.diagnostics)
        for name in ("text", "json", "github", "sarif"):
            shown = [io.StringIO(), io.StringIO()]
            get_reporter(name)([full], shown[0])
            get_reporter(name)([lean], shown[1])
            assert shown[0].getvalue() == shown[1].getvalue(), (sample.name, name)


def test_the_command_reports_many_maps_in_order(many_maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    done = cjm("validate", "--strict", "--format", "json", str(many_maps))
    assert done.returncode == 1
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert cjm("validate", "--strict", "--format", "json", str(many_maps)).stdout == done.stdout
