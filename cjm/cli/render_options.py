"""The options of `cjm render`, checked: each bad value is a usage error that names the choices."""

from __future__ import annotations

from pathlib import Path

from cjm.cli.errors import UsageError
from cjm.model import LAYOUTS
from cjm.render.page import POSTERS_MM

FORMATS = ("html", "svg")
POSTERS = tuple(POSTERS_MM)
__all__ = ["FORMATS", "LAYOUTS", "POSTERS", "choice", "formats_of", "out_dir_of", "template_dir_of"]


def formats_of(to: str | None) -> tuple[str, ...]:
    if to is None:
        return FORMATS
    if to.lower() not in FORMATS:
        raise UsageError(f"--to must be html or svg (default: both), not {to!r}")
    return (to.lower(),)


def template_dir_of(template_dir: str | None) -> Path | None:
    if template_dir is None:
        return None
    path = Path(template_dir)
    if not path.is_dir():
        raise UsageError(f"--template-dir {template_dir}: no such folder")
    return path


def out_dir_of(out: str) -> Path:
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise UsageError(f"-o {out}: exists and is not a folder")
    return path


def choice(option: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """`value` spelled as in `allowed` (any case), or a usage error naming the choices."""
    if value is None:
        return None
    for choice in allowed:
        if value.casefold() == choice.casefold():
            return choice
    raise UsageError(f"{option} must be {', '.join(allowed[:-1])} or {allowed[-1]}, not {value!r}")
