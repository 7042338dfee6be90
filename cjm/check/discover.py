"""Which files are maps: the names `NAME.cjm.yaml` / `NAME.cjm.yml`, and the
map files below the paths a user gives."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cjm.errors import UserError
from cjm.loader.read import kind_of, not_regular, os_problem

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


def map_stem(path: Path) -> str:
    """`acme.cjm.yaml` -> `acme` (any other name loses its last suffix only)."""
    stem = strip_map_suffix(path.name)
    return stem if stem != path.name else path.stem


@dataclass(frozen=True)
class MapSource:
    """A map file, and the folder argument it was found under (None: it was named as a file)."""

    path: Path
    folder: Path | None = None


def collect_maps(paths: list[str]) -> list[Path]:
    """Files as given (any name: pre-commit passes them), folders searched for maps.

    Hidden folders (.git, .venv, ...) are skipped. Raises PathError, naming
    every problem at once, for a missing path, a path that is not a regular
    file (a FIFO, a device, a socket, or a link to one: reading those would
    hang or never end), a folder cjm cannot read, or when no map is found.
    """
    return [source.path for source in collect_sources(paths)]


def collect_sources(paths: list[str]) -> list[MapSource]:
    """As collect_maps, with the folder argument each map was found under."""
    if not paths:
        raise PathError("give at least one map file or folder, e.g. `cjm validate maps/`")
    found: list[MapSource] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            problems.append(str(os_problem(raw, exc)))
            continue
        if stat.S_ISDIR(mode):
            maps = _maps_below(path, problems)
            if not maps and not problems:
                problems.append(f"{raw}: no *.cjm.yaml or *.cjm.yml maps in this folder")
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
    seen: dict[Path, MapSource] = {}
    for source in sources:
        seen.setdefault(source.path.resolve(), source)
    return list(seen.values())


def _maps_below(folder: Path, problems: list[str]) -> list[Path]:
    """The map files below `folder`, in sorted order; folders it cannot read and map-named
    files that are not regular files go into `problems`."""
    maps: list[Path] = []

    def unreadable(exc: OSError) -> None:
        problems.append(f"{exc.filename}: cannot read this folder ({exc.strerror or exc})")

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not is_map_name(name):
                continue
            path = Path(top) / name
            try:
                kind = kind_of(path.stat().st_mode)
            except OSError as exc:
                problems.append(str(os_problem(str(path), exc)))
                continue
            if kind is None:
                maps.append(path)
            elif kind != "a folder":
                problems.append(str(not_regular(str(path), kind)))
    return sorted(maps)
