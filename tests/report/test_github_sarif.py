"""The GitHub and SARIF reporters on their own: escaping, levels, paths, fingerprints."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cjm.check.engine import check_text
from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.report import github, sarif
from cjm.rules import RULES
from cjm.safe import visible
from tests.report.workflow_commands import unescape_data, unescape_property


def diagnostic(severity: Severity = Severity.ERROR, message: str = "broken", hint: str | None = None,
               rule: str = "schema", line: int = 3, column: int = 5) -> Diagnostic:
    return Diagnostic(rule, severity, message, line, column, hint=hint)


def github_output(results: list[FileResult]) -> str:
    stream = io.StringIO()
    github.report(results, stream)
    return stream.getvalue()


def sarif_log(results: list[FileResult]) -> dict[str, Any]:
    stream = io.StringIO()
    sarif.report(results, stream)
    log: dict[str, Any] = json.loads(stream.getvalue())
    return log


# --- github -------------------------------------------------------------------------------------

def test_github_annotation_shape() -> None:
    line = github.annotation("maps/acme.cjm.yaml", diagnostic(hint="use -2..2"))
    assert line == "::error file=maps/acme.cjm.yaml,line=3,col=5,title=cjm schema::broken — use -2..2"


def test_github_levels() -> None:
    commands = [github.annotation("m.cjm.yaml", diagnostic(s)).split(" ")[0]
                for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    assert commands == ["::error", "::warning", "::notice"]


def test_github_escapes_message_and_properties() -> None:
    d = diagnostic(message="50% done\r\nnext: a, b")
    line = github.annotation("maps/a,b:c.cjm.yaml", d)
    assert line == ("::error file=maps/a%2Cb%3Ac.cjm.yaml,line=3,col=5,title=cjm schema"
                    "::50%25 done%0D%0Anext: a, b")
    assert "\n" not in line and "\r" not in line


def test_github_one_line_per_diagnostic_and_no_summary() -> None:
    result = FileResult("m.cjm.yaml", [diagnostic(), diagnostic(Severity.WARNING, "second\nline")])
    assert github_output([result]).splitlines() == [
        "::error file=m.cjm.yaml,line=3,col=5,title=cjm schema::broken",
        "::warning file=m.cjm.yaml,line=3,col=5,title=cjm schema::second%0Aline",
    ]
    assert github_output([FileResult("ok.cjm.yaml", [])]) == ""


def test_github_positions_are_at_least_one() -> None:
    line = github.annotation("m.cjm.yaml", diagnostic(line=0, column=0))
    assert ",line=1,col=1," in line


PLAIN = st.text().filter(lambda text: visible(text.replace("\r", "").replace("\n", "")) ==
                         text.replace("\r", "").replace("\n", ""))
"""Text without control characters other than line breaks."""


@given(PLAIN)
def test_github_property_escaping_round_trips(text: str) -> None:
    escaped = github.escape_property(text)
    assert not set(escaped) & {"\r", "\n", ":", ","}
    assert unescape_property(escaped) == text


@given(PLAIN)
def test_github_message_escaping_keeps_one_line(text: str) -> None:
    escaped = github.escape_data(text)
    assert "\r" not in escaped and "\n" not in escaped
    assert unescape_data(escaped) == text


@given(st.text())
def test_github_messages_carry_no_control_character(text: str) -> None:
    read_back = unescape_data(github.escape_data(text)).replace("\r", "").replace("\n", "")
    assert visible(read_back) == read_back


def test_github_escaping_keeps_plain_text_exact() -> None:
    text = "trial: 50% of users, then\nmore"
    assert unescape_data(github.escape_data(text)) == text
    assert github.escape_data("a\x1b[2Jb") == "a\\x1b[2Jb"


# --- sarif --------------------------------------------------------------------------------------

def test_sarif_lists_every_rule_with_its_default_level() -> None:
    rules = sarif_log([])["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["schema"] == "error"
    assert levels["missing-step"] == "warning"
    missing_step = rules[list(RULES).index("missing-step")]
    assert missing_step["name"] == "MissingStep"
    assert "```yaml\ncjm: 1\n" in missing_step["help"]["markdown"]
    assert "Fails on" not in missing_step["fullDescription"]["text"]


def test_sarif_result_levels_and_message_with_hint() -> None:
    result = FileResult("m.cjm.yaml", [diagnostic(Severity.INFO, "note this", hint="do that")])
    (entry,) = sarif_log([result])["runs"][0]["results"]
    assert entry["level"] == "note"
    assert entry["message"]["text"] == "note this — do that"
    assert entry["ruleId"] == "schema"


def test_sarif_paths_are_posix_uris_under_srcroot() -> None:
    assert sarif.artifact_location("maps/my map.cjm.yaml") == {
        "uri": "maps/my%20map.cjm.yaml", "uriBaseId": "%SRCROOT%"}
    absolute = sarif.artifact_location("/srv/maps/acme.cjm.yaml")
    assert absolute == {"uri": "file:///srv/maps/acme.cjm.yaml"}


MAP = """\
cjm: 1
title: Acme
phases: [awareness]
stages:
  - phase: awareness
    touchpoints:
      - {id: demo, title: Demo, step: connect}
      - {id: blog, title: Blog, step: inform}
"""


def fingerprints_and_lines(text: str) -> list[tuple[str, int]]:
    results = sarif_log([check_text(text, "maps/acme.cjm.yaml")])["runs"][0]["results"]
    return [(r["partialFingerprints"][sarif.FINGERPRINT_KEY],
             r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results]


def test_sarif_fingerprints_survive_lines_added_above() -> None:
    before = fingerprints_and_lines(MAP)
    after = fingerprints_and_lines("# a new comment\n# and another\n" + MAP)
    assert before and len({f for f, _ in before}) == len(before)
    assert [f for f, _ in after] == [f for f, _ in before]
    assert [line for _, line in after] == [line + 2 for _, line in before]


def test_sarif_fingerprints_tell_repeated_findings_apart() -> None:
    same = [diagnostic(line=3), diagnostic(line=9)]
    results = sarif_log([FileResult("m.cjm.yaml", same)])["runs"][0]["results"]
    assert len({r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results}) == 2


def test_sarif_fingerprint_depends_on_path() -> None:
    d = diagnostic()
    assert sarif.fingerprint("a.cjm.yaml", d) != sarif.fingerprint("b.cjm.yaml", d)
