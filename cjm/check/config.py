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
    long-message = { severity = "warning", max_words = 6 }

A rule's value is a severity, or a table of `severity` (optional) and the
rule's options. Unknown keys, rules and options, and values of the wrong
type, are errors that name the file and suggest the closest known name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache

from cjm.check.config_file import ConfigError, parse_toml, read_toml_text
from cjm.diagnostic import Severity
from cjm.records import field, record

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

KNOWN_KEYS = ("fail_under", "phases", "rules")


@record(hashable=True)
class Config:
    rules: dict[str, Severity] = field(factory=dict)
    fail_under: float | None = None
    phases: tuple[str, ...] | None = None
    source: str | None = None
    options: dict[str, dict[str, Any]] = field(factory=dict)
    """Per rule, the options the config sets (the rule's defaults fill the rest)."""


def _section(path: str) -> dict[str, Any] | None:
    name = os.path.basename(path)
    text = read_toml_text(path)
    if name == "pyproject.toml" and "cjm" not in text:
        return None  # most projects' pyproject has no cjm section: skip the TOML parser
    data = parse_toml(text, path)
    tool = data.get("tool", {})
    section = tool.get("cjm") if isinstance(tool, dict) else None
    if section is None and name == ".cjm.toml":
        section = {k: v for k, v in data.items() if k != "tool"}
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.cjm] must be a table")
    return section


@cache
def find_config(folder: str | os.PathLike[str]) -> Config:
    """The config that applies to maps in `folder` (defaults when none is found)."""
    candidate = os.path.realpath(folder)
    while True:
        for name in (".cjm.toml", "pyproject.toml"):
            path = os.path.join(candidate, name)
            if os.path.isfile(path):
                section = _section(path)
                if section is not None:
                    return parse_config(section, path)
        parent = os.path.dirname(candidate)
        if parent == candidate:
            return Config()
        candidate = parent


def parse_config(section: dict[str, Any], source: str) -> Config:
    """Check and convert a `[tool.cjm]` table."""
    for key in section:
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{source}: unknown key '{key}' in [tool.cjm]{_did_you_mean(key, KNOWN_KEYS)}; "
                              f"known keys: {', '.join(KNOWN_KEYS)}")
    raw_rules = section.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise ConfigError(f"{source}: [tool.cjm.rules] must be a table of rule = \"severity\"")
    rules: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {}
    for rule, value in raw_rules.items():
        severity, rule_options = _rule(str(rule), value, source)
        if severity is not None:
            rules[rule] = severity
        if rule_options:
            options[rule] = rule_options
    return Config(rules, _fail_under(section, source), _phases(section, source), source, options)


def _rule(rule: str, value: Any, source: str) -> tuple[Severity | None, dict[str, Any]]:
    """A rule's severity and options, from `rule = "level"` or `rule = { severity = ..., option = ... }`."""
    from cjm.rules import RULES, STRUCTURAL, default_options

    if rule not in RULES:
        raise ConfigError(f"{source}: unknown rule '{rule}'{_did_you_mean(rule, RULES)}; "
                          "run `cjm rules` for the list")
    if rule in STRUCTURAL:
        raise ConfigError(f"{source}: '{rule}' is a structural rule and is always an error")
    table = value if isinstance(value, dict) else {"severity": value}
    severity = None
    if "severity" in table:
        try:
            severity = Severity.parse(str(table["severity"]))
        except ValueError as exc:
            raise ConfigError(f"{source}: rule '{rule}': {exc}") from None
    known = default_options(rule)
    options: dict[str, Any] = {}
    for name, option in table.items():
        if name == "severity":
            continue
        if name not in known:
            takes = (f"it takes: severity, {', '.join(known)}" if known
                     else "it takes only `severity`")
            raise ConfigError(f"{source}: rule '{rule}' has no option '{name}'"
                              f"{_did_you_mean(name, ['severity', *known])}; {takes}")
        options[name] = _option(rule, name, option, known[name], source)
    return severity, options


def _option(rule: str, name: str, value: Any, default: Any, source: str) -> Any:
    """`value` when it has the type of the option's default (whole numbers: 1 or more)."""
    if isinstance(default, int) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{source}: rule '{rule}': {name} must be a whole number of 1 or more, "
                              f"not {value!r}")
        return value
    if not isinstance(value, type(default)):
        raise ConfigError(f"{source}: rule '{rule}': {name} must be {type(default).__name__}, not {value!r}")
    return value


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    from cjm.diagnostic import did_you_mean

    return did_you_mean(word, choices)


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
