"""The `cjm` console script: one top-level handler around every command.

`cjm validate` goes straight to its own reading of its options (no typer, no
rich on the happy path) because pre-commit runs it on every commit, and so do
plain `cjm score`, `cjm render` and `cjm fmt` command lines (pre-commit runs
fmt and render as hooks too); their help, shell completion, a command line
with a mistake, and every other command go through the typer app.
"""

from __future__ import annotations

import errno
import gc
import sys
from collections.abc import Callable, Sequence

from cjm.cli.errors import EXIT_INTERNAL, EXIT_USAGE, REPORT_BUGS
from cjm.errors import UserError

OUTPUT_FAULTS = {errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
"""Errors writing the output: the reader went away, or the disk is full. Not a bug in cjm."""
COLLECT_EVERY = 50_000
"""The console script's garbage collector looks for cycles once per this many new objects, not
CPython's 700. A command's imports make tens of thousands of objects that live until it ends, and
at 700 the collector goes over them again and again: 5-8 % of `cjm validate`'s CPU time on one
map. Cycles are still collected, so memory stays bounded on thousands of maps (bench/bench.py
measures both); the older generations keep CPython's thresholds."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run `cjm ARGV` (the command line's arguments without `argv`) and return its exit code. As the
    console script (no `argv`) the collector runs less often (COLLECT_EVERY) and the process ends at
    once, see _leave; a caller that passes `argv` keeps its own."""
    if argv is None:
        gc.set_threshold(COLLECT_EVERY, *gc.get_threshold()[1:])
    code = _run(list(sys.argv[1:] if argv is None else argv))
    if argv is None:
        _leave(code)
    return code


def _leave(code: int) -> None:
    """End the process with `code` as sys.exit would, but without the interpreter's teardown: freeing
    every module and object takes 5-20 ms (the most after a render) that the user waits for, on
    every commit. The exit handlers run and both streams are flushed first. With another thread
    still running, nothing is done here: sys.exit's usual way then joins it."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    import atexit
    import os
    from contextlib import suppress

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a fault was reported already: the rest cannot be written
            stream.flush()
    os._exit(code)


def _run(args: list[str]) -> int:
    _tolerant_output()
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a fault writing the last of the output is reported as any other
        return code
    except UserError as exc:
        from cjm.safe import visible

        return _fail(f"cjm: error: {visible(str(exc))}")
    except KeyboardInterrupt:
        return _fail("cjm: interrupted", 130)
    except UnicodeEncodeError as exc:
        return _fail(f"cjm: error: the output cannot show some characters ({exc.encoding}); "
                     "set PYTHONIOENCODING=utf-8 or a UTF-8 locale such as LANG=C.UTF-8")
    except OSError as exc:
        if exc.errno not in OUTPUT_FAULTS:
            return _internal_error(exc)
        if exc.errno == errno.EPIPE:
            _quiet_stdout()
            return _fail("cjm: error: the output was closed before cjm had written all of it (broken pipe)")
        return _fail(f"cjm: error: cannot write the output: {exc.strerror or exc}")
    except Exception as exc:  # the one place the unexpected becomes a message
        return _internal_error(exc)


def _tolerant_output() -> None:
    """Output a terminal cannot encode (an ASCII-only locale) becomes escapes, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so Python's final flush says nothing."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # stderr is gone too: the exit code still tells
    return code


def _dispatch(args: list[str]) -> int:
    if args[:1] == ["validate"] and not _wants_app(args[1:]):
        from cjm.cli.validate import main as validate_main

        return validate_main(args[1:])
    if args[:1] in (["score"], ["render"], ["fmt"]) and not _wants_app(args[1:]):
        from importlib import import_module

        quick: Callable[[list[str]], int | None] = import_module(f"cjm.cli.{args[0]}").main
        code = quick(args[1:])
        if code is not None:
            return code
    from cjm.cli.app import run_app

    return run_app(args)


def _wants_app(args: list[str]) -> bool:
    """`cjm validate --help` and shell completion go through the typer app, like every command."""
    import os

    options = args[: args.index("--")] if "--" in args else args
    return "-h" in options or "--help" in options or "_CJM_COMPLETE" in os.environ


def _internal_error(exc: BaseException) -> int:
    import traceback

    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" (at {where[0].filename}:{where[0].lineno})" if where else ""
    sys.stderr.write(
        f"cjm: internal error: {type(exc).__name__}: {exc}{place}\n"
        f"This is a bug in cjm, not in your map. {REPORT_BUGS}\n"
        "with the command you ran and, if you can, the map file. "
        "Set CJM_DEBUG=1 to see the full traceback.\n"
    )
    if _debug():
        traceback.print_exception(type(exc), exc, exc.__traceback__)
    return EXIT_INTERNAL


def _debug() -> bool:
    import os

    return os.environ.get("CJM_DEBUG", "") not in ("", "0")
