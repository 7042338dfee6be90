"""How `cjm validate` grows with the size of a map: it must be linear, whatever the map.

Usage (from the repository root, with the venv that has cjm)::

    python bench/growth.py              # sizes 1,000, 10,000 and 100,000; 3 runs each
    python bench/growth.py --sizes 1000 10000 --runs 5

Each shape is a map that once made a check quadratic (issue 10), at three
sizes N. Every run is a whole `cjm validate` process; the table shows the
median seconds, the file size, the exit code, and the growth from one size
to the next (about 10 for linear growth when N grows tenfold; a quadratic
check shows about 100). Shapes:

* touchpoints: a valid map of N touchpoints (5 phases);
* phases: N phases listed, one stage and one touchpoint each (over 1,000
  phases is a `schema` finding naming the limit);
* unknown-next: one touchpoint whose `next` names N ids that do not exist;
* unknown-phases: N stages whose phase is not one of the map's phases;
* dips: N touchpoints in a row with negative emotion;
* repeated-phases: `phases` lists N names, each twice.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEAD = "cjm: 1\ntitle: Growth\nnarrative: {open_role: The next customer}\n"
STEPS = ("connect", "inform", "entertain", "share")
PHASES = ("awareness", "involvement", "trial", "commitment", "referral")


def touchpoints(n: int) -> str:
    out = [HEAD, "stages:\n"]
    per = max(1, n // len(PHASES))
    for p, phase in enumerate(PHASES):
        out.append(f"  - phase: {phase}\n    touchpoints:\n")
        for i in range(per):
            step = STEPS[i % 4]
            out.append(f"      - {{id: t{p}-{i}, title: Touchpoint {i}, step: {step}, engagement: engaged, "
                       f"emotion: 1}}\n")
    return "".join(out)


def phases(n: int) -> str:
    names = [f"phase-{i}" for i in range(n)]
    out = [HEAD, f"phases: [{', '.join(names)}]\n", "stages:\n"]
    out += [f"  - {{phase: {name}, touchpoints: [{{id: t{i}, title: T, step: connect}}]}}\n"
            for i, name in enumerate(names)]
    return "".join(out)


def unknown_next(n: int) -> str:
    targets = ", ".join(f"missing-{i}" for i in range(n))
    touchpoint = f"      - {{id: a, title: A, next: [{targets}]}}\n"
    return HEAD + "stages:\n  - phase: awareness\n    touchpoints:\n" + touchpoint


def unknown_phases(n: int) -> str:
    return HEAD + "stages:\n" + "".join(f"  - {{phase: nowhere-{i}, touchpoints: []}}\n" for i in range(n))


def dips(n: int) -> str:
    rows = "".join(f"      - {{id: d{i}, title: Dip {i}, step: connect, emotion: -2}}\n" for i in range(n))
    return HEAD + "stages:\n  - phase: awareness\n    touchpoints:\n" + rows


def repeated_phases(n: int) -> str:
    names = [f"p{i}" for i in range(n)]
    return HEAD + f"phases: [{', '.join(names + names)}]\nstages: []\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "touchpoints": touchpoints, "phases": phases, "unknown-next": unknown_next,
    "unknown-phases": unknown_phases, "dips": dips, "repeated-phases": repeated_phases,
}


def cjm_command() -> list[str]:
    beside = Path(sys.executable).parent / "cjm"
    found = str(beside) if beside.exists() else shutil.which("cjm")
    return [found, "validate"] if found else [sys.executable, "-m", "cjm", "validate"]


def time_run(command: list[str], path: Path, runs: int) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([*command, "--quiet", str(path)], capture_output=True, check=False,
                              env={**os.environ, "NO_COLOR": "1"})
        times.append(time.perf_counter() - start)
        code = done.returncode
    return statistics.median(times), code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    args = parser.parse_args()
    command = cjm_command()
    print(f"# {' '.join(command)} --quiet MAP, median of {args.runs} runs\n")
    print("| shape | N | file | seconds | exit | growth |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.shapes:
            previous = None
            for n in args.sizes:
                path = Path(folder) / f"{shape}-{n}.cjm.yaml"
                path.write_text(SHAPES[shape](n), "utf-8")
                seconds, code = time_run(command, path, args.runs)
                growth = f"{seconds / previous:.1f}x" if previous else "-"
                size = path.stat().st_size
                row = f"| {shape} | {n:,} | {size / 1e6:.2f} MB | {seconds:.3f} | {code} | {growth} |"
                print(row, flush=True)
                previous = seconds
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
