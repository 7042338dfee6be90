"""Turn the paths a user gives into the map files to check."""

from __future__ import annotations

from pathlib import Path

from cjm.cli.errors import UsageError
from cjm.map_files import is_map_name, strip_map_suffix

__all__ = ["collect_maps", "is_map_name", "map_stem"]


def map_stem(path: Path) -> str:
    """`acme.cjm.yaml` -> `acme` (any other name loses its last suffix only)."""
    stem = strip_map_suffix(path.name)
    return stem if stem != path.name else path.stem


def collect_maps(paths: list[str]) -> list[Path]:
    """Files as given (any name: pre-commit passes them), folders searched for maps.

    Hidden folders (.git, .venv, ...) are skipped. Raises UsageError for a
    missing path or when no map is found at all.
    """
    if not paths:
        raise UsageError("give at least one map file or folder, e.g. `cjm validate maps/`")
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            maps = _maps_below(path)
            if not maps:
                raise UsageError(f"{raw}: no *.cjm.yaml or *.cjm.yml maps in this folder")
            found += maps
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    return _once_each(found)


def _once_each(paths: list[Path]) -> list[Path]:
    """Each file once, as first named, however it was spelled (`a/x.cjm.yaml a/`)."""
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(path.resolve(), path)
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
