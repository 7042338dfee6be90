"""Which files are maps: the names `NAME.cjm.yaml` / `NAME.cjm.yml`, and the
map files below the paths a user gives.

Paths are text here, spelled as pathlib spells them (`./maps//a.cjm.yaml` is
`maps/a.cjm.yaml`, cjm.check.discover.spelled), so that `cjm validate`, on
every commit, does not import pathlib (several milliseconds); collect_maps
gives Paths to the commands that want them.
"""

from __future__ import annotations

import os
import stat

from cjm.errors import UserError
from cjm.loader.read import kind_of, not_regular, os_problem
from cjm.records import record

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from pathlib import Path

MAP_SUFFIXES = (".cjm.yaml", ".cjm.yml")


class PathError(UserError):
    """A path that does not exist, or a folder that holds no map."""


def is_map_name(name: str) -> bool:
    return name.endswith(MAP_SUFFIXES)


def strip_map_suffix(name: str) -> str:
    """`maps/acme.cjm.yaml` -> `maps/acme`; any other name is returned as it is."""
    for suffix in MAP_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def map_stem(path: str | os.PathLike[str]) -> str:
    """`acme.cjm.yaml` -> `acme` (any other name loses its last suffix only, as Path.stem)."""
    name = os.path.basename(os.fspath(path))
    stem = strip_map_suffix(name)
    if stem != name:
        return stem
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def spelled(raw: str) -> str:
    """`raw` as pathlib spells the path (str(Path(raw))): no empty or `.` parts, no trailing
    slash, `.` for nothing; `..` is kept. On Windows, pathlib itself."""
    if os.name == "nt":  # pragma: no cover - drives and backslashes: pathlib knows them
        from pathlib import Path

        return str(Path(raw))
    root = "//" if raw.startswith("//") and not raw.startswith("///") else "/" if raw.startswith("/") else ""
    parts = [part for part in raw.split("/") if part and part != "."]
    return root + "/".join(parts) if root or parts else "."


@record(hashable=True)
class MapSource:
    """A map file, and the folder argument it was found under (None: it was named as a file)."""

    path: str
    """As pathlib spells it (spelled)."""
    folder: str | None = None


def collect_maps(paths: list[str], *, empty_ok: bool = False) -> list[Path]:
    """Files as given (any name: pre-commit passes them), folders searched for maps.

    Hidden folders (.git, .venv, ...) are skipped. Raises PathError, naming
    every problem at once, for a missing path, a path that is not a regular
    file (a FIFO, a device, a socket, or a link to one: reading those would
    hang or never end), a folder cjm cannot read, or when no map is found
    (unless `empty_ok`: `cjm diff --base` finds maps at a revision too).
    """
    from pathlib import Path

    return [Path(source.path) for source in collect_sources(paths, empty_ok=empty_ok)]


def collect_sources(paths: list[str], *, empty_ok: bool = False) -> list[MapSource]:
    """As collect_maps, with the folder argument each map was found under."""
    if not paths:
        raise PathError("give at least one map file or folder, e.g. `cjm validate maps/`")
    found: list[MapSource] = []
    problems: list[str] = []
    for raw in paths:
        path = spelled(raw)
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            problems.append(str(os_problem(raw, exc)))
            continue
        if stat.S_ISDIR(mode):
            near: list[str] = []
            maps = _maps_below(path, problems, near)
            if not maps and not problems and not empty_ok:
                problems.append(f"{raw}: no *.cjm.yaml or *.cjm.yml maps in this folder"
                                f"{_near_misses(path, near)}")
            found += [MapSource(map_path, path) for map_path in maps]
        elif (kind := kind_of(mode)) is not None:
            problems.append(str(not_regular(raw, kind)))
        else:
            found.append(MapSource(path))
    if problems:
        raise PathError("\n".join(problems))
    return _once_each(found)


def _once_each(sources: list[MapSource]) -> list[MapSource]:
    """Each file once, as first named, however it was spelled (`a/x.cjm.yaml a/`)."""
    seen: dict[str, MapSource] = {}
    for source in sources:
        seen.setdefault(os.path.realpath(source.path), source)
    return list(seen.values())


def is_near_miss(name: str) -> bool:
    """A file named almost like a map: `Gym.CJM.yaml`, `gym.yaml`, `gym.cjm.yaml.txt`, `gym.cjm`
    (hidden files such as `.pre-commit-config.yaml` are not)."""
    lower = name.lower()
    return (not is_map_name(name) and not name.startswith(".")
            and (lower.endswith((".yaml", ".yml", ".cjm")) or ".cjm." in lower))


MAX_PEEKS = 50
"""At most this many plain `.yaml` files are opened to see whether they hold a map."""


def _looks_like_map(path: str) -> bool:
    """A plain YAML file counts as a near miss only when it starts like a map (`cjm:` or `stages:`)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return any(line.startswith((b"cjm:", b"stages:")) for line in head.splitlines())


def _near_misses(folder: str, names: list[str]) -> str:
    """`; Gym.CJM.yaml and gym.yaml look like maps: ...` for the message about a folder without maps."""
    plain = [n for n in names if ".cjm" not in n.lower()][:MAX_PEEKS]
    near = [n for n in names
            if ".cjm" in n.lower() or (n in plain and _looks_like_map(os.path.join(folder, n)))]
    if not near:
        return ""
    from pathlib import Path

    from cjm.diagnostic import listed

    ordered = sorted(near)
    example = Path(ordered[0])
    stem = example.name.split(".")[0] or "NAME"
    return (f"; {listed(ordered, 5)} {'looks' if len(near) == 1 else 'look'} like "
            f"{'a map' if len(near) == 1 else 'maps'} but cjm reads only files whose names end in "
            f"exactly .cjm.yaml or .cjm.yml: rename {'it' if len(near) == 1 else 'them'}, e.g. "
            f"{example} to {example.with_name(stem + '.cjm.yaml')}")


def _maps_below(folder: str, problems: list[str], near: list[str] | None = None) -> list[str]:
    """The map files below `folder`, in sorted order; folders it cannot read and map-named
    files that are not regular files go into `problems`, names that are nearly map names
    (relative to `folder`) into `near`."""
    maps: list[str] = []

    def unreadable(exc: OSError) -> None:
        problems.append(f"{exc.filename}: cannot read this folder ({exc.strerror or exc})")

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not is_map_name(name):
                if near is not None and is_near_miss(name):
                    near.append(os.path.relpath(os.path.join(top, name), folder))
                continue
            path = spelled(os.path.join(top, name))
            try:
                kind = kind_of(os.stat(path).st_mode)
            except OSError as exc:
                problems.append(str(os_problem(path, exc)))
                continue
            if kind is None:
                maps.append(path)
            elif kind != "a folder":
                problems.append(str(not_regular(path, kind)))
    return sorted(maps, key=lambda path: path.split("/"))  # as Paths sort: part by part
