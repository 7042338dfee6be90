"""Errors the CLI turns into messages and exit codes."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

BUG_URL = "https://github.com/cjm-maps/cjm/issues"


class UsageError(Exception):
    """Bad options, an unreadable path, or no map found: exit 2."""
