"""The real `git`, for `cjm diff --base REF`: run without a shell, every failure one line.

Paths given to git are literal (`--literal-pathspecs`: a `*` in a name is a
`*`), and git's answers are NUL-separated, so any file name works. Every
failure is a UserError in the user's words (exit 2).
"""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from cjm.errors import UserError

NOT_A_REPOSITORY = "not a git repository: run cjm diff --base inside your repository"


class GitError(UserError):
    """git is missing, this is no repository, or a revision is unknown."""


class Git:
    """One repository, seen from the folder cjm runs in."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        done = self._run("rev-parse", "--show-toplevel")
        if done.returncode != 0:
            raise GitError(NOT_A_REPOSITORY)
        self.root = Path(done.stdout.decode("utf-8", "surrogateescape").strip())

    def _run(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        command = ["git", "--literal-pathspecs", "-c", "core.quotepath=off", *args]
        try:
            return subprocess.run(command, cwd=self.cwd, capture_output=True, check=False)
        except FileNotFoundError:
            raise GitError("git is not installed (or not on PATH): cjm diff --base needs git") from None
        except OSError as exc:
            raise GitError(f"cannot run git: {exc.strerror or exc}") from None

    def commit(self, ref: str) -> str:
        """The commit `ref` names (a branch, tag, commit or HEAD~1), or a GitError with a suggestion."""
        done = None
        if ref and not ref.startswith("-"):
            done = self._run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        if done is None or done.returncode != 0:
            close = self._close_to(ref)
            raise GitError(f"unknown revision '{ref}'; did you mean '{close}'?" if close else
                           f"unknown revision '{ref}': give a branch, a tag or a commit of this repository "
                           "(in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)")
        return done.stdout.decode("ascii").strip()

    def _close_to(self, ref: str) -> str | None:
        """The branch or tag whose name is closest to `ref`, if one is close."""
        done = self._run("for-each-ref", "--format=%(refname:short)")
        names = done.stdout.decode("utf-8", "surrogateescape").split() if done.returncode == 0 else []
        candidates = [name for name in dict.fromkeys([*names, "HEAD"]) if name != ref]
        close = difflib.get_close_matches(ref, candidates, n=1, cutoff=0.6)
        return close[0] if close else None

    def files_at(self, commit: str, path: Path) -> list[str]:
        """The files at `commit` under `path` (a file or a folder), as paths from the repository root."""
        done = self._run("ls-tree", "-r", "-z", "--name-only", "--full-name", commit, "--", str(path))
        if done.returncode != 0:
            raise GitError(f"git could not list {path} at {commit[:12]}: {_first_line(done.stderr)}")
        return [name for name in done.stdout.decode("utf-8", "surrogateescape").split("\0") if name]

    def read(self, commit: str, repo_path: str, limit: int) -> tuple[bytes, int | None]:
        """The content of a file at `commit` (its path from the repository root), as
        cjm.loader.read.read_bounded gives it: nothing and its size when it is over `limit`."""
        size = self._run("cat-file", "-s", f"{commit}:{repo_path}")
        if size.returncode == 0 and int(size.stdout) > limit:
            return b"", int(size.stdout)
        done = self._run("cat-file", "blob", f"{commit}:{repo_path}")
        if done.returncode != 0:
            raise GitError(f"git could not read {repo_path} at {commit[:12]}: {_first_line(done.stderr)}")
        return done.stdout, None

    def repo_path(self, path: Path) -> str:
        """`path` (from the current folder) as a path from the repository root."""
        try:
            return (self.cwd / path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            raise GitError(f"{path} is outside the repository at {self.root}") from None


def _first_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[0].removeprefix("fatal: ") if text else "git failed"
