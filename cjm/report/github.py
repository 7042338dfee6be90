"""`--format github`: GitHub Actions workflow commands, so findings show on the pull request.

Each finding becomes an annotation on the pull request's diff:

    ::error file=maps/acme.cjm.yaml,line=11,col=9,title=cjm schema::unknown key ...

Errors are `::error`, warnings `::warning`, infos `::notice`; the hint follows the message
after " — ". A valid map that fails (`--strict`, a score under the threshold) gets an error
annotation saying why. A map with no findings prints nothing, and the exit code is the verdict.

GitHub shows at most 10 annotations of each kind per step and drops the rest without a word,
so the annotations come errors first (the failures, then the error findings), then warnings,
then notices, at most `max_annotations` of each kind. When some do not fit, one more `::notice`
says how many findings follow, and they follow as plain log lines,
`file:line:column: severity [rule] message`, in the same order (the notices leave room for
that one).

Escaping follows the runner (actions/runner, ActionCommand.cs): in a command's message `%`,
CR and LF become `%25`, `%0D` and `%0A`; property values also escape `:` and `,`. Plain lines
are not commands: the runner takes a line starting with `::`, or holding the legacy `##[`
anywhere, as one, so a plain line never starts with `::` and shows `##[` as `##\\x5b`. Other
control characters are shown as escapes, so a map's text cannot write into the runner's log.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import TextIO

from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.records import record
from cjm.report import MAX_ANNOTATIONS
from cjm.safe import visible

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
HINT_SEPARATOR = " — "
"""What GitHub shows of each kind of annotation (error, warning, notice) per step."""


def escape_data(text: str) -> str:
    """Escape a command's message (the part after `::`); other control characters are made
    visible, so a map's text cannot write into the runner's log."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value such as `file=` or `title=`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def annotation(path: str, d: Diagnostic) -> str:
    """The workflow command for one diagnostic, without a line ending."""
    return command(COMMANDS.get(d.severity, "notice"), {
        "file": PurePath(path).as_posix(), "line": str(max(1, d.line)), "col": str(max(1, d.column)),
        "title": f"cjm {d.rule}"}, _with_hint(d))


def failure(path: str, reasons: str) -> str:
    """An error annotation on the file for a map that fails without an error of its own
    (`--strict`, or a score under the threshold), so the pull request says why."""
    return command("error", {"file": PurePath(path).as_posix(), "title": "cjm: the map fails"},
                   f"fails: {reasons}")


def plain_line(text: str) -> str:
    """A line of the log that the runner does not take for a workflow command."""
    text = visible(text).replace("##[", "##\\x5b")
    return f"./{text}" if text.lstrip().startswith("::") else text


@record(hashable=True)
class Entry:
    """One thing to report: a finding of a map, or (no diagnostic) why a valid map fails."""

    path: str
    diagnostic: Diagnostic | None = None
    reasons: str = ""

    @property
    def severity(self) -> Severity:
        return self.diagnostic.severity if self.diagnostic else Severity.ERROR

    def annotation(self) -> str:
        d = self.diagnostic
        return annotation(self.path, d) if d else failure(self.path, self.reasons)

    def plain(self) -> str:
        d = self.diagnostic
        if d is None:
            return plain_line(f"{self.path}: fails: {self.reasons}")
        return plain_line(f"{self.path}:{d.line}:{d.column}: {d.severity.value} [{d.rule}] {_with_hint(d)}")


class _Kind:
    """The entries of one kind (severity) as they come: the first `room` kept, to be annotations,
    the rest kept as their plain lines (all that is kept of the results until the end)."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.first: list[Entry] = []
        self.more: list[str] = []

    def add(self, entry: Entry) -> None:
        if len(self.first) < self.room:
            self.first.append(entry)
        else:
            self.more.append(entry.plain())

    def count(self) -> int:
        return len(self.first) + len(self.more)

    def split(self, room: int) -> tuple[list[str], list[str]]:
        """The annotations (at most `room`) and the plain lines."""
        return ([entry.annotation() for entry in self.first[:room]],
                [entry.plain() for entry in self.first[room:]] + self.more)


def report(results: Iterable[FileResult], stream: TextIO, max_annotations: int = MAX_ANNOTATIONS) -> None:
    """Annotations, errors first (the failures of valid maps, then the error findings, in file
    order), at most `max_annotations` (at least 1) of each kind; then a notice and the rest as plain
    lines, in the same order."""
    failures: list[Entry] = []
    kinds = {severity: _Kind(max_annotations) for severity in COMMANDS}
    for result in results:
        if result.failed and result.valid:
            failures.append(Entry(result.path, reasons=result.why_failed_text))
        for d in result.diagnostics:
            kinds[d.severity].add(Entry(result.path, d))
    kinds[Severity.ERROR].first[:0] = failures
    room = dict.fromkeys(COMMANDS, max_annotations)
    if any(kind.count() > max_annotations for kind in kinds.values()):
        room[Severity.INFO] = max_annotations - 1  # for the notice that says where the rest are
    split = [kind.split(room[severity]) for severity, kind in kinds.items()]
    rest = [line for _, plain in split for line in plain]
    stream.writelines(line + "\n" for annotations, _ in split for line in annotations)
    if rest:
        stream.write(more_in_the_log(len(rest), max_annotations) + "\n")
        stream.writelines(line + "\n" for line in rest)


def more_in_the_log(count: int, max_annotations: int) -> str:
    more = f"{count:,} more finding{'s' if count != 1 else ''}"
    return command("notice", {"title": f"cjm: {more} in the log"},
                   f"GitHub shows {max_annotations} annotations of each kind per step: {more} "
                   f"{'are' if count != 1 else 'is'} listed in the log of this step, after this notice")


def _with_hint(d: Diagnostic) -> str:
    return d.message if not d.hint else f"{d.message}{HINT_SEPARATOR}{d.hint}"
