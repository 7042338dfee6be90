"""Run one command from a small process; report its wall time, exit code and peak memory.

bench/bench.py starts every timed command through this script, run as
``python -S -I bench/spawner.py FD COMMAND...``. Why: a child's ru_maxrss
starts from the resident set of the process that forked it (Linux keeps the
old memory's high-water mark across exec), so a command forked by the bench,
which holds tens of MiB of generated maps, would never show less than that.
This process imports almost nothing (about 8 MiB, no more than any Python
interpreter start), so the peak it reads with ``os.wait4`` is the command's
own: the largest of the command and the children it reaped, not their sum.

It writes ``SECONDS EXIT_CODE MAXRSS_RAW`` (ru_maxrss as the platform gives
it) and, when the command could not be started, a message, to the file
descriptor FD; the command's output goes to this process's stdout and stderr.
"""

from __future__ import annotations

import os
import sys
import time


def main(argv: list[str]) -> int:
    report_fd, command = int(argv[0]), argv[1:]
    os.set_inheritable(report_fd, False)  # the command must not hold the report pipe open
    start = time.perf_counter()
    try:
        pid = os.posix_spawnp(command[0], command, os.environ)
    except OSError as exc:  # e.g. a CJM_BENCH_CMD that does not exist
        os.write(report_fd, f"{time.perf_counter() - start} 127 0 cannot run {command[0]}: {exc}".encode())
        return 0
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    os.write(report_fd, f"{elapsed} {os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}".encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
