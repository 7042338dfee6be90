"""`--format github`: GitHub Actions workflow commands, one line per finding.

Each finding becomes an annotation on the pull request's diff:

    ::error file=maps/acme.cjm.yaml,line=11,col=9,title=cjm schema::unknown key ...

Errors are `::error`, warnings `::warning`, infos `::notice`. The hint
follows the message after " — ". Every line of the output is a workflow
command and nothing else: no summary line, so a map with no findings prints
nothing (as ruff and other linters do) and the exit code tells the verdict.
A summary `::notice` would add an annotation to every run, which is noise.

Escaping follows the runner's rules: in the message `%`, CR and LF become
`%25`, `%0D` and `%0A`; property values also escape `:` and `,`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import TextIO

from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.safe import visible

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
HINT_SEPARATOR = " — "


def escape_data(text: str) -> str:
    """Escape a command's message (the part after `::`); other control characters are made
    visible, so a map's text cannot write into the runner's log."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value such as `file=` or `title=`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, d: Diagnostic) -> str:
    """The workflow command for one diagnostic, without a line ending."""
    command = COMMANDS.get(d.severity, "notice")
    properties = {
        "file": PurePath(path).as_posix(),
        "line": str(max(1, d.line)),
        "col": str(max(1, d.column)),
        "title": f"cjm {d.rule}",
    }
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = d.message if not d.hint else f"{d.message}{HINT_SEPARATOR}{d.hint}"
    return f"::{command} {props}::{escape_data(message)}"


def failure(path: str, reasons: str) -> str:
    """An error annotation on the file for a map that fails without an error of its own
    (`--strict`, or a score under the threshold), so the pull request says why."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in
                     (("file", PurePath(path).as_posix()), ("title", "cjm: the map fails")))
    return f"::error {props}::{escape_data('fails: ' + reasons)}"


def report(results: Sequence[FileResult], stream: TextIO) -> None:
    for result in results:
        for diagnostic in result.diagnostics:
            stream.write(annotation(result.path, diagnostic) + "\n")
        if result.failed and result.valid:
            stream.write(failure(result.path, result.why_failed_text) + "\n")
