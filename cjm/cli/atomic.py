"""Writing files without ever losing what was there.

`write_atomic` (rendered pages, new maps): a temporary file in the same
folder, then a rename, so a crash or Ctrl-C never leaves a half-written file.
A new file gets the usual permissions (0666 minus the umask); an existing one
keeps its mode.

`create_exclusive` (cjm init, cjm import) writes a new file and never an
existing one: a temporary file linked into place, which fails if the name
exists.

`rewrite_map` (cjm fmt) replaces a map the user wrote, so it also keeps the
file itself: it writes through a symbolic link to its target, keeps the
owner and the mode, refuses a read-only file, and never overwrites a change
made since cjm read the file. A file with several hard links is rewritten in
place, after a backup of its old text beside it has been written and read
back, because a rename would split the links; the backup is removed once
the new text is safely on disk.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from cjm.errors import UserError

TEMP_PREFIX = ".cjm-"
"""Short, so that a file name of any legal length still leaves room for the temporary name."""


class WriteConflict(Exception):
    """The file changed between reading and writing; nothing was written."""


class ReadOnlyFile(UserError):
    """The user made the file read-only: cjm does not rewrite it (exit 2)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temp_beside(path: Path, payload: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def write_atomic(path: Path, data: str | bytes, *, encoding: str = "utf-8") -> None:
    payload = data.encode(encoding) if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(path, payload)
    try:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def create_exclusive(path: Path, data: str, *, encoding: str = "utf-8") -> bool:
    """Write a new file, atomically; False (and nothing written) when `path` already exists.

    The text goes into a temporary file that is then linked to `path`; the link
    fails when the name exists, so even two runs at once never overwrite a
    file, and no one ever sees it half-written. Where a drive has no hard links
    (some network and FAT drives), the file is created exclusively instead.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(path):
        return False
    payload = data.encode(encoding)
    tmp = _temp_beside(path, payload)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:
            return _create_without_link(path, payload)
    finally:
        tmp.unlink(missing_ok=True)
    return True


def _create_without_link(path: Path, payload: bytes) -> bool:
    try:
        with path.open("xb") as fh:
            fh.write(payload)
    except FileExistsError:
        return False
    return True


def check_writable(path: Path) -> None:
    """Raise ReadOnlyFile when the map (or the target of its link) is read-only."""
    if not stat.S_IMODE(path.stat().st_mode) & 0o222:
        raise ReadOnlyFile(f"{path}: the file is read-only, so cjm fmt leaves it alone "
                           "(make it writable to format it)")


def rewrite_map(path: Path, new: bytes, original: bytes) -> None:
    """Replace the map's `original` bytes with `new`, keeping the file (see the module's text).

    Raises WriteConflict, and writes nothing, when the file no longer holds `original`.
    """
    target = path.resolve()
    check_writable(target)
    info = target.stat()
    if info.st_nlink > 1:
        _rewrite_in_place(target, new, original)
        return
    tmp = _temp_beside(target, new)
    try:
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        with contextlib.suppress(PermissionError):  # only root may give a file to someone else
            os.chown(tmp, info.st_uid, info.st_gid)
        _ensure_unchanged(target, original)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _ensure_unchanged(target: Path, original: bytes) -> None:
    with target.open("rb") as fh:
        if fh.read(len(original) + 1) != original:
            raise WriteConflict(str(target))


def _rewrite_in_place(target: Path, new: bytes, original: bytes) -> None:
    backup = _temp_beside(target, original)
    try:
        if backup.read_bytes() != original:
            raise OSError(f"the backup of {target} could not be verified")
        _ensure_unchanged(target, original)
        with target.open("r+b") as fh:
            fh.write(new)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except WriteConflict:
        backup.unlink(missing_ok=True)
        raise
    except BaseException as exc:
        raise OSError(f"{exc}; the old text is kept in {backup}") from exc
    backup.unlink(missing_ok=True)
