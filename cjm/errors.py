"""Problems with what the user asked for, as opposed to problems in a map.

A map's problems are findings (cjm.diagnostic). These are the others: a path
that does not exist, a folder with no map, a config file cjm cannot use, a
bad option. Each is explained in one line and ends the run with exit 2; the
command line's one top-level handler (cjm.cli.entry) prints them.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix, explained in one line: exit 2."""
