"""Turn the paths a user gives into the map files to check."""

from __future__ import annotations

from pathlib import Path

from cjm.cli.errors import UsageError

MAP_SUFFIXES = (".cjm.yaml", ".cjm.yml")


def is_map_name(name: str) -> bool:
    return name.endswith(MAP_SUFFIXES)


def map_stem(path: Path) -> str:
    """`acme.cjm.yaml` -> `acme` (any other name loses its last suffix only)."""
    for suffix in MAP_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return path.stem


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
    return list(dict.fromkeys(found))


def _maps_below(folder: Path) -> list[Path]:
    maps = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).parts
        if any(part.startswith(".") for part in rel[:-1]):
            continue
        if is_map_name(path.name) and path.is_file():
            maps.append(path)
    return sorted(maps)
