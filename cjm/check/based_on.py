"""`based_on`: the map a map changes, read for `cjm validate` and `cjm render`.

The path is relative to the map's own folder. It must name a readable,
valid map other than this one, else an `unknown-reference` error at the key.
The named map is checked with its own configuration and without following
its own `based_on`: one level, never further, so a chain that points back
cannot loop. cjm reads `based_on` whatever the map's `state`.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from cjm.check.discover import is_map_name
from cjm.check.result import FileResult
from cjm.diagnostic import Finding
from cjm.loader.read import UnreadableFile
from cjm.model import JourneyMap
from cjm.rules import unknown_reference

HINT = "`based_on` is a path relative to this map's folder, such as `current.cjm.yaml`"


def read_base(path: str, journey: JourneyMap) -> tuple[FileResult | None, list[Finding]]:
    """The checked map `based_on` names (None without one), or the error that says why not."""
    from cjm.check.engine import check_file

    value = journey.data.get("based_on")
    if not isinstance(value, str) or not value.strip():
        return None, []  # absent; a wrong type is the schema's to report
    here = Path(path)
    target = here.parent / value
    if not os.path.lexists(target):
        return None, [_problem(journey, f"based_on names '{value}', but there is no such map next to "
                               f"this one{_did_you_mean(value, target.parent)}")]
    if here.exists() and target.resolve() == here.resolve():
        return None, [_problem(journey, "based_on names this map itself: name the map this one changes, "
                               "such as its current-state map")]
    try:
        base = check_file(target, follow_base=False)
    except UnreadableFile as exc:
        return None, [_problem(journey, f"based_on names '{value}', which cjm cannot read: "
                               f"{str(exc).removeprefix(f'{target}: ')}")]
    if not base.valid or base.journey is None or base.score is None:
        return None, [_problem(journey, f"based_on names '{value}', which is not a valid map: "
                               f"fix it first (cjm validate {target.as_posix()})")]
    return base, []


def _problem(journey: JourneyMap, message: str) -> Finding:
    return Finding(unknown_reference.ID, message, journey.pos(("based_on",)), hint=HINT)


def _did_you_mean(value: str, folder: Path) -> str:
    """`; did you mean 'x.cjm.yaml'?` for a map in the named folder whose name is close."""
    try:
        names = [item.name for item in folder.iterdir() if is_map_name(item.name) and item.name != value]
    except OSError:
        return ""
    close = difflib.get_close_matches(Path(value).name, names, n=1)
    return f"; did you mean '{(Path(value).parent / close[0]).as_posix()}'?" if close else ""
