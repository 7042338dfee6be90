"""Editor support that works offline: the schema saved in the repository, and the modeline to it.

`cjm schema --write [PATH]` saves the shipped JSON Schema as a file, by default
`.cjm/journey-map.schema.json` at the top of the git repository (outside one, in the current
folder). `cjm init` saves it there too when it is missing, and starts the new map with a
modeline whose relative path reaches it:

    # yaml-language-server: $schema=../.cjm/journey-map.schema.json

The YAML language server (the engine of VS Code's YAML extension, and of the YAML support of
other editors) reads the schema from disk, so completion, hover and checks as you type work
with no network. A map gets the modeline only when the schema file is there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

from cjm.cli.errors import EXIT_OK, UsageError
from cjm.safe import visible

SCHEMA_HOME = PurePath(".cjm", "journey-map.schema.json")
"""Where the schema is saved, from the top of the repository."""
MODELINE = "# yaml-language-server: $schema="


def default_schema_file(folder: Path) -> Path:
    """`.cjm/journey-map.schema.json` at the top of the repository holding `folder`, or in `folder`."""
    from cjm.check.repository import repository_root

    return (repository_root(folder) or Path(os.path.abspath(folder))) / SCHEMA_HOME


def is_current(schema_file: Path) -> bool:
    """Whether `schema_file` holds this cjm's schema."""
    from cjm.schema import schema_text

    try:
        return schema_file.read_text("utf-8") == schema_text()
    except (OSError, UnicodeDecodeError):
        return False


def save_schema(schema_file: Path) -> bool:
    """Write this cjm's schema to `schema_file` (atomically); False when it is already there."""
    from cjm.cli.atomic import write_atomic
    from cjm.schema import schema_text

    if is_current(schema_file):
        return False
    write_atomic(schema_file, schema_text())
    return True


def modeline(map_file: Path, schema_file: Path) -> str:
    """The first line that points the YAML language server from `map_file` to `schema_file`.

    The path is relative, so the map works in every clone; the server reads it from the map's
    folder. It holds no space: the schema sits in a folder above the map (`..` and `.cjm`)."""
    relative = os.path.relpath(os.path.abspath(schema_file), os.path.dirname(os.path.abspath(map_file)))
    return MODELINE + PurePath(relative).as_posix()


def editor_modeline(map_file: Path) -> tuple[str | None, list[str]]:
    """The modeline for a new map, saving the schema first when it is missing, and what to tell
    the user. No modeline when the schema cannot be saved: a modeline to nothing breaks the editor."""
    schema_file = default_schema_file(map_file.parent)
    if schema_file.is_file():
        note = [] if is_current(schema_file) else [
            f"Note: {_shown(schema_file)} is the schema of another version of cjm; "
            "`cjm schema --write` updates it."]
        return modeline(map_file, schema_file), note
    try:
        save_schema(schema_file)
    except OSError as exc:
        return None, [f"Note: the map has no editor line: cannot write {_shown(schema_file)} "
                      f"({exc.strerror or exc}); `cjm schema --write` saves the schema elsewhere."]
    return modeline(map_file, schema_file), [
        f"Wrote {_shown(schema_file)}: the schema your editor reads for completion and checks as you "
        "type (commit it with your maps)."]


def run_schema(path: str | None, write: bool) -> int:
    """`cjm schema` prints the schema; `cjm schema --write [PATH]` saves it for editors."""
    from cjm.schema import schema_text

    if not write:
        if path is not None:
            raise UsageError(f"'{visible(path)}': a path goes with --write (`cjm schema --write PATH` saves "
                             "the schema there; `cjm schema` alone prints it)")
        sys.stdout.write(schema_text())
        return EXIT_OK
    target = Path(path) if path else default_schema_file(Path.cwd())
    if target.is_dir():
        target = target / SCHEMA_HOME.name
    try:
        written = save_schema(target)
    except OSError as exc:
        raise UsageError(f"cannot write {_shown(target)}: {exc.strerror or exc}") from None
    sys.stdout.write(f"{'Wrote' if written else 'Already up to date:'} {_shown(target)}\n"
                     "A map in this folder reads it with this first line (cjm init writes it):\n"
                     f"  {modeline(Path.cwd() / 'journey.cjm.yaml', target)}\n")
    return EXIT_OK


def _shown(path: Path) -> str:
    """`path` relative to the current folder when it is below it."""
    absolute = Path(os.path.abspath(path))
    try:
        return visible(str(absolute.relative_to(Path.cwd())))
    except ValueError:
        return visible(str(absolute))
