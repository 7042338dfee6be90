"""Which files are maps: the names `NAME.cjm.yaml` / `NAME.cjm.yml`, and the
map files below the paths a user gives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cjm.errors import UserError

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

    Hidden folders (.git, .venv, ...) are skipped. Raises PathError for a
    missing path or when no map is found at all.
    """
    return [source.path for source in collect_sources(paths)]


def collect_sources(paths: list[str]) -> list[MapSource]:
    """As collect_maps, with the folder argument each map was found under."""
    if not paths:
        raise PathError("give at least one map file or folder, e.g. `cjm validate maps/`")
    found: list[MapSource] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            maps = _maps_below(path)
            if not maps:
                raise PathError(f"{raw}: no *.cjm.yaml or *.cjm.yml maps in this folder")
            found += [MapSource(map_path, path) for map_path in maps]
        elif path.exists():
            found.append(MapSource(path))
        else:
            raise PathError(f"{raw}: no such file or folder")
    return _once_each(found)


def _once_each(sources: list[MapSource]) -> list[MapSource]:
    """Each file once, as first named, however it was spelled (`a/x.cjm.yaml a/`)."""
    seen: dict[Path, MapSource] = {}
    for source in sources:
        seen.setdefault(source.path.resolve(), source)
    return list(seen.values())


def _maps_below(folder: Path) -> list[Path]:
    maps = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).parts
        if any(part.startswith(".") for part in rel[:-1]):
            continue
        if is_map_name(path.name) and path.is_file():
            maps.append(path)
    return sorted(maps)
