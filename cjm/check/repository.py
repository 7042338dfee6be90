"""The repository a path belongs to: where SARIF paths start and where the editor schema lives."""

from __future__ import annotations

import os
from pathlib import Path


def repository_root(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder`: the nearest folder at or above it with a
    `.git` (a folder, or the file of a worktree or submodule), found without running git; None
    outside a repository. `folder` is made absolute without resolving symbolic links, so paths
    relative to the root read like the ones the user gave."""
    here = Path(os.path.abspath(folder))
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
