"""Maps checked in a second process while this one loads templates (cjm.cli.beside): the same
outcomes as checking them here, in order, whatever happens to the second process."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from cjm.check.discover import collect_sources
from cjm.check.engine import check_file
from cjm.check.result import FileResult
from cjm.cli import beside, checking
from cjm.loader.read import UnreadableFile
from tests.harness import cjm

SAMPLES = Path(__file__).resolve().parents[2] / "sample_maps"
PARENT = os.getpid()

pytestmark = pytest.mark.skipif(not beside.can_fork(), reason="no fork on this platform")


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """Valid and invalid maps, and one (gone) that cannot be read when its turn comes."""
    for sample in sorted(SAMPLES.rglob("*.cjm.yaml"))[:6]:
        shutil.copy(sample, tmp_path / sample.name)
    (tmp_path / "gone.cjm.yaml").write_text("cjm: 1\n", encoding="utf-8")
    (tmp_path / "invalid.cjm.yaml").write_text("cjm: 1\ntitle: [\n", encoding="utf-8")
    return tmp_path


def _gone_when_read(path: str | Path) -> FileResult:
    if Path(path).name == "gone.cjm.yaml":
        raise UnreadableFile(f"{path}: no such file (it was removed while cjm ran)")
    return check_file(path)


def _same(one: checking.Checked, other: checking.Checked) -> None:
    assert [r.to_dict() for r in one.results] == [r.to_dict() for r in other.results]
    assert all(r.journey == s.journey for r, s in zip(one.results, other.results, strict=True))
    assert one.unreadable == other.unreadable and one.sources == other.sources


def test_outcomes_are_those_of_checking_here(maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checking, "check_file", _gone_when_read)  # the second process inherits it
    sources = collect_sources([str(maps)])
    calls: list[int] = []
    besides, given = beside.check_beside(sources, lambda: calls.append(os.getpid()))
    assert calls == [PARENT]
    here = checking.check_sources(sources)
    _same(besides, here)
    assert "gone.cjm.yaml" in besides.unreadable[0] and len(besides.results) == len(sources) - 1
    assert any(not r.valid for r in besides.results) and any(r.valid for r in besides.results)
    assert [value() for value in given] == [None] * len(besides.results)  # no `after`: nothing


def test_a_second_process_that_dies_leaves_the_rest_to_this_one(maps: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = checking.outcome_of
    seen: list[str] = []

    def dies_on_the_third(source: checking.MapSource, judge: checking.Judge | None) -> checking.Outcome:
        if os.getpid() != PARENT and len(seen) == 2:
            os._exit(9)  # killed, say, by the memory limit
        seen.append(str(source.path))
        return real(source, judge)

    monkeypatch.setattr(beside, "outcome_of", dies_on_the_third)
    sources = collect_sources([str(maps)])
    besides, _ = beside.check_beside(sources, lambda: None)
    _same(besides, checking.check_sources(sources))
    assert seen == [str(source.path) for source in sources[2:]]  # here: only those it did not send


def test_a_failing_meanwhile_stops_the_second_process(maps: Path) -> None:
    sources = collect_sources([str(maps)])

    def fails() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        beside.check_beside(sources, fails)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # reaped: no child left behind


def test_no_fork_while_another_thread_runs(maps: Path) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not beside.can_fork()
        sources = collect_sources([str(maps)])
        calls: list[int] = []
        besides, _ = beside.check_beside(sources, lambda: calls.append(1))
        assert calls == [1]
        _same(besides, checking.check_sources(sources))
    finally:
        stop.set()
        thread.join()
    assert beside.can_fork()


def test_render_pages_are_the_same_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = next(iter(sorted(SAMPLES.glob("*.cjm.yaml"))))
    shutil.copy(sample, tmp_path / sample.name)
    forks: list[int] = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    forked = cjm("render", sample.name, "-o", "forked", cwd=tmp_path)
    assert forks == [1]
    monkeypatch.setattr(beside, "can_fork", lambda: False)
    here = cjm("render", sample.name, "-o", "here", cwd=tmp_path)
    assert forks == [1]
    assert forked.returncode == here.returncode == 0
    assert forked.stderr.replace("forked", "here") == here.stderr
    name = sample.name.replace(".cjm.yaml", "")
    for written in (f"{name}.html", f"{name}.svg", "index.html"):
        assert (tmp_path / "forked" / written).read_bytes() == (tmp_path / "here" / written).read_bytes()


def _where_and_what(result: FileResult) -> tuple[int, str]:
    if result.path.endswith("invalid.cjm.yaml"):
        from cjm.render.flow import FlowTooLarge

        raise FlowTooLarge(1_234)  # an error with arguments of its own: sent by kind and message
    return os.getpid(), result.path


def test_after_runs_beside_and_its_values_and_errors_come_back(maps: Path) -> None:
    from cjm.render.flow import FlowTooLarge

    sources = collect_sources([str(maps)])
    checked, given = beside.check_beside(sources, lambda: None, _where_and_what)
    assert len(given) == len(checked.results)
    for result, value in zip(checked.results, given, strict=True):
        if result.path.endswith("invalid.cjm.yaml"):
            with pytest.raises(FlowTooLarge, match="the map has 1,234 touchpoints"):
                value()
        else:
            pid, path = value()  # type: ignore[misc]
            assert pid != PARENT and path == result.path


def test_after_runs_here_for_the_maps_not_delivered(maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = checking.outcome_of
    seen: list[str] = []

    def dies_on_the_third(source: checking.MapSource, judge: checking.Judge | None) -> checking.Outcome:
        if os.getpid() != PARENT and len(seen) == 2:
            os._exit(9)
        seen.append(str(source.path))
        return real(source, judge)

    monkeypatch.setattr(beside, "outcome_of", dies_on_the_third)
    sources = [source for source in collect_sources([str(maps)]) if "invalid" not in source.path]
    checked, given = beside.check_beside(sources, lambda: None, _where_and_what)
    pids = [value()[0] for value in given]  # type: ignore[index]
    assert len(pids) == len(checked.results) == len(sources)
    assert pids[2:] == [PARENT] * (len(pids) - 2) and PARENT not in pids[:2]
