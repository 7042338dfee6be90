"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning (`upload-sarif`).

One run, the tool `cjm` with every rule of the registry (its docstring, read
by cjm.rules.docs, is the rule's help), and one result per finding. Paths are kept as given,
relative to `%SRCROOT%` (the repository root on GitHub), so run
`cjm validate` from the root. Columns count Unicode code points. Each result
has a partial fingerprint, a hash of rule, path and message that does not
move when lines are added above a finding, so GitHub keeps tracking an alert.
The output is deterministic: the same maps give the same bytes.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.safe import dump_json

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "cjmFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note",
          Severity.OFF: "none"}
HINT_SEPARATOR = " — "


def report(results: Sequence[FileResult], stream: TextIO) -> None:
    dump_json(document(results), stream)


def document(results: Sequence[FileResult]) -> dict[str, Any]:
    """The whole SARIF log as plain data."""
    from cjm.rules import RULES

    rule_index = {rule: i for i, rule in enumerate(RULES)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver()},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {SRCROOT: {"description": {
                "text": "The folder cjm was run from, normally the repository root."}}},
            "results": list(_results(results, rule_index)),
            "invocations": [invocation(results)],
        }],
    }


def invocation(results: Sequence[FileResult]) -> dict[str, Any]:
    """Whether the run passed, and a notification per map that fails without an error of its own
    (`--strict`, or a score under the threshold), so code scanning says why too."""
    notes = [{"level": "error", "message": {"text": f"fails: {r.why_failed_text}"},
              "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}]}
             for r in results if r.failed and r.valid]
    entry: dict[str, Any] = {"executionSuccessful": not any(r.failed for r in results)}
    if notes:
        entry["toolExecutionNotifications"] = notes
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
        "name": "".join(part.capitalize() for part in rule.split("-")),
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": "\n\n".join(filter(None, (doc.summary, doc.prose)))},
        "help": {"text": doc.text().rstrip("\n"), "markdown": doc.markdown().rstrip("\n")},
        "defaultConfiguration": {"level": LEVELS[default_severity(rule)]},
    }


def _results(results: Sequence[FileResult], rule_index: dict[str, int]) -> list[dict[str, Any]]:
    out = []
    for file_result in results:
        seen: Counter[tuple[str, str]] = Counter()
        for d in file_result.diagnostics:
            occurrence = seen[(d.rule, d.message)]
            seen[(d.rule, d.message)] += 1
            out.append(result(file_result.path, d, rule_index, occurrence))
    return out


def result(path: str, d: Diagnostic, rule_index: dict[str, int], occurrence: int = 0) -> dict[str, Any]:
    """One finding; `occurrence` tells apart findings with the same rule and message."""
    entry: dict[str, Any] = {"ruleId": d.rule}
    if d.rule in rule_index:
        entry["ruleIndex"] = rule_index[d.rule]
    text = d.message if not d.hint else f"{d.message}{HINT_SEPARATOR}{d.hint}"
    entry["level"] = LEVELS.get(d.severity, "warning")
    entry["message"] = {"text": text}
    entry["locations"] = [{"physicalLocation": {
        "artifactLocation": artifact_location(path),
        "region": {"startLine": max(1, d.line), "startColumn": max(1, d.column)},
    }}]
    entry["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(path, d, occurrence)}
    return entry


def artifact_location(path: str) -> dict[str, str]:
    """A relative path as a URI under %SRCROOT%; an absolute one as a file URI."""
    pure = PurePath(path)
    raw = os.fsencode(pure.as_posix())  # the file name's own bytes, UTF-8 or not
    if pure.is_absolute():
        return {"uri": "file://" + quote(raw, safe="/")}
    return {"uri": quote(raw, safe="/"), "uriBaseId": SRCROOT}


def fingerprint(path: str, d: Diagnostic, occurrence: int = 0) -> str:
    """A stable hash of rule, path and message (and the repeat count)."""
    key = "\0".join((d.rule, PurePath(path).as_posix(), d.message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
