"""Options read by a small loop: `cjm validate` and `cjm score` on their happy path.

Each command has one table of options (`Option`). `read_plain` reads a
command line against it without argparse or click (about 10 ms of start-up
that pre-commit would pay on every commit) when every argument is plain: a
known flag, a good value (`--format json`, `--format=json`, `-fjson`), a path,
and everything after `--` a path. For anything else it returns None and the
command hands the line to the parser that explains the mistake (argparse
built from the table for validate, the typer app for score).
"""

from __future__ import annotations

from collections.abc import Sequence

from cjm.records import record


@record(hashable=True)
class Option:
    """One option of a command: its flags, what it sets, its help."""

    flags: tuple[str, ...]
    dest: str
    help: str
    flag: bool = False
    """A switch (no value)."""
    choices: tuple[str, ...] = ()
    score: bool = False
    """Takes a score from 0 to 100."""
    count: bool = False
    """Takes a whole number of at least 1."""
    text: bool = False
    """Takes any text: a folder, a file, a program."""
    metavar: str | None = None
    default: str | None = None


def score_value(text: str) -> float | None:
    """`text` as a score from 0 to 100, or None."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None  # also refuses nan


def count_value(text: str) -> int | None:
    """`text` as a whole number of at least 1, or None."""
    try:
        value = int(text)
    except ValueError:
        return None
    return value if value >= 1 else None


def read_plain(argv: Sequence[str], options: Sequence[Option]) -> tuple[list[str], dict[str, object]] | None:
    """The paths and the values set (by `dest`) of a plain command line; None for anything else."""
    by_flag = {flag: option for option in options for flag in option.flags}
    values: dict[str, object] = {}
    paths: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--":
            paths += args
            break
        if not arg.startswith("-") or arg == "-":
            paths.append(arg)
            continue
        flag, given, text = arg.partition("=")
        if not arg.startswith("--"):
            if given:
                return None  # -f=json: argparse reads "json", click "=json"
            flag, text = arg[:2], arg[2:]
            given = "=" if text else ""  # -fjson
        option = by_flag.get(flag)
        if option is None or (option.flag and given):
            return None  # unknown, or a switch given a value
        if option.flag:
            values[option.dest] = True
            continue
        text = text if given else next(args, None)  # type: ignore[assignment]
        value = None if text is None else _value(option, text)
        if value is None:
            return None
        values[option.dest] = value
    return paths, values


def _value(option: Option, text: str) -> object:
    if option.text:
        return None if text.startswith("-") else text  # `-o -x`: the app says what it makes of it
    if option.score:
        return score_value(text)
    if option.count:
        return count_value(text)
    return text if text in option.choices else None
