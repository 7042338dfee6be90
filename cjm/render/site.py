"""Where `cjm render PATH... -o DIR` puts each map's files: pure, nothing is written here.

A map found under a folder argument keeps its path relative to that folder
(`cjm render maps -o site`: `maps/b2c/journey.cjm.yaml` -> `site/b2c/journey.html`);
a map named as a file keeps its path relative to the current folder when it
is below it, else its file name alone. Two maps that would write the same
file, or a map whose page would be the portfolio's `index.html`, are an
OutputClash (a usage error: nothing is written). Names are compared without
case, so the output also works on a file system that ignores case.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from cjm.check.discover import MapSource, map_stem
from cjm.errors import UserError
from cjm.records import record

INDEX = "index.html"


class OutputClash(UserError):
    """Two maps would write the same file, or a map would overwrite the index."""


@record(hashable=True)
class Target:
    """One map and where its files go, relative to DIR."""

    source: MapSource
    stem: PurePosixPath
    """`b2c/journey`: the folders kept and NAME, without a suffix."""

    def file(self, suffix: str) -> PurePosixPath:
        return self.stem.with_name(self.stem.name + suffix)

    @property
    def index_href(self) -> str:
        """The portfolio index, as a link from this map's page."""
        return "../" * (len(self.stem.parts) - 1) + INDEX


def output_stem(source: MapSource, cwd: Path) -> PurePosixPath:
    """Where the map's files go in DIR, without a suffix."""
    name = map_stem(source.path)
    path = Path(source.path)
    if source.folder is not None:
        folders = path.parent.relative_to(source.folder).parts
    else:
        here = Path(os.path.normpath(cwd.absolute()))
        where = Path(os.path.normpath(path.absolute())).parent
        folders = where.relative_to(here).parts if where.is_relative_to(here) else ()
    return PurePosixPath(*folders, name)


def plan_targets(sources: list[MapSource], cwd: Path, suffixes: tuple[str, ...],
                 with_index: bool, out_dir: Path = Path()) -> list[Target]:
    """Every map's target; OutputClash when two would write one file (or a page would be the index).
    `out_dir` is only for the messages."""
    targets = [Target(source, output_stem(source, cwd)) for source in sources]
    claimed: dict[str, Target] = {}
    for target in targets:
        key = str(target.stem).casefold()
        if with_index and ".html" in suffixes and key == "index":
            raise OutputClash(
                f"{target.source.path} would be written as {out_dir / INDEX}, where the index of the "
                "rendered maps goes; rename the map (say to overview.cjm.yaml), or move it into a folder")
        if key in claimed:
            names = " and ".join(str(out_dir / target.file(suffix)) for suffix in suffixes)
            raise OutputClash(
                f"{claimed[key].source.path} and {target.source.path} would both be written as {names}; "
                "rename one, or render them into different folders")
        claimed[key] = target
    return targets
