"""What a map file is called: `NAME.cjm.yaml` or `NAME.cjm.yml`."""

from __future__ import annotations

MAP_SUFFIXES = (".cjm.yaml", ".cjm.yml")


def is_map_name(name: str) -> bool:
    return name.endswith(MAP_SUFFIXES)


def strip_map_suffix(name: str) -> str:
    """`maps/acme.cjm.yaml` -> `maps/acme`; any other name is returned as it is."""
    for suffix in MAP_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
