"""Shared by the commands that check maps: paths in, FileResults out."""

from __future__ import annotations

from cjm.check.discover import collect_maps
from cjm.check.engine import check_file
from cjm.check.result import FileResult


def check_paths(paths: list[str]) -> list[FileResult]:
    """Check every map under `paths` (a bad path or config raises a UserError: exit 2)."""
    return [check_file(path) for path in collect_maps(paths)]
