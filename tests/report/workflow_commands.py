"""How the GitHub Actions runner reads each line a step prints, for the tests.

A port of actions/runner's `ActionCommandManager.TryProcessCommand`, which tries
`ActionCommand.TryParseV2` (`::name props::data`, at the start of the line once leading
whitespace is trimmed) and then the legacy `ActionCommand.TryParse` (`##[name props]data`,
found anywhere in the line), with the registered command names and the unescaping of
src/Runner.Common/ActionCommand.cs. Command names and property keys are compared ignoring case,
as the runner does, so the tests are at least as strict as the real thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REGISTERED = frozenset({
    "set-env", "set-output", "save-state", "add-mask", "add-path", "add-matcher", "remove-matcher",
    "debug", "warning", "error", "notice", "group", "endgroup", "echo", "stop-commands",
})
"""The command extensions the runner registers, and `stop-commands`."""
ANNOTATIONS = ("error", "warning", "notice")

_DATA = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_PROPERTY = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))
_LEGACY = (("%25", "%"), ("%3B", ";"), ("%0D", "\r"), ("%0A", "\n"), ("%5D", "]"))


@dataclass(frozen=True)
class Command:
    name: str
    properties: dict[str, str] = field(default_factory=dict)
    data: str = ""


def _unescape(text: str, mappings: tuple[tuple[str, str], ...]) -> str:
    for escaped, raw in mappings:
        text = text.replace(escaped, raw)
    return text


def _properties(text: str, separator: str, mappings: tuple[tuple[str, str], ...]) -> dict[str, str]:
    found = {}
    for item in filter(None, text.split(separator)):
        pair = [part for part in item.split("=", 1) if part]  # Split(count: 2, RemoveEmptyEntries)
        if len(pair) == 2:
            found[pair[0].lower()] = _unescape(pair[1], mappings)
    return found


def parse_v2(line: str) -> Command | None:
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    name, _, props = info.partition(" ")
    if name.lower() not in REGISTERED:
        return None
    properties = _properties(props.strip(), ",", _PROPERTY)
    return Command(name.lower(), properties, _unescape(message[end + 2:], _DATA))


def parse_v1(line: str) -> Command | None:
    prefix = line.find("##[")
    if prefix < 0:
        return None
    closing = line.find("]", prefix)
    if closing < 0:
        return None
    name, _, props = line[prefix + 3: closing].partition(" ")
    if name.lower() not in REGISTERED:
        return None
    return Command(name.lower(), _properties(props, ";", _LEGACY), _unescape(line[closing + 1:], _LEGACY))


def parse(line: str) -> Command | None:
    """The command the runner runs for `line`, or None when it only shows the line in the log."""
    return parse_v2(line) or parse_v1(line)


@dataclass
class StepLog:
    """What a step's output becomes on GitHub: annotations, and the lines shown in the log."""

    annotations: list[Command]
    other_commands: list[Command]
    log: list[str]


def read_step(output: str) -> StepLog:
    step = StepLog([], [], [])
    for line in output.splitlines():
        command = parse(line)
        if command is None:
            step.log.append(line)
        elif command.name in ANNOTATIONS:
            step.annotations.append(command)
        else:
            step.other_commands.append(command)
    return step


def unescape_data(text: str) -> str:
    return _unescape(text, _DATA)


def unescape_property(text: str) -> str:
    return _unescape(text, _PROPERTY)
