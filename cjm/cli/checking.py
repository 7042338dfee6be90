"""Shared by the commands that check maps: paths in, FileResults out."""

from __future__ import annotations

from cjm.cli.errors import UsageError
from cjm.cli.paths import collect_maps
from cjm.config import ConfigError
from cjm.engine import FileResult, check_file


def check_paths(paths: list[str]) -> list[FileResult]:
    """Check every map under `paths`; config problems are usage errors."""
    try:
        return [check_file(path) for path in collect_maps(paths)]
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
