"""The one way tests run the command line.

`cjm(...)` runs it in this process, through the same entry point as the
console script (`cjm.cli.entry.main`), with its own working folder,
environment, stdin, stdout and stderr: as exact as a real process and about a
hundred times faster. `cjm_process(...)` runs the installed console script in
a real process, for the few tests per command that must prove the real thing
(the script exists, `python -m cjm`, signals, pipes, a fresh install).
`cjm_bounded(...)` runs the console script in a real process under a memory
and CPU-time limit and a wall-clock timeout, and measures what it used (the
hostile corpus, tests/test_corpus.py).

Both return a `subprocess.CompletedProcess[str]` and fail the test if the
output holds a Python traceback. Colour is off and the width is 100 columns
unless `env` says otherwise; FORCE_COLOR, CJM_DEBUG and CJM_DOT from the
developer's shell are dropped.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

REPO = Path(__file__).resolve().parents[1]
DROPPED = ("FORCE_COLOR", "CJM_DEBUG", "CJM_DOT", "COLUMNS", "GITHUB_STEP_SUMMARY")
DEFAULTS = {"NO_COLOR": "1", "CJM_WIDTH": "100"}


class Runner(Protocol):
    """`cjm` or `cjm_process`, for a test that runs both ways."""

    def __call__(self, *args: str | Path, cwd: Path = ...,
                 env: Mapping[str, str | None] | None = ...) -> subprocess.CompletedProcess[str]: ...


def environment(env: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """The environment a test's cjm runs in: the test's own, minus DROPPED, plus DEFAULTS and `env`
    (a None value removes a variable)."""
    result = {k: v for k, v in os.environ.items() if k not in DROPPED}
    result.update(DEFAULTS)
    for key, value in (env or {}).items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def cjm(*args: str | Path, cwd: Path = REPO, env: Mapping[str, str | None] | None = None,
        stdin: str | bytes = b"") -> subprocess.CompletedProcess[str]:
    """Run `cjm ARGS...` in this process and return what it exited with and printed."""
    from cjm.check.config import find_config
    from cjm.cli.entry import main

    argv = [str(arg) for arg in args]
    out, err = _Stream(), _Stream()
    raw_in = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    find_config.cache_clear()  # a test may have written a config file where another test read one
    with _environ(environment(env)), _chdir(cwd), _streams(out, err, raw_in):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's --help and --version
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    done = subprocess.CompletedProcess(["cjm", *argv], code, out.text(), err.text())
    _no_traceback(done)
    return done


def cjm_command() -> list[str]:
    """The installed console script, beside this interpreter (a venv) or on PATH."""
    beside = Path(sys.executable).parent / "cjm"
    found = str(beside) if beside.exists() else shutil.which("cjm")
    assert found, "the cjm console script is not installed (pip install -e '.[test]')"
    return [found]


def cjm_process(*args: str | Path, cwd: Path = REPO, env: Mapping[str, str | None] | None = None,
                stdin: str | None = None, command: list[str] | None = None,
                timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real `cjm` (or `command`) with ARGS in a new process."""
    done = subprocess.run([*(command or cjm_command()), *map(str, args)], cwd=cwd, env=environment(env),
                          input=stdin, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout, check=False)
    _no_traceback(done)
    return done


@dataclass(frozen=True)
class Limits:
    """What one cjm process may use: address space, CPU time, and wall-clock time (a hang)."""

    memory_bytes: int = 300 * 1024 * 1024
    cpu_seconds: int = 10
    wall_seconds: float = 60


@dataclass(frozen=True)
class Bounded:
    """A process run under Limits: what it printed and exited with, and what it used."""

    done: subprocess.CompletedProcess[str]
    peak_rss_bytes: int
    cpu_seconds: float
    timed_out: bool

    def over_limits(self, limits: Limits) -> str | None:
        """Why the process broke its limits, or None."""
        code = self.done.returncode
        if self.timed_out:
            return f"still running after {limits.wall_seconds:g} s (killed)"
        if code == -signal.SIGXCPU or self.cpu_seconds >= limits.cpu_seconds:
            return f"used {self.cpu_seconds:.1f} s of CPU (limit {limits.cpu_seconds} s)"
        if self.peak_rss_bytes >= limits.memory_bytes:
            return f"used {self.peak_rss_bytes / 2**20:.0f} MiB (limit {limits.memory_bytes / 2**20:.0f} MiB)"
        if code < 0:
            return f"killed by signal {-code} ({signal.Signals(-code).name})"
        return None


_LAUNCH = """\
import os, resource, signal, sys
usage_file, memory, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    os.execv(sys.argv[4], sys.argv[4:])
_, status, usage = os.wait4(pid, 0)
with open(usage_file, "w") as out:
    out.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
code = os.waitstatus_to_exitcode(status)
if code < 0:
    signal.signal(-code, signal.SIG_DFL)
    os.kill(os.getpid(), -code)
sys.exit(code)
"""
"""Runs the console script in a child with the limits set, and writes what the child used: a small
launcher rather than `preexec_fn` (not safe while other threads start processes), and a fork of a
small process, as a child forked from the test process would report the test's memory as its own."""


def cjm_bounded(*args: str | Path, cwd: Path, limits: Limits = Limits(),
                env: Mapping[str, str | None] | None = None) -> Bounded:
    """Run the installed `cjm` with ARGS in a new process (and session) under `limits`; the process
    and its children are killed at the wall-clock limit."""
    with tempfile.TemporaryDirectory() as scratch:
        usage_file = Path(scratch) / "usage"
        command = [*cjm_command(), *map(str, args)]
        launcher = [sys.executable, "-I", "-S", "-c", _LAUNCH, str(usage_file), str(limits.memory_bytes),
                    str(limits.cpu_seconds)]
        with subprocess.Popen([*launcher, *command], cwd=cwd, env=environment(env), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True) as proc:
            try:
                out, err = proc.communicate(timeout=limits.wall_seconds)
                timed_out = False
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)  # the launcher leads a session: cjm and its children
                out, err = proc.communicate()
                timed_out = True
        used = usage_file.read_text().split() if usage_file.exists() else ["0", "0"]
    done = subprocess.CompletedProcess(command, proc.returncode, *(
        stream.decode("utf-8", errors="replace") for stream in (out, err)))
    return Bounded(done, int(used[0]) * 1024, float(used[1]), timed_out)


def _no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback (most recent call last)" not in done.stdout + done.stderr, done.stderr


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, like a pipe: UTF-8, not a terminal, with a `.buffer`."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="strict", newline="\n",
                         write_through=True)

    def text(self) -> str:
        self.flush()
        raw = self.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue().decode("utf-8", errors="replace")


@contextlib.contextmanager
def _chdir(folder: Path) -> Iterator[None]:  # contextlib.chdir is 3.11+
    saved = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(saved)


@contextlib.contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _streams(out: _Stream, err: _Stream, raw_in: bytes) -> Iterator[None]:
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = _Stream(raw_in), out, err
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
