"""Run corpus cases through the real `cjm`, bounded, and say what each case gave per command.

Small committed files go in batches (one process per command for up to BATCH files: start-up is most
of the cost); a batch within the limits of one file proves each of its files within them. When a
batch breaks a limit or a rule that holds for any input (exit 3, a traceback, a raw control character
on the terminal, output that does not parse), it is halved and each half run again, until the fault is
pinned on its file. Recipes, where size is the point, always run alone, and only through the JSON formats
of validate and score (their text is plain), render and fmt.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any, NamedTuple

from tests.corpus import COMMANDS, Case
from tests.corpus.checks import html_problems, svg_problems, terminal_problem
from tests.harness import Limits, cjm_bounded

BATCH = 25
LIMITS = Limits(memory_bytes=300 * 2**20, cpu_seconds=5, wall_seconds=60)
"""Per process, so per file: 300 MiB of address space, 5 s of CPU (2.5 times the 2 s a map may take to
validate), and a minute of wall-clock time before it counts as a hang."""


@dataclass
class Observed:
    """What one command gave on one case."""

    exit: int | None = None
    rules: list[str] | None = None
    at: str | None = None
    message: str | None = None
    problems: list[str] = field(default_factory=list)
    over_limits: bool = False
    peak_rss_bytes: int = 0
    cpu_seconds: float = 0.0
    """The most a run with this case used (a batch's figures are an upper bound for each of its files)."""

    def merge(self, other: Observed) -> None:
        for name in ("exit", "rules", "at", "message"):
            if getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))
        self.problems += other.problems
        self.over_limits = self.over_limits or other.over_limits
        self.peak_rss_bytes = max(self.peak_rss_bytes, other.peak_rss_bytes)
        self.cpu_seconds = max(self.cpu_seconds, other.cpu_seconds)


Outcomes = dict[tuple[str, str], Observed]
"""(case name, command) -> what it gave."""

DOES_AT_LEAST = {"score": "validate", "render": "validate", "fmt": "fmt_check"}
"""A command that does all the work of another first (score and render check the map as validate
does; fmt formats it as fmt --check does, then writes it) is not run on a file where that other
command broke a limit: it would break it too, and the limit is the cost of each run."""


def observe(cases: list[Case], folder: Path, workers: int = 2) -> Outcomes:
    """Every command on every case, in `folder` (which gets an empty .cjm.toml, so no configuration
    above it applies)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".cjm.toml").write_text("", "utf-8")
    small = [c for c in cases if not c.recipe]
    batches = [small[i:i + BATCH] for i in range(0, len(small), BATCH)] + [[c] for c in cases if c.recipe]
    outcomes: Outcomes = {}
    with ThreadPoolExecutor(workers) as pool:
        jobs = [pool.submit(_run_batch, batch, folder / f"batch-{n}") for n, batch in enumerate(batches)]
        for job in jobs:
            outcomes.update(job.result())
    return outcomes


def _run_batch(cases: list[Case], folder: Path) -> Outcomes:
    contents = {case.name: case.content() for case in cases}
    for sub in ("maps", "fmt-check", "fmt"):
        (folder / sub).mkdir(parents=True)
        for case in cases:
            (folder / sub / case.file_name).write_bytes(contents[case.name])
    outcomes: Outcomes = {(c.name, command): Observed() for c in cases for command in COMMANDS}
    run = _Runner(folder, contents, outcomes)
    hostile_text = [c for c in cases if not c.recipe]  # a recipe's text is plain: size is its point
    run.each("validate", cases, "maps", ["validate", "--format", "json"], _validate_json)
    run.each("validate", hostile_text, "maps", ["validate"], _terminal)
    run.each("validate", hostile_text, "maps", ["validate", "--format", "github"], _github)
    run.each("validate", hostile_text, "maps", ["validate", "--format", "sarif"], _sarif)
    run.each("score", cases, "maps", ["score", "--format", "json"], _score_json)
    run.each("score", hostile_text, "maps", ["score"], _terminal)
    run.each("render", cases, "maps", ["render", "-o", "out"], _render)
    run.each("fmt_check", cases, "fmt-check", ["fmt", "--check"], _fmt_check)
    run.each("fmt", cases, "fmt", ["fmt"], _fmt)
    formatted = [c for c in cases if (seen := outcomes[c.name, "fmt"]).exit == 0 and not seen.problems]
    run.each("fmt", formatted, "fmt", ["fmt", "--check"], _formatted_again)
    rules = {c.name: outcomes[c.name, "validate"].rules for c in formatted}
    run.each("fmt", formatted, "fmt", ["validate", "--format", "json"], _same_rules(rules))
    shutil.rmtree(folder)
    return outcomes


class Run(NamedTuple):
    """One run of cjm on some cases: what they are (with their original bytes), where, what it gave."""

    cases: list[Case]
    where: Path
    done: subprocess.CompletedProcess[str]
    contents: dict[str, bytes]


Parse = Callable[[Run, dict[str, Observed]], list[str]]
"""Reads a run into an Observed per case name; returns the faults of the run as a whole."""


@dataclass
class _Runner:
    folder: Path
    contents: dict[str, bytes]
    outcomes: Outcomes

    def each(self, command: str, cases: list[Case], sub: str, args: list[str], parse: Parse) -> None:
        """Run `cjm ARGS FILES` in SUB on the cases; on a fault of the whole run, on each half of them."""
        if not cases:
            return
        if len(cases) == 1 and self._after_a_broken_limit(cases[0], command):
            return
        where = self.folder / sub
        bounded = cjm_bounded(*args, *(c.file_name for c in cases), cwd=where, limits=LIMITS)
        seen = {case.name: Observed(peak_rss_bytes=bounded.peak_rss_bytes, cpu_seconds=bounded.cpu_seconds)
                for case in cases}
        faults = [f for f in (bounded.over_limits(LIMITS) or _process_fault(bounded.done),) if f]
        if not faults:
            faults = parse(Run(cases, where, bounded.done, self.contents), seen)
        if faults and len(cases) > 1:  # halve the batch until each fault is pinned on its file
            shutil.rmtree(where / "out", ignore_errors=True)
            if args == ["fmt"]:  # the run that rewrites files: they run again from their own bytes
                for case in cases:
                    (where / case.file_name).write_bytes(self.contents[case.name])
            half = len(cases) // 2
            self.each(command, cases[:half], sub, args, parse)
            self.each(command, cases[half:], sub, args, parse)
            return
        for case in cases:
            self.outcomes[case.name, command].merge(seen[case.name])
        first = self.outcomes[cases[0].name, command]
        first.problems += [f"`cjm {' '.join(args)}`: {f}" for f in faults]
        first.over_limits = first.over_limits or bounded.over_limits(LIMITS) is not None

    def _after_a_broken_limit(self, case: Case, command: str) -> bool:
        """Whether `command` is not run on the case, as a command whose work it does broke a limit."""
        before = DOES_AT_LEAST.get(command)
        if before is None or not self.outcomes[case.name, before].over_limits:
            return False
        self.outcomes[case.name, command].problems.append(
            f"not run: `cjm {before.replace('_', ' --')}` broke the limits on this file, and this command "
            "does the same work first")
        return True


def _json_by_case(run: Run, command: str) -> tuple[list[tuple[Case, dict[str, Any]]], str | None]:
    """Each case with its file's entry in the command's JSON output, or why there is none."""
    files = _json_files(run.done.stdout)
    if files is None:
        return [], f"stdout is not {command}'s JSON: {run.done.stdout[:200]!r}"
    pairs = []
    for case in run.cases:
        file = files.get(case.file_name)
        if file is None:
            return [], f"{case.file_name} is missing from the JSON output"
        pairs.append((case, file))
    return pairs, None


def _validate_json(run: Run, seen: dict[str, Observed]) -> list[str]:
    pairs, problem = _json_by_case(run, "validate")
    if problem:
        return [problem]
    for case, file in pairs:
        diagnostics = file["diagnostics"]
        seen[case.name].exit = 1 if file["failed"] else 0
        seen[case.name].rules = sorted({d["rule"] for d in diagnostics})
        if diagnostics:
            first = diagnostics[0]
            seen[case.name].at = f"{first['line']}:{first['column']}"
            hint = f"; hint: {first['hint']}" if first.get("hint") else ""
            seen[case.name].message = first["message"] + hint
    return _verdict(run, seen)


def _terminal(run: Run, seen: dict[str, Observed]) -> list[str]:
    found = [terminal_problem(run.done.stdout, "stdout"), terminal_problem(run.done.stderr, "stderr")]
    return [f for f in found if f]


def _github(run: Run, seen: dict[str, Observed]) -> list[str]:
    """Annotations, then (past GitHub's 10 of a kind) a notice and the rest as plain
    `file:line:column:` lines that the runner never reads as a command."""
    from tests.report.workflow_commands import read_step

    step = read_step(run.done.stdout)
    told = any(c.name == "notice" and "more finding" in c.data for c in step.annotations)
    stray = [line for line in step.log if not (told and re.match(r"\S.*:\d+:\d+: ", line))]
    found = [terminal_problem(run.done.stdout, "stdout"),
             f"a line that is not a workflow command: {stray[0]!r}" if stray else None,
             f"a workflow command that is not an annotation: {step.other_commands[0]}"
             if step.other_commands else None]
    return [f for f in found if f]


def _sarif(run: Run, seen: dict[str, Observed]) -> list[str]:
    """SARIF 2.1.0 that a strict JSON parser reads (no raw control character), each result with its rule
    and a message."""
    try:
        doc = json.loads(run.done.stdout)
        results = [result for one in doc["runs"] for result in one["results"]]
        bare = [r for r in results if not (r["ruleId"] and r["message"]["text"] and r["locations"])]
    except (ValueError, KeyError, TypeError) as exc:
        return [f"stdout is not SARIF 2.1.0 ({exc!r}): {run.done.stdout[:200]!r}"]
    if doc.get("version") != "2.1.0":
        return [f"SARIF version {doc.get('version')!r}"]
    return [f"a SARIF result without its rule, message or place: {bare[0]}"] if bare else []


def _score_json(run: Run, seen: dict[str, Observed]) -> list[str]:
    pairs, problem = _json_by_case(run, "score")
    if problem:
        return [problem]
    for case, file in pairs:
        seen[case.name].exit = 1 if file["failed"] else 0
    return _verdict(run, seen)


def _render(run: Run, seen: dict[str, Observed]) -> list[str]:
    """0 when NAME.html and NAME.svg are written (and well-formed), 1 when the map is named as not
    rendered and nothing is written for it, or when only the page is written and the map is named
    as having more touchpoints than a flow diagram is drawn for."""
    for case in run.cases:
        html, svg = (run.where / "out" / f"{case.name}.{suffix}" for suffix in ("html", "svg"))
        if html.exists() and svg.exists():
            seen[case.name].exit = 0
            page, drawing = html.read_text("utf-8"), svg.read_text("utf-8")
            seen[case.name].problems += html_problems(page) + svg_problems(drawing) + [
                f"the {kind} does not show {text!r} as text" for kind, shown, texts in (
                    ("page", page, case.page_has), ("SVG", drawing, case.svg_has))
                for text in texts if text not in unescape(shown)]
        elif f"not rendered: {case.file_name}" in run.done.stderr and not html.exists() and not svg.exists():
            seen[case.name].exit = 1
        elif html.exists() and f"{case.file_name}: no flow diagram: the map has" in run.done.stderr:
            seen[case.name].exit = 1
            seen[case.name].problems += html_problems(html.read_text("utf-8"))
        else:
            seen[case.name].exit = 1
            seen[case.name].problems.append(f"wrote {'only the HTML' if html.exists() else 'nothing'}")
    return [f for f in (terminal_problem(run.done.stderr, "stderr"),) if f] + _verdict(run, seen)


def _fmt_check(run: Run, seen: dict[str, Observed]) -> list[str]:
    """1 when the map would be reformatted or cannot be formatted; the file never changes."""
    for case in run.cases:
        would = f"would reformat {case.file_name}" in run.done.stderr
        seen[case.name].exit = 1 if would or _refused(run, case) else 0
        if (run.where / case.file_name).read_bytes() != run.contents[case.name]:
            seen[case.name].problems.append("fmt --check changed the file")
    return [f for f in (terminal_problem(run.done.stderr, "stderr"),) if f] + _verdict(run, seen)


def _fmt(run: Run, seen: dict[str, Observed]) -> list[str]:
    """1 when the map cannot be formatted (and its file is unchanged); 0 when it is rewritten, or
    already formatted (and unchanged)."""
    for case in run.cases:
        refused = _refused(run, case)
        seen[case.name].exit = 1 if refused else 0
        rewritten = f"reformatted {case.file_name}" in run.done.stderr
        unchanged = (run.where / case.file_name).read_bytes() == run.contents[case.name]
        if not rewritten and not unchanged:
            why = "though it was not formatted" if refused else "without a word"
            seen[case.name].problems.append(f"the file was changed {why}")
    return [f for f in (terminal_problem(run.done.stderr, "stderr"),) if f] + _verdict(run, seen)


def _refused(run: Run, case: Case) -> bool:
    """fmt's one line for a map it cannot format: `FILE: not formatted` or `FILE:LINE:COLUMN: not ...`."""
    pattern = rf"{re.escape(case.file_name)}(?::\d+:\d+)?: not formatted"
    return re.search(pattern, run.done.stderr) is not None


def _formatted_again(run: Run, seen: dict[str, Observed]) -> list[str]:
    for case in run.cases:
        if f"would reformat {case.file_name}" in run.done.stderr:
            seen[case.name].problems.append("not idempotent: formatting its output changes it again")
    return []


def _same_rules(before: dict[str, list[str] | None]) -> Parse:
    def parse(run: Run, seen: dict[str, Observed]) -> list[str]:
        files = _json_files(run.done.stdout) or {}
        for case in run.cases:
            file = files.get(case.file_name)
            after = sorted({d["rule"] for d in file["diagnostics"]}) if file else None
            if after != before[case.name]:
                seen[case.name].problems.append(f"after cjm fmt, validate finds {after} "
                                                f"instead of {before[case.name]}")
        return []

    return parse


def _process_fault(done: subprocess.CompletedProcess[str]) -> str | None:
    out = done.stdout + done.stderr
    if "Traceback (most recent call last)" in out:
        return "printed a Python traceback"
    if done.returncode == 3:
        return f"exit 3 (internal error): {done.stderr.strip()[-300:]}"
    if done.returncode not in (0, 1):
        return f"exit {done.returncode}: {done.stderr.strip()[-300:]}"
    return None


def _json_files(stdout: str) -> dict[str, Any] | None:
    try:
        doc = json.loads(stdout)
    except ValueError:
        return None
    return {file["path"]: file for file in doc.get("files", [])} if isinstance(doc, dict) else None


def _verdict(run: Run, seen: dict[str, Observed]) -> list[str]:
    """The run's exit code is 1 exactly when one of its maps failed."""
    expected = 1 if any(observed.exit == 1 for observed in seen.values()) else 0
    code = run.done.returncode
    return [] if code == expected else [f"exit {code}, where its maps make {expected}"]
