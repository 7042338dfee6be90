"""The Jinja environment: a layered loader, autoescape on, strict undefined.

As mkdocs' theme loader does, the user's template folder comes first and the
built-in templates fill the gaps, so a team can restyle one partial (say
`legend.html.j2` or `styles.css`) and keep the rest. The built-in templates
are the top-level `templates/` folder, found by cjm.resources wherever cjm
runs from (an installed wheel carries it inside the package).

Compiled templates are kept in the user's cache folder
(`$XDG_CACHE_HOME/cjm` or `~/.cache/cjm`), in a folder named after the cjm
and Jinja versions; Jinja keys each file by the template's name and checks
the checksum of its text, so an edited template compiles afresh. A cache
folder that cannot be made, read or written is passed over silently: the
templates compile in memory as without a cache.
"""

from __future__ import annotations

import contextlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    FunctionLoader,
    StrictUndefined,
)
from jinja2.bccache import Bucket
from jinja2.loaders import split_template_path

from cjm import __version__
from cjm.resources import TEMPLATES, data_dir, user_cache

BUILTIN_PREFIX = "<cjm built-in templates>"


def builtin_source(name: str) -> tuple[str, str, None] | None:
    """The text of built-in template `name` and a filename for tracebacks."""
    folder = data_dir(TEMPLATES)
    if folder is None:
        return None
    resource = folder.joinpath(*split_template_path(name))
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), f"{BUILTIN_PREFIX}/{name}", None


class _TolerantCache(FileSystemBytecodeCache):
    """Jinja's file cache, but a file it cannot read or write is a cache miss, not an error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable or damaged (OSError, UnpicklingError, EOFError...): a miss
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_dir() -> Path:
    """Where compiled templates go: `$XDG_CACHE_HOME/cjm/templates-VERSIONS` or `~/.cache/cjm/...`."""
    import jinja2

    return user_cache() / f"templates-{__version__}-jinja{jinja2.__version__}"


def template_cache() -> FileSystemBytecodeCache | None:
    """The bytecode cache, or None when its folder cannot be made."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _TolerantCache(str(folder))


class _PageEnvironment(Environment):
    """Jinja's environment, reading `card.title` on a mapping by its key first.

    Jinja reads an attribute first and the key only after that attribute is missing, which raises
    and catches an AttributeError on every `.name` of a dict: most of the time a large map's page
    takes. The page's values are dicts with plain keys (none named like a dict method), so reading
    the key first gives the same page; anything else is read as Jinja reads it."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_environment(template_dir: Path | None = None) -> Environment:
    """An environment that loads from `template_dir` first, then the built-ins.

    Autoescape is on for every template whatever its name (`.j2`, `.css`):
    everything a map holds is text, never markup.
    """
    loaders: list[BaseLoader] = []
    if template_dir is not None:
        loaders.append(FileSystemLoader(str(template_dir)))
    loaders.append(FunctionLoader(builtin_source))
    return _PageEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=template_cache(),
    )


@lru_cache(maxsize=8)
def shared_environment(template_dir: Path | None = None) -> Environment:
    """One environment per template folder, so templates compile once per process.

    Jinja still reloads a user template whose file changed (`cjm preview`).
    """
    return make_environment(template_dir)
