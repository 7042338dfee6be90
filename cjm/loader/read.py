"""Read a map file's bytes safely: regular files only, never more than the size limit.

A FIFO named `*.cjm.yaml` would block a plain `open()` forever and
`/dev/zero` would be read without end, so the file is opened without
blocking, checked to be a regular file on the open descriptor (no race with
a file swapped in between), and read up to the limit plus one byte.
"""

from __future__ import annotations

import errno
import os
import stat

from cjm.errors import UserError

READ_CHUNK = 1 << 20


class UnreadableFile(UserError):
    """A path cjm cannot read as a map: missing, not a regular file, or not readable (exit 2)."""


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def not_regular(name: str, kind: str) -> UnreadableFile:
    return UnreadableFile(f"{name}: is {kind}, not a file; cjm reads maps from regular files only")


def os_problem(name: str, exc: OSError) -> UnreadableFile:
    """An OSError in the user's words."""
    if exc.errno == errno.ENOENT:
        return UnreadableFile(f"{name}: no such file or folder")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UnreadableFile(f"{name}: cannot read it (permission denied)")
    if exc.errno == errno.ELOOP:
        return UnreadableFile(f"{name}: cannot read it (a loop of symbolic links)")
    return UnreadableFile(f"{name}: cannot read it ({exc.strerror or exc})")


def read_bounded(path: str | os.PathLike[str], limit: int) -> tuple[bytes, int | None]:
    """The file's bytes (at most `limit`), and its size when it is larger than that (else None).
    Raises UnreadableFile."""
    name = os.fspath(path)
    flags = os.O_RDONLY
    for extra in ("O_NONBLOCK", "O_NOCTTY", "O_BINARY"):
        flags |= getattr(os, extra, 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise os_problem(name, exc) from None
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise not_regular(name, kind)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(READ_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise os_problem(name, exc) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    return (data, None) if len(data) <= limit else (data[:limit], max(info.st_size, len(data)))
