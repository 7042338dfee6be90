"""Benchmark cjm against its peers and the floor, as whole processes, in one run.

Usage (from the repository root, with the venv that has cjm and the peers)::

    python bench/bench.py            # hours: 10 runs on one map, 3 on 1,000 maps and 1 MB, 1 on the huge
    python bench/bench.py --quick    # a few minutes: 3 runs / 1 run, 100 and 200 maps, 1 and 1.5 MB maps
    python bench/bench.py --runs 20 --big-runs 5 --check
    python bench/bench.py --inputs one,batch   # only these inputs

Tools, all timed on the same input files:

a) ``python -c pass`` (sys.executable): the interpreter start-up baseline;
b) the floor, ``python bench/floor.py FILE...``: what any Python validator
   must pay (interpreter start, a libyaml load of each file, basic shape
   checks); every tool's "ratio to floor" is its median over the floor's;
c) ``cjm validate FILE...``;
d) on the one map only: ``cjm score``, ``cjm score --format json``,
   ``cjm render -o DIR`` (one folder reused by every run) and
   ``cjm fmt --check``; their "ratio to cjm" is to cjm validate;
e) ``check-jsonschema --schemafile SCHEMA FILE...``, SCHEMA being the output
   of ``cjm schema``;
f) ``yamllint -d relaxed FILE...`` (yamllint's built-in relaxed config, so
   style nits are warnings; the generated maps are clean under both configs).

Tools take turns: after the warm-up runs, each timed round runs every tool
once, each round starting one tool further on, so a slow spell of the shared
machine falls on all of them alike and the ratios hold. Every run is started
by bench/spawner.py, a small process that reads the
run's wall time and peak memory (ru_maxrss from ``os.wait4``: the largest of
the process and of the children it reaped, such as cjm's pool workers, not
their sum); "peak MiB" is the largest over the timed runs.

Inputs (``--inputs`` names some of them, comma-separated):
``one``: one sample map, ``sample_maps/streaming-subscription.cjm.yaml``
(else the first ``sample_maps/*.cjm.yaml``, else a generated one; ``--map``
overrides); ``batch``: 1,000 generated maps passed in one command line
(``--batch``); ``big``: one generated ~1 MB map (``--big-bytes``);
``huge-batch``: 10,000 generated maps in one command line (``--huge-batch``);
``huge-map``: one generated ~10 MB map (``--huge-bytes``; cjm's size limit is
10 MiB, 10,485,760 bytes, and the generated maps stay under it).
Everything is copied or generated into a temporary folder, which is also the
working directory of every run, so no project config (``.cjm.toml``,
``pyproject.toml``, ``.yamllint``) applies.

Executables are looked up next to ``sys.executable`` first, then on PATH.

Environment:

``CJM_BENCH_CMD``
    The validate command to time instead of ``<cjm> validate``; the files are
    appended. Examples: ``CJM_BENCH_CMD="cjm-hook"``,
    ``CJM_BENCH_CMD="python -m cjm validate"``, or a stand-in while cjm is
    not installed: ``CJM_BENCH_CMD="yamllint -d relaxed"``. When it ends in
    ``validate``, the schema is fetched, and score, render and fmt run, with
    the same words in place of ``validate``.
``CJM_BENCH_SCHEMA``
    A schema file for check-jsonschema instead of running ``cjm schema``
    (same as ``--schema``).

Exit status: 0; 1 when a cjm command did not exit 0 on these valid maps
(flagged loudly), or with ``--check`` when a target of the inputs run is
missed; 2 when no cjm command was found.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_maps  # the sibling module, importable from anywhere

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO_ROOT / "sample_maps"
DEFAULT_SAMPLE = "streaming-subscription.cjm.yaml"
FLOOR_SCRIPT = Path(__file__).resolve().parent / "floor.py"
FLOOR_NAME = "floor (bench/floor.py)"
SPAWNER_SCRIPT = Path(__file__).resolve().parent / "spawner.py"
NOT_INSTALLED = "not installed (pip install check-jsonschema yamllint)"
RUN_TIMEOUT = 1800.0  # seconds; a run that takes longer is recorded as exit 124
YAMLLINT_CONFIG = ("-d", "relaxed")
#: The inputs, in the order they run; ``--inputs`` picks some.
INPUT_KINDS = ("one", "batch", "big", "huge-batch", "huge-map")
#: cjm refuses a map file larger than 10 MiB; generated maps stay under it.
CJM_SIZE_LIMIT = 10 * 1024 * 1024
#: ru_maxrss is in kibibytes on Linux, in bytes on macOS.
RSS_UNIT = 1 if sys.platform == "darwin" else 1024


@dataclass(frozen=True)
class Tool:
    """A command to time; the input files are appended to ``argv``."""

    name: str
    argv: tuple[str, ...] | None  # None: not available, see ``missing``
    takes_files: bool = True
    missing: str = ""
    only: tuple[str, ...] = ()  # the input kinds it runs on; empty: all

    def runs_on(self, kind: str) -> bool:
        return not self.only or kind in self.only


@dataclass(frozen=True)
class Input:
    """One benchmark input: the files every tool gets, and how often."""

    label: str
    kind: str  # one of INPUT_KINDS: which targets apply
    paths: tuple[str, ...]  # relative to the work folder
    about: str
    warmup: int
    runs: int


@dataclass(frozen=True)
class Run:
    """One run of a command: wall-clock seconds, exit code, output tail, peak memory."""

    seconds: float
    exit_code: int
    tail: str
    peak_mib: float | None  # None: the command could not be started


@dataclass
class Result:
    """The timings, exit codes and peak memory of one tool on one input."""

    tool: Tool
    times: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)  # MiB, one per timed run
    tail: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def peak_mib(self) -> float | None:
        """The largest peak resident set size over the timed runs."""
        return max(self.peaks) if self.peaks else None


@dataclass(frozen=True)
class Target:
    """A target on one input: subject median / ``peer`` median under ``limit``.

    With ``peer`` None, the limit is on the subject's peak memory, in MiB.
    """

    kind: str  # which input: one of INPUT_KINDS
    peer: str | None  # name (or prefix) of the tool compared with
    limit: float | None  # None: the ratio is shown for information only
    strict: bool  # "<" rather than "<="
    wording: str
    subject: str = "cjm validate"

    @property
    def goal(self) -> str:
        if self.limit is None:
            return f"- ({self.wording})"
        limit = f"{self.limit:g} MiB" if self.peer is None else f"{self.limit:.2f}"
        return f"{'<' if self.strict else '<='} {limit} ({self.wording})"

    def met_by(self, ratio: float) -> bool:
        if self.limit is None:
            return True
        return ratio < self.limit if self.strict else ratio <= self.limit


@dataclass
class Setup:
    """Everything found before timing starts."""

    tools: list[Tool]
    notes: list[str]
    cjm_found: bool


def find_script(name: str) -> str | None:
    """The console script *name* next to sys.executable, else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(name)


def cjm_commands() -> tuple[list[str] | None, list[str] | None, str]:
    """The validate argv prefix, the cjm argv (``cjm`` without a command), and how they were found."""
    override = os.environ.get("CJM_BENCH_CMD", "").strip()
    exe = find_script("cjm")
    if override:
        argv = shlex.split(override)
        if os.sep not in argv[0]:  # a bare name: look next to python too
            argv[0] = find_script(argv[0]) or argv[0]
        if argv[-1] == "validate":
            base: list[str] | None = argv[:-1]
        else:
            base = [exe] if exe else None
        return argv, base, f"CJM_BENCH_CMD={override!r}"
    if exe is None:
        return None, None, "not found"
    return [exe, "validate"], [exe], exe


def tool_version(argv: list[str]) -> str:
    """First line of ``argv --version``, or ``?``."""
    try:
        proc = subprocess.run([*argv, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return "?"
    lines = (proc.stdout or proc.stderr).strip().splitlines()
    return lines[0] if proc.returncode == 0 and lines else "?"


def editable_warning() -> list[str]:
    """A caveat when cjm is an editable install and bytecode is not written.

    Then every start recompiles cjm's modules from source, which an end
    user's wheel install never does (shared research, section 2).
    """
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return []
    try:
        direct_url = importlib.metadata.distribution("cjm").read_text("direct_url.json")
    except importlib.metadata.PackageNotFoundError:
        return []
    if not direct_url or not json.loads(direct_url).get("dir_info", {}).get("editable"):
        return []
    return [
        "**caveat**: cjm is an editable install and PYTHONDONTWRITEBYTECODE is set, so "
        "cjm is recompiled on every start; time a wheel install (pip install .) "
        "for release numbers"
    ]


def obtain_schema(given: Path | None, schema_cmd: list[str] | None, work: Path) -> tuple[Path | None, str]:
    """The schema file for check-jsonschema, and where it came from."""
    if given is not None:
        return given.resolve(), f"given: {given}"
    if schema_cmd is None:
        return None, "no cjm to run `cjm schema`; pass --schema FILE"
    shown = " ".join(schema_cmd)
    try:
        proc = subprocess.run(schema_cmd, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"`{shown}` failed: {exc}; pass --schema FILE"
    if proc.returncode != 0 or not proc.stdout.strip():
        first = proc.stderr.decode(errors="replace").strip().splitlines()[:1]
        why = f"exit {proc.returncode}: {' '.join(first)}"
        return None, f"`{shown}` failed ({why}); pass --schema FILE"
    path = work / "cjm-schema.json"
    path.write_bytes(proc.stdout)
    return path, f"`{shown}` ({len(proc.stdout):,} B)"


def build_tools(args: argparse.Namespace, work: Path) -> Setup:
    """Find cjm and the peers; unavailable ones carry the reason."""
    notes = [f"python: {sys.executable} ({platform.python_version()})"]
    validate, base, how = cjm_commands()
    tools = [
        Tool("python -c pass", (sys.executable, "-c", "pass"), False),
        Tool(FLOOR_NAME, (sys.executable, str(FLOOR_SCRIPT))),
    ]
    if validate is None:
        missing = "not found: install cjm here or set CJM_BENCH_CMD"
        tools.append(Tool("cjm validate", None, missing=missing))
    else:
        tools.append(Tool("cjm validate", tuple(validate)))
        shown = validate[:-1] if validate[-1] == "validate" else validate[:1]
        notes.append(f"cjm: {how} ({tool_version(shown)})")
        notes += editable_warning()
    tools += command_tools(base, work)
    schema_cmd = [*base, "schema"] if base else None
    tools.append(check_jsonschema_tool(args.schema, schema_cmd, work, notes))
    tools.append(yamllint_tool(notes))
    return Setup(tools, notes, validate is not None)


def command_tools(base: list[str] | None, work: Path) -> list[Tool]:
    """cjm's other commands, on the one map only; render writes into one reused folder. Render
    runs twice: as usual (its Graphviz layouts kept in the cache after the warm-up, as when a map
    is rendered again) and with no layout kept (every run lays the flow diagram out afresh)."""
    commands = {
        "cjm score": ("score",),
        "cjm score --format json": ("score", "--format", "json"),
        "cjm render": ("render", "-o", str(work / "rendered")),
        "cjm fmt --check": ("fmt", "--check"),
    }
    if base is None:
        missing = "not found: install cjm here or set CJM_BENCH_CMD"
        names = [*commands, COLD_RENDER]
        return [Tool(name, None, missing=missing, only=("one",)) for name in names]
    tools = [Tool(name, (*base, *words), only=("one",)) for name, words in commands.items()]
    cold = work / "cold-cache"
    (cold / "cjm").mkdir(parents=True, exist_ok=True)
    (cold / "cjm" / "layouts").write_text("a file where the layout folder would be: nothing is kept\n")
    render = ("env", f"XDG_CACHE_HOME={cold}", *base, "render", "-o", str(work / "rendered-cold"))
    return [*tools, Tool(COLD_RENDER, render, only=("one",))]


COLD_RENDER = "cjm render, no layout kept"
"""Run through env(1) (about 1 ms more) with a cache whose layout folder cannot be made."""


def check_jsonschema_tool(
    given: Path | None, schema_cmd: list[str] | None, work: Path, notes: list[str]
) -> Tool:
    name = "check-jsonschema"
    exe = find_script(name)
    if exe is None:
        return Tool(name, None, missing=NOT_INSTALLED)
    schema, origin = obtain_schema(given, schema_cmd, work)
    notes.append(f"{name}: {exe} ({tool_version([exe])}); schema: {origin}")
    if schema is None:
        return Tool(name, None, missing=f"skipped: no schema ({origin})")
    return Tool(name, (exe, "--schemafile", str(schema)))


def yamllint_tool(notes: list[str]) -> Tool:
    exe = find_script("yamllint")
    if exe is None:
        return Tool("yamllint", None, missing=NOT_INSTALLED)
    config = " ".join(YAMLLINT_CONFIG)
    notes.append(
        f"yamllint: {exe} ({tool_version([exe])}); config: {config} (the built-in "
        "relaxed preset: the default one makes lines over 80 characters errors)"
    )
    return Tool(f"yamllint {config}", (exe, *YAMLLINT_CONFIG))


def run_once(argv: list[str], cwd: Path) -> Run:
    """Run *argv* once, through bench/spawner.py, so its peak memory is its own."""
    read_end, write_end = os.pipe()
    spawner = [sys.executable, "-S", "-I", str(SPAWNER_SCRIPT), str(write_end), *argv]
    start = time.perf_counter()
    try:
        proc = subprocess.Popen(
            spawner,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            pass_fds=(write_end,),
            start_new_session=True,  # one process group: a timeout ends the command too
        )
    finally:
        os.close(write_end)
    timed_out = threading.Event()

    def expire() -> None:
        timed_out.set()
        os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(RUN_TIMEOUT, expire)
    timer.start()
    assert proc.stdout is not None
    with proc.stdout, open(read_end, "rb") as report_pipe:
        output = proc.stdout.read()
        proc.wait()
        timer.cancel()
        report = report_pipe.read().decode()
    tail = output[-2000:].decode(errors="replace")
    return parse_report(report, tail, time.perf_counter() - start, timed_out.is_set())


def parse_report(report: str, tail: str, outer_seconds: float, timed_out: bool) -> Run:
    """The spawner's ``SECONDS EXIT_CODE MAXRSS [message]`` as a Run."""
    if timed_out:
        return Run(outer_seconds, 124, f"timed out after {RUN_TIMEOUT}s", None)
    words = report.split(" ", 3)
    if len(words) < 3:
        return Run(outer_seconds, 125, f"{tail}\n(no report from {SPAWNER_SCRIPT.name})", None)
    seconds, code, maxrss = float(words[0]), int(words[1]), int(words[2])
    if len(words) == 4:  # the command could not be started
        return Run(seconds, code, words[3], None)
    return Run(seconds, code, tail, maxrss * RSS_UNIT / 2**20)


def time_tools(tools: list[Tool], inp: Input, cwd: Path) -> list[Result]:
    """Warm-up runs of each tool on *inp*, then timed rounds in which every tool runs once, each
    round starting one tool further on. A slow spell of the shared machine then falls on every tool
    alike rather than on whichever tool's runs it covered, so the ratios between tools hold even
    when the absolute times move. A tool that is not available gets an empty result."""
    results = [Result(tool) for tool in tools]
    timed = [(result, _argv(result.tool, inp)) for result in results if result.tool.argv is not None]
    names = ", ".join(result.tool.name for result, _ in timed)
    progress(f"{inp.label}: {inp.warmup} warm-up + {inp.runs} timed round(s) of: {names}")
    for _, argv in timed:
        for _ in range(inp.warmup):
            run_once(argv, cwd)
    for round_ in range(inp.runs):
        for turn in range(len(timed)):
            result, argv = timed[(round_ + turn) % len(timed)]
            run = run_once(argv, cwd)
            result.times.append(run.seconds)
            result.exit_codes.append(run.exit_code)
            if run.peak_mib is not None:
                result.peaks.append(run.peak_mib)
            result.tail = run.tail
    return results


def _argv(tool: Tool, inp: Input) -> list[str]:
    assert tool.argv is not None
    return list(tool.argv) + (list(inp.paths) if tool.takes_files else [])


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def sample_map(given: Path | None) -> tuple[Path | None, str]:
    """The sample map to use, and a note when it is not the default one."""
    if given is not None:
        return given, ""
    default = SAMPLE_DIR / DEFAULT_SAMPLE
    if default.is_file():
        return default, ""
    found = sorted(SAMPLE_DIR.glob("*.cjm.yaml"))
    if found:
        return found[0], f"{DEFAULT_SAMPLE} missing; using {found[0].name}"
    return None, f"no {SAMPLE_DIR}/*.cjm.yaml; using a generated 5x4 map"


def make_one_map(work: Path, given: Path | None, args: argparse.Namespace) -> Input:
    """Input 1: the sample map, copied into the work folder."""
    source, note = sample_map(given)
    target = work / "one" / (source.name if source else "generated.cjm.yaml")
    target.parent.mkdir()
    if source is not None:
        shutil.copyfile(source, target)
        shown = str(source.relative_to(REPO_ROOT)) if source.is_relative_to(REPO_ROOT) else str(source)
    else:
        target.write_text(gen_maps.generate_map(42), encoding="utf-8")
        shown = "generated (seed 42)"
    about = f"{shown}, {target.stat().st_size:,} B" + (f"; {note}" if note else "")
    rel = str(target.relative_to(work))
    return Input("one map", "one", (rel,), about, args.warmup, args.runs)


def make_batch(work: Path, args: argparse.Namespace, kind: str = "batch") -> Input:
    """Inputs 2 and 4: --batch (or --huge-batch) generated maps, all on one command line."""
    huge = kind == "huge-batch"
    count = args.huge_batch if huge else args.batch
    paths = gen_maps.write_batch(work / kind, count, seed=0)
    size = sum(path.stat().st_size for path in paths)
    about = f"seeds 0..{count - 1}, 5 stages x 4 touchpoints each, {size:,} B in all"
    rel = tuple(str(path.relative_to(work)) for path in paths)
    warmup, runs = (args.huge_warmup, args.huge_runs) if huge else (args.big_warmup, args.big_runs)
    return Input(f"{count:,} maps", kind, rel, about, warmup, runs)


def make_big(work: Path, args: argparse.Namespace, kind: str = "big") -> Input:
    """Inputs 3 and 5: one generated map of about --big-bytes (or --huge-bytes)."""
    huge = kind == "huge-map"
    target_bytes = args.huge_bytes if huge else args.big_bytes
    path = work / kind / "big.cjm.yaml"
    path.parent.mkdir()
    path.write_text(gen_maps.generate_big_map(target_bytes), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    about = f"{path.stat().st_size:,} B, {text.count(chr(10)):,} lines, {text.count('  - phase: '):,} stages"
    if huge:
        about += f" (cjm's size limit: {CJM_SIZE_LIMIT:,} B)"
    rel = (str(path.relative_to(work)),)
    warmup, runs = (args.huge_warmup, args.huge_runs) if huge else (args.big_warmup, args.big_runs)
    return Input(f"{target_bytes / 1e6:g} MB map", kind, rel, about, warmup, runs)


def make_inputs(work: Path, args: argparse.Namespace) -> list[Input]:
    """The inputs picked by --inputs, in INPUT_KINDS order."""
    makers = {
        "one": lambda: make_one_map(work, args.map, args),
        "batch": lambda: make_batch(work, args),
        "big": lambda: make_big(work, args),
        "huge-batch": lambda: make_batch(work, args, "huge-batch"),
        "huge-map": lambda: make_big(work, args, "huge-map"),
    }
    return [makers[kind]() for kind in INPUT_KINDS if kind in args.inputs]


Runs = list[tuple[Input, list[Result]]]

TARGETS = (
    Target("one", "yamllint", 1.0, True, "cjm faster than yamllint"),
    Target("one", "check-jsonschema", 1 / 3, True, "cjm under 1/3 of check-jsonschema"),
    Target("batch", "yamllint", 1.0, False, "no peer faster than cjm"),
    Target("batch", "check-jsonschema", 1.0, False, "no peer faster than cjm"),
    Target("big", "yamllint", None, False, "no target, for information"),
    Target("big", "check-jsonschema", None, False, "no target, for information"),
    Target("one", "floor", 1.5, False, "one map within 1.5x the floor"),
    Target("one", "yamllint", 0.5, False, "one map at most half of yamllint"),
    Target("one", "cjm validate", 1.2, False, "score within 1.2x validate", "cjm score"),
    Target("one", "cjm validate", 1.2, False, "score within 1.2x validate", "cjm score --format json"),
    Target("one", "cjm validate", 2.0, False, "render within 2x validate", "cjm render"),
    Target("one", "cjm validate", None, False, "no target, for information", COLD_RENDER),
    Target("one", "cjm validate", 1.5, False, "fmt --check within 1.5x validate", "cjm fmt --check"),
    Target("batch", None, 60.0, True, "peak memory under 60 MiB"),
    Target("huge-batch", None, None, False, "no target, for information"),
    Target("huge-map", "floor", None, False, "no target, for information"),
)
TARGET_TEXT = (
    "one map: cjm faster than yamllint and under 1/3 of check-jsonschema, within 1.5x the floor and "
    "at most half of yamllint; score within 1.2x validate, render within 2x, fmt --check within 1.5x; "
    "1,000 maps: no peer faster than cjm, peak memory under 60 MiB"
)


def find_result(results: list[Result], prefix: str) -> Result | None:
    """The result of the tool named *prefix*, else of the first whose name starts with it, if timed."""
    timed = [result for result in results if result.tool.name.startswith(prefix) and result.times]
    exact = [result for result in timed if result.tool.name == prefix]
    found = exact or timed
    return found[0] if found else None


def exit_summary(codes: list[int]) -> str:
    """``0`` when every run agrees, else e.g. ``0 (x2), 1 (x1)``."""
    distinct = sorted(set(codes))
    if len(distinct) == 1:
        return str(distinct[0])
    return ", ".join(f"{code} (x{codes.count(code)})" for code in distinct)


def ratio_text(ratio: float) -> str:
    """Two decimals, or ``<0.01`` (a baseline against a long batch)."""
    return "<0.01" if ratio < 0.005 else f"{ratio:.2f}"


def ratio_to(result: Result, base: Result | None) -> str:
    """*result*'s median over *base*'s, or ``n/a`` when *base* was not timed."""
    return ratio_text(result.median / base.median) if base else "n/a"


def table_lines(runs: Runs) -> list[str]:
    lines = [
        "| input | tool | median s | min s | ratio to cjm | ratio to floor | peak MiB | exit codes |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for inp, results in runs:
        cjm, floor = find_result(results, "cjm validate"), find_result(results, "floor")
        for result in results:
            name = result.tool.name
            if not result.times:
                lines.append(f"| {inp.label} | {name} | {result.tool.missing} | | | | | |")
                continue
            peak = "n/a" if result.peak_mib is None else f"{result.peak_mib:.1f}"
            lines.append(
                f"| {inp.label} | {name} | {result.median:.3f} | {result.best:.3f} | "
                f"{ratio_to(result, cjm)} | {ratio_to(result, floor)} | {peak} | "
                f"{exit_summary(result.exit_codes)} |"
            )
    return lines


def short_name(tool_name: str) -> str:
    """``cjm`` for cjm validate (as the targets always said), else the name."""
    return "cjm" if tool_name == "cjm validate" else tool_name


def measured_value(results: list[Result], target: Target) -> tuple[str, float] | None:
    """What the target looks at, shown and as a number; None when not measured."""
    subject = find_result(results, target.subject)
    if subject is None:
        return None
    if target.peer is None:
        peak = subject.peak_mib
        return None if peak is None else (f"{short_name(target.subject)} peak = {peak:.1f} MiB", peak)
    other = find_result(results, target.peer)
    if other is None:
        return None
    ratio = subject.median / other.median
    return f"{short_name(target.subject)}/{target.peer} = {ratio:.2f}", ratio


def target_row(label: str, results: list[Result], target: Target) -> tuple[str, bool]:
    """One row of the targets table, and whether the target was met."""
    informative = target.limit is None
    measured = measured_value(results, target)
    if measured is None:
        what = f"{short_name(target.subject)}/{target.peer or 'peak MiB'}: not measured"
        return f"| {label} | {what} | {target.goal} | n/a |", informative
    shown, value = measured
    met = target.met_by(value)
    subject = find_result(results, target.subject)
    if informative:
        verdict = "-"
    elif subject is None or set(subject.exit_codes) != {0}:  # a failing cjm proves nothing
        verdict, met = f"**n/a: {target.subject} did not exit 0**", False
    else:
        verdict = "met" if met else "**MISSED**"
    return f"| {label} | {shown} | {target.goal} | {verdict} |", met


def target_lines(runs: Runs) -> tuple[list[str], bool]:
    """The ratios and peaks against the targets of the inputs run, and whether all were met."""
    lines = [
        f"Targets: {TARGET_TEXT}.",
        "",
        "| input | measured (median / median, or peak) | target | result |",
        "| --- | --- | --- | --- |",
    ]
    all_met = True
    by_kind = {inp.kind: (inp, results) for inp, results in runs}
    for target in TARGETS:
        if target.kind not in by_kind:  # an input left out by --inputs
            continue
        inp, results = by_kind[target.kind]
        row, met = target_row(inp.label, results, target)
        lines.append(row)
        all_met = all_met and met
    return lines, all_met


def cjm_failures(runs: Runs) -> list[str]:
    """A loud block for every cjm command that did not exit 0 on valid input."""
    lines: list[str] = []
    for inp, results in runs:
        for cjm in results:
            if not cjm.tool.name.startswith("cjm") or set(cjm.exit_codes) <= {0}:
                continue
            bar = "!" * 72
            lines += [
                bar,
                f"!! {cjm.tool.name} FAILED on valid input '{inp.label}': exit codes "
                f"{exit_summary(cjm.exit_codes)} (expected 0)",
                "!! output tail:",
            ]
            lines += [f"!!   {line}" for line in cjm.tail.splitlines()[-15:]]
            lines.append(bar)
    return lines


def peer_exit_notes(runs: Runs) -> list[str]:
    """Non-zero exits of the baseline and the peers: recorded, not fatal."""
    notes = []
    for inp, results in runs:
        for result in results:
            if result.tool.name.startswith("cjm") or set(result.exit_codes) <= {0}:
                continue
            last = " / ".join(result.tail.strip().splitlines()[-3:])
            notes.append(
                f"- {inp.label}: {result.tool.name} exited "
                f"{exit_summary(result.exit_codes)}; last output: {last[:300]}"
            )
    return notes


def header_lines(setup: Setup, inputs: list[Input]) -> list[str]:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    bytecode = os.environ.get("PYTHONDONTWRITEBYTECODE", "unset")
    lines = [
        "## cjm against its peers and the floor (wall clock and peak memory, whole processes)",
        "",
        f"- when: {when}; machine: {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs; PYTHONDONTWRITEBYTECODE={bytecode}",
    ]
    lines += [f"- {note}" for note in setup.notes]
    lines += [
        "- timing: time.perf_counter() around os.posix_spawnp() and os.wait4() in bench/spawner.py, "
        "a small process that starts each run; median and min of the timed runs, after warm-up "
        "runs that are not counted; the tools take turns, one run each per round, so a slow spell "
        "of the machine falls on all of them alike",
        "- peak MiB: ru_maxrss from os.wait4, the largest over the timed runs; for a process with "
        "children (cjm's pool workers) it is the largest of the process and its reaped children, "
        "not their sum; about 8.5 MiB is the spawner's own, so no run shows less",
        f"- floor: bench/{FLOOR_SCRIPT.name}, the least any Python validator pays: interpreter start, "
        "yaml.load(text, Loader=yaml.CSafeLoader) of each file, and basic shape checks; "
        "ratio to floor = median / the floor's median on the same input",
        "- cjm score, score --format json, render -o DIR (one folder reused by every run; its layouts "
        "cached after the warm-up, and once more with none kept) and "
        "fmt --check run on the one map only; their ratio to cjm is to cjm validate's median",
    ]
    for inp in inputs:
        lines.append(f"- input '{inp.label}': {inp.about}; {inp.warmup} warm-up + {inp.runs} timed runs")
    return lines


def render_report(setup: Setup, inputs: list[Input], runs: Runs) -> tuple[str, int]:
    """The markdown report and the exit status (without --check)."""
    targets, _ = target_lines(runs)
    lines = [*header_lines(setup, inputs), "", *table_lines(runs), "", *targets]
    notes = peer_exit_notes(runs)
    if notes:
        lines += ["", "Non-zero exits of peers (recorded, allowed):", *notes]
    loud = cjm_failures(runs)
    if loud:
        lines += ["", *loud]
    if not setup.cjm_found:
        lines += ["", "cjm was not found: install it next to this python, or set CJM_BENCH_CMD."]
    status = 2 if not setup.cjm_found else (1 if loud else 0)
    return "\n".join(lines), status


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time cjm validate, check-jsonschema and yamllint.",
        epilog="Environment: CJM_BENCH_CMD, CJM_BENCH_SCHEMA (see the module docstring).",
    )
    add = parser.add_argument
    add("--quick", action="store_true", help="fewer runs (3 / 1) and a 100-map batch")
    add("--runs", type=int, help="timed runs on the one map (10; quick 3)")
    add("--big-runs", type=int, help="timed runs on the batch and big map (3; quick 1)")
    add("--warmup", type=int, help="warm-up runs on the one map (2; quick 1)")
    add("--big-warmup", type=int, help="warm-up runs on batch and big map (1; quick 0)")
    add("--batch", type=int, help="maps in the batch (1000; quick 100)")
    add(
        "--big-bytes",
        type=int,
        default=gen_maps.BIG_MAP_BYTES,
        help="size of the big map (default 1000000)",
    )
    add("--huge-batch", type=int, help="maps in the huge batch (10000; quick 200)")
    add("--huge-bytes", type=int, help="size of the huge map (10000000; quick 1500000)")
    add("--huge-runs", type=int, default=1, help="timed runs on the huge batch and map (1)")
    add("--huge-warmup", type=int, default=0, help="warm-up runs on the huge batch and map (0)")
    add(
        "--inputs",
        type=input_kinds,
        default=INPUT_KINDS,
        help=f"comma-separated inputs to run (default: all of {','.join(INPUT_KINDS)})",
    )
    add("--map", type=Path, help="the one map (default: sample_maps/...)")
    env_schema = os.environ.get("CJM_BENCH_SCHEMA")
    add(
        "--schema",
        type=Path,
        default=Path(env_schema) if env_schema else None,
        help="schema for check-jsonschema (default: output of `cjm schema`)",
    )
    add("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    apply_defaults(args, parser)
    return args


def input_kinds(text: str) -> tuple[str, ...]:
    """The --inputs value: known input names, comma-separated."""
    kinds = tuple(word.strip() for word in text.split(",") if word.strip())
    unknown = [kind for kind in kinds if kind not in INPUT_KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown input {', '.join(unknown) or '(none)'}; choose from {','.join(INPUT_KINDS)}"
        )
    return kinds


def apply_defaults(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Fill the options left unset, from the normal or the --quick profile."""
    profile = {
        "runs": (10, 3),
        "big_runs": (3, 1),
        "warmup": (2, 1),
        "big_warmup": (1, 0),
        "batch": (1000, 100),
        "huge_batch": (10_000, 200),
        "huge_bytes": (10_000_000, 1_500_000),
    }
    for name, (normal, quick) in profile.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else normal)
    for name in ("runs", "big_runs", "huge_runs", "batch", "huge_batch", "big_bytes", "huge_bytes"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    for name in ("big_bytes", "huge_bytes"):  # the generator may overshoot by about one stage
        if getattr(args, name) > CJM_SIZE_LIMIT - 50_000:
            parser.error(f"--{name.replace('_', '-')}: stay under cjm's size limit ({CJM_SIZE_LIMIT:,} B)")
    if min(args.warmup, args.big_warmup, args.huge_warmup) < 0:
        parser.error("warm-up counts must be at least 0")
    if args.map is not None and not args.map.is_file():
        parser.error(f"--map: no such file: {args.map}")
    if args.schema is not None and not args.schema.is_file():
        parser.error(f"--schema: no such file: {args.schema}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cjm-bench-") as tmp:
        work = Path(tmp)
        setup = build_tools(args, work)
        progress("generating inputs")
        inputs = make_inputs(work, args)
        runs = [(inp, time_tools([tool for tool in setup.tools if tool.runs_on(inp.kind)], inp, work))
                for inp in inputs]
    report, status = render_report(setup, inputs, runs)
    print(report)
    _, all_met = target_lines(runs)
    if args.check and not all_met and status == 0:
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
