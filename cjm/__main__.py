"""`python -m cjm` runs the command line."""

from __future__ import annotations

from cjm.cli.entry import main

if __name__ == "__main__":
    raise SystemExit(main())
