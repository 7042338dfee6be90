"""The `cjm` console script: one top-level handler around every command.

`cjm validate` goes straight to its argparse parser (no typer, no rich on the
happy path) because pre-commit runs it on every commit; every other command
goes through the typer app.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cjm.cli.errors import EXIT_INTERNAL, EXIT_USAGE, REPORT_BUGS
from cjm.errors import UserError


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(args)
    except UserError as exc:
        sys.stderr.write(f"cjm: error: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("cjm: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the one place the unexpected becomes a message
        return _internal_error(exc)


def _dispatch(args: list[str]) -> int:
    if args[:1] == ["validate"]:
        from cjm.cli.validate import main as validate_main

        return validate_main(args[1:])
    from cjm.cli.app import run_app

    return run_app(args)


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
