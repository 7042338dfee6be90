"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning (`upload-sarif`).

One run, the tool `cjm` with every rule of the registry (its docstring, read
by cjm.rules.docs, is the rule's help, in full as text and Markdown: no public
page documents the rules, so there is no `helpUri`), and one result per finding.
Columns count Unicode code points.

Paths are relative to `%SRCROOT%`, the top of the git repository that holds
the map (outside a repository, the folder cjm runs in), whatever folder cjm
runs in and however the map is named (relative or absolute), so they match the
checkout on GitHub; a map outside it is an absolute `file:` URI.

Each result has a partial fingerprint that code scanning uses to follow an alert
from one run to the next (and to keep its dismissal): a hash of the rule, the
map's path from the repository root, the phase and what the finding is about
(Finding.key: the missing steps, a value's path with touchpoints named by id),
and which repeat of those it is. Never the message or the line, which change
when a neighbouring touchpoint is renamed or lines are added above.
The output is deterministic: the same maps give the same bytes.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "cjmFingerprint/v2"
"""v2: made of what a finding is about, not of its message (v1)."""
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note",
          Severity.OFF: "none"}
HINT_SEPARATOR = " — "


def report(results: Iterable[FileResult], stream: TextIO) -> None:
    """The log, each finding written as its map comes (cjm.report.json_stream)."""
    from cjm.report.json_stream import write_json

    write_json(document(results, streamed=True), stream)


def document(results: Iterable[FileResult], streamed: bool = False) -> dict[str, Any]:
    """The whole SARIF log as plain data; `streamed`: with its results as json_stream.Items, read as
    they are written, and its invocation as json_stream.Later, made from what they showed."""
    from cjm.rules import RULES

    rule_index = {rule: i for i, rule in enumerate(RULES)}
    verdicts = _Verdicts()
    found = (entry for file_result in map(verdicts.add, results)
             for entry in _results(file_result, rule_index))
    if streamed:
        from cjm.report.json_stream import Items, Later

        listed: Any = Items(found)
        invocations: Any = Later(lambda: [verdicts.invocation()])
    else:
        listed, invocations = list(found), [verdicts.invocation()]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver()},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {SRCROOT: {"description": {
                "text": "The top of the git repository that holds the maps (outside a repository, the "
                        "folder cjm ran in)."}}},
            "results": listed,
            "invocations": invocations,
        }],
    }


class _Verdicts:
    """What the invocation says of the maps seen: whether any failed, and a notification per map that
    fails without an error of its own (`--strict`, or a score under the threshold), so code scanning
    says why too."""

    def __init__(self) -> None:
        self.failed = False
        self.notes: list[dict[str, Any]] = []

    def add(self, result: FileResult) -> FileResult:
        self.failed = self.failed or result.failed
        if result.failed and result.valid:
            self.notes.append({"level": "error", "message": {"text": f"fails: {result.why_failed_text}"},
                               "locations": [{"physicalLocation": {
                                   "artifactLocation": artifact_location(result.path)}}]})
        return result

    def invocation(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"executionSuccessful": not self.failed}
        if self.notes:
            entry["toolExecutionNotifications"] = self.notes
        return entry


def driver() -> dict[str, Any]:
    """The tool: name, version and every rule cjm knows."""
    import cjm
    from cjm.rules import RULES

    return {
        "name": "cjm",
        "version": cjm.__version__,
        "semanticVersion": cjm.__version__,
        "rules": [rule_descriptor(rule) for rule in RULES],
    }


def rule_descriptor(rule: str) -> dict[str, Any]:
    from cjm.rules import default_severity
    from cjm.rules.docs import rule_doc

    doc = rule_doc(rule)
    return {
        "id": rule,
        "name": rule_name(rule),
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": "\n\n".join(filter(None, (doc.summary, doc.prose)))},
        "help": {"text": doc.text().rstrip("\n"), "markdown": doc.markdown().rstrip("\n")},
        "defaultConfiguration": {"level": LEVELS[default_severity(rule)]},
    }


def rule_name(rule: str) -> str:
    """`missing-step` -> `MissingStep`. SARIF wants a rule's name to differ from its id, ignoring
    case (the SARIF validator's SARIF1001), so a one-word id gets a second word: `SchemaCheck`."""
    name = "".join(part.capitalize() for part in rule.split("-"))
    return name if name.lower() != rule.lower() else f"{name}Check"


def _results(file_result: FileResult, rule_index: dict[str, int]) -> Iterator[dict[str, Any]]:
    """The results of one map's findings."""
    where = artifact(file_result.path)
    seen: Counter[tuple[str, ...]] = Counter()
    for d in file_result.diagnostics:
        what = identity(d)
        yield result(where, d, rule_index, seen[what])
        seen[what] += 1


def identity(d: Diagnostic) -> tuple[str, ...]:
    """What a finding is, for its fingerprint: never its message or line."""
    return d.rule, d.phase or "", d.touchpoint or "", d.key or ""


def result(where: Artifact, d: Diagnostic, rule_index: dict[str, int], occurrence: int = 0) -> dict[str, Any]:
    """One finding in the map `where`; `occurrence` tells apart findings that are the same but
    for their place."""
    entry: dict[str, Any] = {"ruleId": d.rule}
    if d.rule in rule_index:
        entry["ruleIndex"] = rule_index[d.rule]
    text = d.message if not d.hint else f"{d.message}{HINT_SEPARATOR}{d.hint}"
    entry["level"] = LEVELS.get(d.severity, "warning")
    entry["message"] = {"text": text}
    entry["locations"] = [{"physicalLocation": {
        "artifactLocation": where.location,
        "region": {"startLine": max(1, d.line), "startColumn": max(1, d.column)},
    }}]
    entry["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(where.source, d, occurrence)}
    return entry


@dataclass(frozen=True)
class Artifact:
    """A map file as SARIF names it."""

    location: dict[str, str]
    """A URI under %SRCROOT% or, for a map outside it, an absolute file URI."""
    source: str
    """Its path from %SRCROOT% (or, outside it, its absolute path), in POSIX form: what
    fingerprints hash, the same however cjm was given the map."""


def artifact(path: str) -> Artifact:
    """%SRCROOT% is the top of the map's git repository, or else the current folder."""
    from cjm.check.repository import repository_root

    absolute = Path(os.path.abspath(path))  # not resolved: the names the user gave, links and all
    root = repository_root(absolute.parent) or Path(os.path.abspath("."))
    try:
        source = absolute.relative_to(root).as_posix()
    except ValueError:
        return Artifact({"uri": absolute.as_uri()}, absolute.as_posix())
    return Artifact({"uri": quote(os.fsencode(source), safe="/"), "uriBaseId": SRCROOT}, source)


def artifact_location(path: str) -> dict[str, str]:
    return artifact(path).location


def fingerprint(source: str, d: Diagnostic, occurrence: int = 0) -> str:
    """A stable hash of what the finding is (identity), the map's path from the repository root,
    and which repeat of the same finding it is."""
    key = "\0".join((*identity(d), source, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
