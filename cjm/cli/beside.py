"""Check a few maps in a second process while this one does something else: both cores at work.

`cjm render` spends about as long importing Jinja and loading its templates
as it does checking a map; neither needs the other until the page is built.
So the maps are checked in a forked copy of this process, which sends each
outcome back through a pipe (pickled, as the pool of cjm.cli.checking does),
while this process runs `meanwhile`; the outcomes arrive in the order of the
maps and are the same as checking them here.

With `after`, the second process also runs it on each map's result (for
`cjm render`: the map's flow diagram, laid out while this process still
loads templates) and sends what it gave, or the error it raised, with it.

The fork is used only where it is safe and cheap: on a platform with
`os.fork` other than macOS, and in a process running no other thread. If the
second process cannot be started, dies, or sends something unreadable, the
maps it did not deliver are checked here, so a fault in a check shows the
same way as without it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial

from cjm.check.discover import MapSource
from cjm.check.result import FileResult
from cjm.cli.checking import Checked, Outcome, collect_outcomes, outcome_of

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

After = Callable[[FileResult], object]
Given = Callable[[], object]
"""What `after` gave for one result: calling it returns that, or raises what `after` raised."""


def can_fork() -> bool:
    """Whether a fork is safe here: a platform that has it (macOS's system libraries are not
    fork-safe) and no thread running but this one."""
    if not hasattr(os, "fork") or sys.platform == "darwin":
        return False
    threading = sys.modules.get("threading")  # never imported: no thread was ever started
    return threading is None or threading.active_count() == 1


def check_beside(sources: list[MapSource], meanwhile: Callable[[], None],
                 after: After | None = None) -> tuple[Checked, list[Given]]:
    """check_sources(sources), checked in a second process while this one calls `meanwhile`; and
    for each result (`checked.results[i]`), what `after` gives for it (computed here, when called,
    for the maps the second process did not deliver)."""
    run_after = after or _nothing
    beside = _start(sources, run_after)
    received: list[tuple[Outcome, Given]] = []
    if beside is None:
        meanwhile()
    else:
        pid, read_end = beside
        finished = False
        try:
            meanwhile()
            received = _receive_outcomes(read_end, len(sources))
            finished = True
        finally:
            os.close(read_end)
            _reap(pid, stop=not finished)
    rest = [outcome_of(source, None) for source in sources[len(received):]]  # not delivered: here
    given = [extra for (result, _), extra in received if result is not None]
    given += [partial(run_after, result) for result, _ in rest if result is not None]
    return collect_outcomes(sources, [*(outcome for outcome, _ in received), *rest]), given


def _start(sources: list[MapSource], after: After) -> tuple[int, int] | None:
    """The second process checking `sources`, and the end of the pipe its outcomes come from; None
    when there is none (nothing to check, no safe fork, or the fork failed)."""
    if not sources or not can_fork():
        return None
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # pragma: no cover - the second process; its outcomes are compared by the tests
        os.close(read_end)
        _send_outcomes(sources, write_end, after)
    os.close(write_end)
    return pid, read_end


def _nothing(result: FileResult) -> None:
    return None


def _given(after: After, result: FileResult | None) -> Given:
    """What `after` gives for `result`, as a value to send."""
    if result is None:
        return partial(_value, None)
    try:
        return partial(_value, after(result))
    except Exception as exc:  # sent, and raised when the first process asks for it
        return partial(_raise, exc)


def _value(value: object) -> object:
    return value


def _raise(error: Exception) -> Any:
    raise error


def _send_outcomes(sources: list[MapSource], write_end: int, after: After) -> None:  # pragma: no cover
    """The second process: check each map, send its outcome and what `after` gave, and leave without
    running this process's exit handlers or flushing its buffers (they are the first process's)."""
    import pickle

    status = 0
    try:
        with os.fdopen(write_end, "wb") as pipe:
            for source in sources:
                outcome = outcome_of(source, None)
                pickle.dump((outcome, _given(after, outcome[0])), pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        status = 1
    os._exit(status)


def _receive_outcomes(read_end: int, count: int) -> list[tuple[Outcome, Given]]:
    """The outcomes the second process sent, in order; fewer than `count` if it stopped early."""
    import pickle

    received: list[tuple[Outcome, Given]] = []
    with os.fdopen(read_end, "rb", closefd=False) as pipe:
        while len(received) < count:
            try:
                received.append(pickle.load(pipe))
            except Exception:
                break
    return received


def _reap(pid: int, stop: bool) -> None:
    """Wait for the second process to end; with `stop` (this one is failing), end it first."""
    try:
        if stop:
            import signal

            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
