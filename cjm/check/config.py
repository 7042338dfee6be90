"""Project configuration: `[tool.cjm]` in pyproject.toml, or `.cjm.toml`.

Found by walking up from the map's folder; the nearest folder that has either
wins, and `.cjm.toml` wins over `pyproject.toml` in the same folder. In
`.cjm.toml` the keys may sit at the top level or under `[tool.cjm]`.

    [tool.cjm]
    fail_under = 60
    phases = ["awareness", "trial", "referral"]
    [tool.cjm.rules]
    spectator-phase = "error"
    unrecovered-dip = "off"
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cjm.diagnostic import Severity
from cjm.errors import UserError

KNOWN_KEYS = ("fail_under", "phases", "rules")


class ConfigError(UserError):
    """A config file cjm cannot use; the message names the file."""


@dataclass(frozen=True)
class Config:
    rules: dict[str, Severity] = field(default_factory=dict)
    fail_under: float | None = None
    phases: tuple[str, ...] | None = None
    source: str | None = None


def _toml_load(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib  # type: ignore[no-redef, import-not-found, unused-ignore]
    try:
        with path.open("rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    return data


def _section(path: Path) -> dict[str, Any] | None:
    if path.name == "pyproject.toml" and "cjm" not in _read_text(path):
        return None  # most projects' pyproject has no cjm section: skip the TOML parser
    data = _toml_load(path)
    tool = data.get("tool", {})
    section = tool.get("cjm") if isinstance(tool, dict) else None
    if section is None and path.name == ".cjm.toml":
        section = {k: v for k, v in data.items() if k != "tool"}
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.cjm] must be a table")
    return section


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None


@cache
def find_config(folder: Path) -> Config:
    """The config that applies to maps in `folder` (defaults when none is found)."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in (".cjm.toml", "pyproject.toml"):
            path = candidate / name
            if path.is_file():
                section = _section(path)
                if section is not None:
                    return parse_config(section, str(path))
    return Config()


def parse_config(section: dict[str, Any], source: str) -> Config:
    """Check and convert a `[tool.cjm]` table."""
    from cjm.rules import RULES, STRUCTURAL

    for key in section:
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{source}: unknown key '{key}' in [tool.cjm]; "
                              f"known keys: {', '.join(KNOWN_KEYS)}")
    rules: dict[str, Severity] = {}
    raw_rules = section.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise ConfigError(f"{source}: [tool.cjm.rules] must be a table of rule = \"severity\"")
    for rule, level in raw_rules.items():
        if rule not in RULES:
            raise ConfigError(f"{source}: unknown rule '{rule}'; run `cjm rules` for the list")
        if rule in STRUCTURAL:
            raise ConfigError(f"{source}: '{rule}' is a structural rule and is always an error")
        try:
            rules[rule] = Severity.parse(str(level))
        except ValueError as exc:
            raise ConfigError(f"{source}: rule '{rule}': {exc}") from None
    return Config(rules, _fail_under(section, source), _phases(section, source), source)


def _fail_under(section: dict[str, Any], source: str) -> float | None:
    value = section.get("fail_under")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ConfigError(f"{source}: fail_under must be a number from 0 to 100")
    return float(value)


def _phases(section: dict[str, Any], source: str) -> tuple[str, ...] | None:
    value = section.get("phases")
    if value is None:
        return None
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{source}: phases must be a non-empty list of names")
    return tuple(value)
