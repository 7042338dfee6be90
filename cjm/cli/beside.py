"""Check a few maps in a second process while this one does something else: both cores at work.

`cjm render` spends about as long importing Jinja and loading its templates
as it does checking a map; neither needs the other until the page is built.
So the maps are checked in a forked copy of this process, which sends each
outcome back through a pipe (pickled, as the pool of cjm.cli.checking does),
while this process runs `meanwhile`; the outcomes arrive in the order of the
maps and are the same as checking them here.

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

from cjm.check.discover import MapSource
from cjm.cli.checking import Checked, Outcome, check_sources, collect_outcomes, outcome_of


def can_fork() -> bool:
    """Whether a fork is safe here: a platform that has it (macOS's system libraries are not
    fork-safe) and no thread running but this one."""
    if not hasattr(os, "fork") or sys.platform == "darwin":
        return False
    threading = sys.modules.get("threading")  # never imported: no thread was ever started
    return threading is None or threading.active_count() == 1


def check_beside(sources: list[MapSource], meanwhile: Callable[[], None]) -> Checked:
    """check_sources(sources), checked in a second process while this one calls `meanwhile`."""
    if not sources or not can_fork():
        meanwhile()
        return check_sources(sources)
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        meanwhile()
        return check_sources(sources)
    if pid == 0:  # pragma: no cover - the second process; its outcomes are compared by the tests
        os.close(read_end)
        _send_outcomes(sources, write_end)
    os.close(write_end)
    finished = False
    try:
        meanwhile()
        received = _receive_outcomes(read_end, len(sources))
        finished = True
    finally:
        os.close(read_end)
        _reap(pid, stop=not finished)
    rest = [outcome_of(source, None) for source in sources[len(received):]]
    return collect_outcomes(sources, [*received, *rest])


def _send_outcomes(sources: list[MapSource], write_end: int) -> None:  # pragma: no cover - child
    """The second process: check each map, send its outcome, and leave without running this
    process's exit handlers or flushing its buffers (they are the first process's)."""
    import pickle

    status = 0
    try:
        with os.fdopen(write_end, "wb") as pipe:
            for source in sources:
                pickle.dump(outcome_of(source, None), pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        status = 1
    os._exit(status)


def _receive_outcomes(read_end: int, count: int) -> list[Outcome]:
    """The outcomes the second process sent, in order; fewer than `count` if it stopped early."""
    import pickle

    received: list[Outcome] = []
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
