"""Shared by the commands that check maps: paths in, FileResults out."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from cjm.check.discover import MapSource, collect_sources
from cjm.check.engine import check_file
from cjm.check.result import FileResult
from cjm.cli.errors import EXIT_USAGE
from cjm.loader.read import UnreadableFile
from cjm.safe import visible


@dataclass
class Checked:
    """The maps that could be read, checked, and the ones that could not (one line each)."""

    results: list[FileResult]
    unreadable: list[str] = field(default_factory=list)
    sources: list[MapSource] = field(default_factory=list)
    """Where each result's map was found (`results[i]` is the map of `sources[i]`)."""

    def exit_code(self, code: int) -> int:
        """`code`, or exit 2 after naming every map that could not be read (on stderr)."""
        for problem in self.unreadable:
            sys.stderr.write(f"cjm: error: {visible(problem)}\n")
        return EXIT_USAGE if self.unreadable else code


def check_paths(paths: list[str]) -> Checked:
    """Check every map under `paths`. A bad path, folder or config raises a UserError (exit 2)
    before anything is checked; a map that cannot be read when its turn comes is named in
    `unreadable`, and the others are still checked."""
    return check_sources(collect_sources(paths))


def check_sources(sources: list[MapSource]) -> Checked:
    """Check each map found; as check_paths."""
    checked = Checked([])
    for source in sources:
        try:
            checked.results.append(check_file(source.path))
        except UnreadableFile as exc:
            checked.unreadable.append(str(exc))
        else:
            checked.sources.append(source)
    return checked
