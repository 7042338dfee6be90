"""Benchmark ``cjm validate`` against its peers, as whole processes, in one run.

Usage (from the repository root, with the venv that has cjm and the peers)::

    python bench/bench.py            # ~8 min: 10 runs on one map, 3 on the rest
    python bench/bench.py --quick    # ~30 s: 3 runs / 1 run, a 100-map batch
    python bench/bench.py --runs 20 --big-runs 5 --check

Tools, all timed on the same input files:

a) ``python -c pass`` (sys.executable): the interpreter start-up baseline;
b) ``cjm validate FILE...``;
c) ``check-jsonschema --schemafile SCHEMA FILE...``, SCHEMA being the output
   of ``cjm schema``;
d) ``yamllint -d relaxed FILE...`` (yamllint's built-in relaxed config, so
   style nits are warnings; the generated maps are clean under both configs).

Inputs: (1) one sample map, ``sample_maps/streaming-subscription.cjm.yaml``
(else the first ``sample_maps/*.cjm.yaml``, else a generated one; ``--map``
overrides); (2) a batch of 1,000 generated maps passed in one command line;
(3) one generated ~1 MB map. Everything is copied or generated into a
temporary folder, which is also the working directory of every run, so no
project config (``.cjm.toml``, ``pyproject.toml``, ``.yamllint``) applies.

Executables are looked up next to ``sys.executable`` first, then on PATH.

Environment:

``CJM_BENCH_CMD``
    The validate command to time instead of ``<cjm> validate``; the files are
    appended. Examples: ``CJM_BENCH_CMD="cjm-hook"``,
    ``CJM_BENCH_CMD="python -m cjm validate"``, or a stand-in while cjm is
    not installed: ``CJM_BENCH_CMD="yamllint -d relaxed"``. When it ends in
    ``validate``, the schema is fetched with the same words and ``schema``.
``CJM_BENCH_SCHEMA``
    A schema file for check-jsonschema instead of running ``cjm schema``
    (same as ``--schema``).

Exit status: 0; 1 when cjm did not exit 0 on these valid maps (flagged
loudly), or with ``--check`` when a speed target is missed; 2 when no cjm
command was found.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_maps  # the sibling module, importable from anywhere

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO_ROOT / "sample_maps"
DEFAULT_SAMPLE = "streaming-subscription.cjm.yaml"
NOT_INSTALLED = "not installed (pip install check-jsonschema yamllint)"
RUN_TIMEOUT = 1800.0  # seconds; a run that takes longer is recorded as exit 124
YAMLLINT_CONFIG = ("-d", "relaxed")


@dataclass(frozen=True)
class Tool:
    """A command to time; the input files are appended to ``argv``."""

    name: str
    argv: tuple[str, ...] | None  # None: not available, see ``missing``
    takes_files: bool = True
    missing: str = ""


@dataclass(frozen=True)
class Input:
    """One benchmark input: the files every tool gets, and how often."""

    label: str
    kind: str  # "one", "batch" or "big": which targets apply
    paths: tuple[str, ...]  # relative to the work folder
    about: str
    warmup: int
    runs: int


@dataclass
class Result:
    """The timings and exit codes of one tool on one input."""

    tool: Tool
    times: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    tail: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        return min(self.times)


@dataclass(frozen=True)
class Target:
    """A speed target: cjm median / peer median must stay under ``limit``."""

    kind: str  # which input: "one", "batch" or "big"
    peer: str  # prefix of the peer tool's name
    limit: float | None  # None: the ratio is shown for information only
    strict: bool  # "<" rather than "<="
    wording: str

    @property
    def goal(self) -> str:
        if self.limit is None:
            return f"- ({self.wording})"
        return f"{'<' if self.strict else '<='} {self.limit:.2f} ({self.wording})"

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
    """The validate argv prefix, the schema argv, and how they were found."""
    override = os.environ.get("CJM_BENCH_CMD", "").strip()
    exe = find_script("cjm")
    if override:
        argv = shlex.split(override)
        if os.sep not in argv[0]:  # a bare name: look next to python too
            argv[0] = find_script(argv[0]) or argv[0]
        if argv[-1] == "validate":
            schema: list[str] | None = [*argv[:-1], "schema"]
        else:
            schema = [exe, "schema"] if exe else None
        return argv, schema, f"CJM_BENCH_CMD={override!r}"
    if exe is None:
        return None, None, "not found"
    return [exe, "validate"], [exe, "schema"], exe


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
    validate, schema_cmd, how = cjm_commands()
    tools = [Tool("python -c pass", (sys.executable, "-c", "pass"), False)]
    if validate is None:
        missing = "not found: install cjm here or set CJM_BENCH_CMD"
        tools.append(Tool("cjm validate", None, missing=missing))
    else:
        tools.append(Tool("cjm validate", tuple(validate)))
        base = validate[:-1] if validate[-1] == "validate" else validate[:1]
        notes.append(f"cjm: {how} ({tool_version(base)})")
        notes += editable_warning()
    tools.append(check_jsonschema_tool(args.schema, schema_cmd, work, notes))
    tools.append(yamllint_tool(notes))
    return Setup(tools, notes, validate is not None)


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


def run_once(argv: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run *argv* once: wall-clock seconds, exit code, output tail."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            argv,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=RUN_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, 124, f"timed out after {RUN_TIMEOUT}s"
    except OSError as exc:  # e.g. a CJM_BENCH_CMD that does not exist
        return time.perf_counter() - start, 127, f"cannot run {argv[0]}: {exc}"
    elapsed = time.perf_counter() - start
    return elapsed, proc.returncode, proc.stdout[-2000:].decode(errors="replace")


def time_tool(tool: Tool, inp: Input, cwd: Path) -> Result:
    """Warm-up runs, then timed runs, of *tool* on *inp*."""
    assert tool.argv is not None
    argv = list(tool.argv) + (list(inp.paths) if tool.takes_files else [])
    result = Result(tool)
    progress(f"{inp.label}: {tool.name}: {inp.warmup} warm-up + {inp.runs} timed")
    for _ in range(inp.warmup):
        run_once(argv, cwd)
    for _ in range(inp.runs):
        elapsed, code, tail = run_once(argv, cwd)
        result.times.append(elapsed)
        result.exit_codes.append(code)
        result.tail = tail
    return result


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


def make_batch(work: Path, args: argparse.Namespace) -> Input:
    """Input 2: *args.batch* generated maps, all on one command line."""
    paths = gen_maps.write_batch(work / "batch", args.batch, seed=0)
    size = sum(path.stat().st_size for path in paths)
    about = f"seeds 0..{args.batch - 1}, 5 stages x 4 touchpoints each, {size:,} B in all"
    rel = tuple(str(path.relative_to(work)) for path in paths)
    label = f"{args.batch:,} maps"
    return Input(label, "batch", rel, about, args.big_warmup, args.big_runs)


def make_big(work: Path, args: argparse.Namespace) -> Input:
    """Input 3: one generated map of about --big-bytes."""
    path = work / "big" / "big.cjm.yaml"
    path.parent.mkdir()
    path.write_text(gen_maps.generate_big_map(args.big_bytes), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    about = f"{path.stat().st_size:,} B, {text.count(chr(10)):,} lines, {text.count('  - phase: '):,} stages"
    label = f"{args.big_bytes / 1e6:g} MB map"
    rel = (str(path.relative_to(work)),)
    return Input(label, "big", rel, about, args.big_warmup, args.big_runs)


def measure(tool: Tool, inp: Input, cwd: Path) -> Result:
    """Time *tool* on *inp*; an unavailable tool gives an empty result."""
    return Result(tool) if tool.argv is None else time_tool(tool, inp, cwd)


Runs = list[tuple[Input, list[Result]]]

TARGETS = (
    Target("one", "yamllint", 1.0, True, "cjm faster than yamllint"),
    Target("one", "check-jsonschema", 1 / 3, True, "cjm under 1/3 of check-jsonschema"),
    Target("batch", "yamllint", 1.0, False, "no peer faster than cjm"),
    Target("batch", "check-jsonschema", 1.0, False, "no peer faster than cjm"),
    Target("big", "yamllint", None, False, "no target, for information"),
    Target("big", "check-jsonschema", None, False, "no target, for information"),
)
TARGET_TEXT = (
    "one map: cjm faster than yamllint and under 1/3 of check-jsonschema; 1,000 maps: no peer faster than cjm"
)


def find_result(results: list[Result], prefix: str) -> Result | None:
    """The result of the tool whose name starts with *prefix*, if timed."""
    for result in results:
        if result.tool.name.startswith(prefix) and result.times:
            return result
    return None


def exit_summary(codes: list[int]) -> str:
    """``0`` when every run agrees, else e.g. ``0 (x2), 1 (x1)``."""
    distinct = sorted(set(codes))
    if len(distinct) == 1:
        return str(distinct[0])
    return ", ".join(f"{code} (x{codes.count(code)})" for code in distinct)


def ratio_text(ratio: float) -> str:
    """Two decimals, or ``<0.01`` (a baseline against a long batch)."""
    return "<0.01" if ratio < 0.005 else f"{ratio:.2f}"


def table_lines(runs: Runs) -> list[str]:
    lines = [
        "| input | tool | median s | min s | ratio to cjm | exit codes |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for inp, results in runs:
        cjm = find_result(results, "cjm")
        for result in results:
            name = result.tool.name
            if not result.times:
                lines.append(f"| {inp.label} | {name} | {result.tool.missing} | | | |")
                continue
            ratio = ratio_text(result.median / cjm.median) if cjm else "n/a"
            lines.append(
                f"| {inp.label} | {name} | {result.median:.3f} | "
                f"{result.best:.3f} | {ratio} | {exit_summary(result.exit_codes)} |"
            )
    return lines


def target_row(label: str, results: list[Result], target: Target) -> tuple[str, bool]:
    """One row of the targets table, and whether the target was met."""
    peer, informative = target.peer, target.limit is None
    cjm, other = find_result(results, "cjm"), find_result(results, peer)
    if cjm is None or other is None:
        return f"| {label} | cjm/{peer}: not measured | {target.goal} | n/a |", informative
    ratio = cjm.median / other.median
    met = target.met_by(ratio)
    if informative:
        verdict = "-"
    elif set(cjm.exit_codes) != {0}:  # a failing cjm proves nothing
        verdict, met = "**n/a: cjm did not exit 0**", False
    else:
        verdict = "met" if met else "**MISSED**"
    return f"| {label} | cjm/{peer} = {ratio:.2f} | {target.goal} | {verdict} |", met


def target_lines(runs: Runs) -> tuple[list[str], bool]:
    """The cjm/peer ratios against the targets, and whether all were met."""
    lines = [
        f"Targets: {TARGET_TEXT}.",
        "",
        "| input | ratio (cjm median / peer median) | target | result |",
        "| --- | --- | --- | --- |",
    ]
    all_met = True
    by_kind = {inp.kind: (inp, results) for inp, results in runs}
    for target in TARGETS:
        inp, results = by_kind[target.kind]
        row, met = target_row(inp.label, results, target)
        lines.append(row)
        all_met = all_met and met
    return lines, all_met


def cjm_failures(runs: Runs) -> list[str]:
    """A loud block for every input on which cjm did not exit 0."""
    lines: list[str] = []
    for inp, results in runs:
        cjm = find_result(results, "cjm")
        if cjm is None or set(cjm.exit_codes) == {0}:
            continue
        bar = "!" * 72
        lines += [
            bar,
            f"!! cjm FAILED on valid input '{inp.label}': exit codes "
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
        "## cjm validate against its peers (wall clock, whole processes)",
        "",
        f"- when: {when}; machine: {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs; PYTHONDONTWRITEBYTECODE={bytecode}",
    ]
    lines += [f"- {note}" for note in setup.notes]
    lines.append(
        "- timing: time.perf_counter() around subprocess.run(); median and min "
        "of the timed runs, after warm-up runs that are not counted"
    )
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


def apply_defaults(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Fill the options left unset, from the normal or the --quick profile."""
    profile = {
        "runs": (10, 3),
        "big_runs": (3, 1),
        "warmup": (2, 1),
        "big_warmup": (1, 0),
        "batch": (1000, 100),
    }
    for name, (normal, quick) in profile.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else normal)
    for name in ("runs", "big_runs", "batch", "big_bytes"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.warmup < 0 or args.big_warmup < 0:
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
        inputs = [
            make_one_map(work, args.map, args),
            make_batch(work, args),
            make_big(work, args),
        ]
        runs = [(inp, [measure(tool, inp, work) for tool in setup.tools]) for inp in inputs]
    report, status = render_report(setup, inputs, runs)
    print(report)
    _, all_met = target_lines(runs)
    if args.check and not all_met and status == 0:
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
