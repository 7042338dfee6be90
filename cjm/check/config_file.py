"""Read a config file's TOML safely: every fault is a ConfigError with the file and the place.

Python's TOML reader turns some inputs into crashes rather than errors: a
number of thousands of digits (ValueError), arrays or tables nested
thousands deep (RecursionError), bytes that are not UTF-8. Those are found
first and named at their line and column; a byte-order mark is named too.
"""

from __future__ import annotations

import codecs
import re
import sys

from cjm.errors import UserError

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from os import PathLike
    from typing import Any

    FilePath = str | PathLike[str]

MAX_CONFIG_BYTES = 1024 * 1024
MAX_NESTING = 100
LONG_NUMBER = re.compile(r"[0-9_]{4301,}")


class ConfigError(UserError):
    """A config file cjm cannot use; the message names the file."""


def read_toml_text(path: FilePath) -> str:
    """The file as text (UTF-8, no BOM, at most 1 MiB); raises ConfigError."""
    from cjm.loader.read import UnreadableFile, read_bounded

    try:
        raw, size = read_bounded(path, MAX_CONFIG_BYTES)
    except UnreadableFile as exc:
        raise ConfigError(f"{exc} (a config file)") from None
    if size is not None:
        raise ConfigError(f"{path}: the config file is {size:,} bytes; cjm reads config files of up to "
                          f"{MAX_CONFIG_BYTES:,} bytes")
    if raw.startswith(codecs.BOM_UTF8):
        raise ConfigError(f"{path}: line 1, column 1: the file starts with a byte-order mark (BOM), which "
                          "TOML does not allow: save it as UTF-8 without BOM")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError(f"{path}: line {line}, column {column}: byte 0x{raw[exc.start]:02x} is not UTF-8 "
                          "text; save the file as UTF-8") from None


def parse_toml(text: str, path: FilePath) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib  # type: ignore[no-redef, import-not-found, unused-ignore]
    _refuse_what_crashes_the_parser(text, path)
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    except (ValueError, RecursionError) as exc:  # anything the scan below did not foresee
        raise ConfigError(f"{path}: cannot read config: {type(exc).__name__}") from None
    return data


def _where(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    return f"line {line}, column {index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def _refuse_what_crashes_the_parser(text: str, path: FilePath) -> None:
    long = LONG_NUMBER.search(text)
    if long:
        raise ConfigError(f"{path}: {_where(text, long.start())}: a number of {len(long.group()):,} digits; "
                          "cjm reads numbers of up to 4,300 digits")
    depth = 0
    quote = ""
    for index, char in enumerate(text):
        if quote:
            if char == quote or char == "\n":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            quote = "\n"  # a comment runs to the end of the line
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise ConfigError(f"{path}: {_where(text, index)}: the config nests deeper than "
                                  f"{MAX_NESTING} levels")
        elif char in "]}":
            depth = max(0, depth - 1)
