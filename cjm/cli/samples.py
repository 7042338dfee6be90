"""The sample maps that ship with cjm, for `cjm init --from`.

They are the maps at the top of the repository's `sample_maps/` folder and
in `sample_maps/needs-work/`, found by cjm.resources (an installed wheel
carries it inside the package). `sample_maps/redesign/` is not offered: it
is a pair for `cjm diff`, and its future map copied alone would name, in
`based_on`, a map that is not there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".cjm.yaml"
NEEDS_WORK = "needs-work"


@dataclass(frozen=True)
class Sample:
    name: str
    title: str
    needs_work: bool
    source: Path

    def text(self) -> str:
        return self.source.read_text("utf-8")


def samples_root() -> Path | None:
    from cjm.resources import SAMPLES, data_dir

    return data_dir(SAMPLES)


def list_samples() -> list[Sample]:
    """Every shipped sample: the good ones first, then the ones that need work."""
    root = samples_root()
    if root is None:
        return []
    found = [_sample(item, False) for item in _maps_in(root)]
    extra = root.joinpath(NEEDS_WORK)
    if extra.is_dir():
        found += [_sample(item, True) for item in _maps_in(extra)]
    return found


def find_sample(name: str) -> Sample | None:
    wanted = name.removesuffix(SUFFIX).removeprefix(f"{NEEDS_WORK}/")
    return next((s for s in list_samples() if s.name == wanted), None)


def _maps_in(folder: Path) -> list[Path]:
    return sorted((item for item in folder.iterdir() if item.name.endswith(SUFFIX) and item.is_file()),
                  key=lambda item: item.name)


def _sample(item: Path, needs_work: bool) -> Sample:
    found = re.search(r"^title:[ \t]*(.*)$", item.read_text("utf-8"), re.MULTILINE)
    title = found.group(1).strip().strip("'\"") if found else ""
    return Sample(item.name.removesuffix(SUFFIX), title, needs_work, item)
