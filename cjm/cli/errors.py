"""Exit codes, and the error the command line raises for a bad option."""

from __future__ import annotations

from cjm.errors import UserError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

REPORT_BUGS = ("Please report it to cjm's maintainers (the issue tracker of the repository "
               "you installed cjm from)")


class UsageError(UserError):
    """Bad options, an unreadable path, or no map found: exit 2."""
