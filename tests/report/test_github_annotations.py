"""`--format github` as the runner reads it (tests/report/workflow_commands.py): errors first,
at most 10 annotations of each kind per step, then one notice and the rest in the log; the job
summary in GITHUB_STEP_SUMMARY."""

from __future__ import annotations

import io
import json
import os
from collections import Counter
from pathlib import Path

import pytest

from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic, Severity
from cjm.report import github
from tests.harness import REPO, cjm
from tests.report.workflow_commands import Command, read_step

NEEDS_WORK = "sample_maps/needs-work"
"""Seven valid maps that show a problem each (run from the repository root, the harness's default)."""


def finding(n: int, severity: Severity = Severity.WARNING, rule: str = "missing-step",
            message: str | None = None) -> Diagnostic:
    return Diagnostic(rule, severity, message or f"finding {n}", line=n, column=3)


def report(results: list[FileResult], max_annotations: int = github.MAX_ANNOTATIONS) -> str:
    stream = io.StringIO()
    github.report(results, stream, max_annotations)
    return stream.getvalue()


def kinds(commands: list[Command]) -> Counter[str]:
    return Counter(command.name for command in commands)


def test_46_warnings_give_10_annotations_a_notice_and_36_lines_in_the_log() -> None:
    results = [FileResult(f"maps/m{m}.cjm.yaml", [finding(10 * m + n + 1) for n in range(7 if m else 4)])
               for m in range(7)]
    assert sum(len(r.diagnostics) for r in results) == 46
    step = read_step(report(results))
    assert kinds(step.annotations) == {"warning": 10, "notice": 1}
    assert step.other_commands == []
    notice = step.annotations[-1]
    assert notice.properties["title"] == "cjm: 36 more findings in the log"
    assert "36 more findings are listed in the log of this step" in notice.data
    assert len(step.log) == 36
    assert step.log[0] == "maps/m1.cjm.yaml:17:3: warning [missing-step] finding 17"
    shown = [(c.properties["file"], int(c.properties["line"])) for c in step.annotations[:10]]
    logged = [(line.split(":")[0], int(line.split(":")[1])) for line in step.log]
    assert shown + logged == [(r.path, d.line) for r in results for d in r.diagnostics]  # file order


def test_errors_come_first_and_each_kind_is_capped() -> None:
    mixed = ([finding(n, Severity.INFO, "no-steps") for n in range(4)]
             + [finding(n, Severity.WARNING) for n in range(30)]
             + [finding(n, Severity.ERROR, "schema") for n in range(12)])
    step = read_step(report([FileResult("m.cjm.yaml", mixed)]))
    order = [c.name for c in step.annotations]
    assert order == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 4 + ["notice"]
    assert [line.split(" ")[1] for line in step.log] == ["error"] * 2 + ["warning"] * 20


def test_the_notices_leave_room_for_the_one_about_the_log() -> None:
    step = read_step(report([FileResult("m.cjm.yaml", [finding(n, Severity.INFO) for n in range(15)])]))
    assert kinds(step.annotations) == {"notice": 10}
    assert step.annotations[-1].properties["title"] == "cjm: 6 more findings in the log"
    assert len(step.log) == 6


def test_findings_that_fit_give_no_notice() -> None:
    step = read_step(report([FileResult("m.cjm.yaml", [finding(n, s) for n in range(10) for s in Severity
                                                       if s is not Severity.OFF])]))
    assert kinds(step.annotations) == {"error": 10, "warning": 10, "notice": 10}
    assert step.log == []


def test_a_failing_valid_map_keeps_its_annotation_whatever_else_there_is() -> None:
    broken = FileResult("a.cjm.yaml", [finding(n, Severity.ERROR, "schema") for n in range(20)])
    strict = FileResult("b.cjm.yaml", [finding(1)]).judged(strict=True)
    step = read_step(report([broken, strict], max_annotations=3))
    assert step.annotations[0] == Command("error", {"file": "b.cjm.yaml", "title": "cjm: the map fails"},
                                          "fails: 1 warning under --strict")
    assert kinds(step.annotations) == {"error": 3, "warning": 1, "notice": 1}
    assert len(step.log) == 18


HOSTILE = ["##[error]a fake error", "::error::another", "##[stop-commands]tok", "50% done\r\nnext",
           "##[set-output name=x]y", "\x1b[2J cleared"]


@pytest.mark.parametrize("text", HOSTILE)
def test_map_text_in_the_log_never_becomes_a_command(text: str) -> None:
    findings = [finding(n, message=f"'{text}' is odd") for n in range(12)]
    step = read_step(report([FileResult(f"::{text}.cjm.yaml", findings)], max_annotations=1))
    assert kinds(step.annotations) == {"warning": 1, "notice": 1} and step.other_commands == []
    assert len(step.log) == 11
    shown = text.replace("\x1b", "\\x1b")  # exact, but a control character is shown as an escape
    assert step.annotations[0].data == f"'{shown}' is odd"
    assert step.annotations[0].properties["file"] == f"::{shown}.cjm.yaml"
    assert all(line.startswith("./::") for line in step.log)


def test_validate_format_github_end_to_end(tmp_path: Path) -> None:
    """The needs-work samples under --strict: 6 failing maps, 26 warnings and 2 infos."""
    done = cjm("validate", "--strict", "--format", "github", "--max-annotations", "4", NEEDS_WORK,
               env={"GITHUB_STEP_SUMMARY": None})
    assert done.returncode == 1
    step = read_step(done.stdout)
    assert kinds(step.annotations) == {"error": 4, "warning": 4, "notice": 3}
    report_json = json.loads(cjm("validate", "--strict", "--format", "json", NEEDS_WORK).stdout)
    total = sum(len(f["diagnostics"]) for f in report_json["files"]) + report_json["summary"]["failed"]
    assert len(step.annotations) - 1 + len(step.log) == total
    assert not (tmp_path / "summary.md").exists()


@pytest.mark.parametrize("value", ["0", "-3", "ten", "2.5"])
def test_max_annotations_is_a_whole_number_of_at_least_one(value: str) -> None:
    done = cjm("validate", "--format", "github", "--max-annotations", value, NEEDS_WORK)
    assert done.returncode == 2
    assert done.stderr.startswith("cjm: error: ") and "--max-annotations" in done.stderr


# --- the job summary ---------------------------------------------------------------------------

def test_the_summary_is_appended_to_the_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "step_summary.md"
    summary.write_text("## An earlier step's summary\n\n", "utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    first = cjm("validate", "--format", "github", "--fail-under", "60", NEEDS_WORK, env=env)
    assert first.returncode == 1
    text = summary.read_text("utf-8")
    assert text.startswith("## An earlier step's summary\n\n### cjm validate: 7 maps checked, 4 failed\n")
    assert ("| sample\\_maps/needs-work/gaps-and-order.cjm.yaml | 48.5 | 70.0 | 68.8 | 0 | 3 | 0 | ✗ fails |"
            in text)
    assert "| sample\\_maps/needs-work/untagged-workshop.cjm.yaml | not scored | – | 50.0 |" in text
    assert ("- sample\\_maps/needs-work/gaps-and-order.cjm.yaml: score 48.5 is below --fail-under 60"
            in text)
    assert "| placeholder-text | warning | 9 |" in text
    cjm("validate", "--format", "github", REPO / "sample_maps" / "retail-store-visit.cjm.yaml", env=env)
    again = summary.read_text("utf-8")
    assert again.startswith(text) and again.endswith("all pass\n\n" + again.split("all pass\n\n", 1)[1])
    assert "No findings." in again[len(text):]


def test_other_formats_write_no_summary(tmp_path: Path) -> None:
    summary = tmp_path / "step_summary.md"
    for fmt in ("text", "json", "sarif"):
        cjm("validate", "--format", fmt, NEEDS_WORK, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


def test_a_summary_that_cannot_be_written_is_a_warning(tmp_path: Path) -> None:
    done = cjm("validate", "--format", "github", REPO / "sample_maps" / "retail-store-visit.cjm.yaml",
               env={"GITHUB_STEP_SUMMARY": str(tmp_path)})
    assert done.returncode == 0 and done.stdout == ""
    assert done.stderr.startswith(f"cjm: warning: cannot add the job summary to {tmp_path} (")


def test_file_names_cannot_add_markdown_to_the_summary() -> None:
    from cjm.report.github_summary import md

    name = "[click](http://x)|<img src=x>*_`.cjm.yaml"
    assert md(name) == "\\[click\\]\\(http://x\\)\\|\\<img src=x\\>\\*\\_\\`.cjm.yaml"
    assert os.linesep not in md("a\nb")
