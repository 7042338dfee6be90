"""The one way tests run the command line.

`cjm(...)` runs it in this process, through the same entry point as the
console script (`cjm.cli.entry.main`), with its own working folder,
environment, stdin, stdout and stderr: as exact as a real process and about a
hundred times faster. `cjm_process(...)` runs the installed console script in
a real process, for the few tests per command that must prove the real thing
(the script exists, `python -m cjm`, signals, pipes, a fresh install).

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
import subprocess
import sys
from collections.abc import Iterator, Mapping
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
