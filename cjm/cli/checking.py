"""Shared by the commands that check maps: paths in, FileResults out.

`cjm validate` streams (`stream_paths`): each map's result is judged and made
lean (its findings, the lines they point at, the score; not the parsed map or
the model) as soon as the map is checked, handed to the reporter, which
writes what it can of it at once, and then let go, so memory stays flat in
the number of maps: the reporters keep only running totals and a few lines
(cjm.report). Given many maps (at least POOL_FROM) on a machine with several
cores, it checks them in a pool of processes, one per core, with results in
the order of the maps. Not under pre-commit, which already runs one hook
process per core. `cjm score` and `cjm render` take all the results at once
(`check_paths`, `check_sources`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence

from cjm.check.discover import MapSource, collect_sources
from cjm.check.engine import check_file
from cjm.check.result import FileResult
from cjm.cli.errors import EXIT_USAGE
from cjm.loader.read import UnreadableFile
from cjm.records import field, record
from cjm.safe import visible

POOL_FROM = 20
"""The number of maps from which validate checks them in a pool of processes."""
CHUNK = 8
"""Maps a worker checks per task: few enough to spread the work, enough to keep the pipe quiet."""

Judge = Callable[[FileResult], FileResult]
Outcome = tuple[FileResult | None, str | None]
"""A map's result, or why it could not be read."""


@record
class Checked:
    """The maps that could be read, checked, and the ones that could not (one line each)."""

    results: list[FileResult]
    unreadable: list[str] = field(factory=list)
    sources: list[MapSource] = field(factory=list)
    """Where each result's map was found (`results[i]` is the map of `sources[i]`)."""

    def exit_code(self, code: int) -> int:
        """`code`, or exit 2 after naming every map that could not be read (on stderr)."""
        return _exit_code(self.unreadable, code)


class Stream:
    """The results of the maps, one at a time as each is checked, for a reporter to read once; the
    maps that could not be read are named in `unreadable`, and `failed` says whether any map failed
    (both complete once the results are all read)."""

    def __init__(self, outcomes: Iterable[Outcome]) -> None:
        self._outcomes = outcomes
        self.unreadable: list[str] = []
        self.failed = False

    def __iter__(self) -> Iterator[FileResult]:
        for result, problem in self._outcomes:
            if result is None:
                self.unreadable.append(problem or "")
            else:
                self.failed = self.failed or result.failed
                yield result

    def exit_code(self, code: int) -> int:
        """As Checked.exit_code."""
        return _exit_code(self.unreadable, code)


def _exit_code(unreadable: list[str], code: int) -> int:
    for problem in unreadable:
        sys.stderr.write(f"cjm: error: {visible(problem)}\n")
    return EXIT_USAGE if unreadable else code


def check_paths(paths: list[str], judge: Judge | None = None) -> Checked:
    """Check every map under `paths`. A bad path, folder or config raises a UserError (exit 2)
    before anything is checked; a map that cannot be read when its turn comes is named in
    `unreadable`, and the others are still checked.

    With `judge`, each result is judged with it and made lean at once (see the module's text),
    and many maps are checked in a pool of processes."""
    return check_sources(collect_sources(paths), judge)


def check_sources(sources: list[MapSource], judge: Judge | None = None) -> Checked:
    """Check each map found; as check_paths."""
    return collect_outcomes(sources, _outcomes(sources, judge))


def stream_paths(paths: list[str], judge: Judge) -> Stream:
    """As check_paths(paths, judge), the results given one by one as the maps are checked: a bad
    path, folder or config raises here, before any is checked."""
    sources = collect_sources(paths)
    return Stream(_outcomes(sources, judge))


def _outcomes(sources: list[MapSource], judge: Judge | None) -> Iterator[Outcome]:
    """The outcome of each map in turn (in a pool for many maps, with `judge`)."""
    if judge is not None and _use_pool(len(sources)):
        return _pooled(sources, judge)
    return (outcome_of(source, judge) for source in sources)


def collect_outcomes(sources: Sequence[MapSource], outcomes: Iterable[Outcome]) -> Checked:
    """The outcome of each map (`outcomes[i]` is that of `sources[i]`), as one Checked."""
    checked = Checked([])
    for source, (result, problem) in zip(sources, outcomes, strict=True):
        if result is None:
            checked.unreadable.append(problem or "")
        else:
            checked.results.append(result)
            checked.sources.append(source)
    return checked


def outcome_of(source: MapSource, judge: Judge | None) -> Outcome:
    """The map's result (judged and made lean with `judge`), or why it could not be read."""
    try:
        result = check_file(source.path)
    except UnreadableFile as exc:
        return None, str(exc)
    return (judge(result).lean() if judge is not None else result), None


def _cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _use_pool(count: int) -> bool:
    return count >= POOL_FROM and _cores() > 1 and not os.environ.get("PRE_COMMIT")


def _pooled(sources: Sequence[MapSource], judge: Judge) -> Iterator[Outcome]:
    """The outcomes in the order of `sources`, checked by one process per core."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork where it is safe and quick (Linux): the workers start with cjm already imported
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with ProcessPoolExecutor(max_workers=min(_cores(), len(sources)),
                             mp_context=multiprocessing.get_context(method)) as pool:
        yield from pool.map(_Worker(judge), sources, chunksize=CHUNK)


class _Worker:
    """What each process of the pool runs on one map (a class, so that it pickles by name)."""

    def __init__(self, judge: Judge) -> None:
        self.judge = judge

    def __call__(self, source: MapSource) -> Outcome:
        return outcome_of(source, self.judge)
