"""Where cjm's data folders are (the Jinja templates and the sample maps), and its cache.

In the repository they are the top-level folders `templates/` and
`sample_maps/`; the wheel carries them inside the package as `cjm/templates`
and `cjm/sample_maps` (pyproject.toml, force-include). One lookup serves an
installed cjm, an editable install and a checkout run with `python -m cjm`.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

TEMPLATES = "templates"
SAMPLES = "sample_maps"


@cache
def data_dir(name: str) -> Path | None:
    """The folder `name` (TEMPLATES or SAMPLES): inside the package when installed,
    beside it in a checkout; None when neither exists. Looked up once per process (a page's
    templates ask for it each)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / name, here.parent / name):
        if candidate.is_dir():
            return candidate
    return None


def user_cache() -> Path:
    """cjm's cache folder: `$XDG_CACHE_HOME/cjm`, else `~/.cache/cjm`. Everything in it can be
    deleted at any time; cjm makes it again."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cjm"
