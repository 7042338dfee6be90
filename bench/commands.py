"""Time `cjm score`, `render` and `fmt --check` against `cjm validate` on one map, as whole processes.

Usage (from the repository root, with the venv that has cjm)::

    python bench/commands.py            # 10 runs of each command, alternated
    python bench/commands.py --runs 20 --map sample_maps/b2b-saas-trial.cjm.yaml

Each command runs in a fresh temporary folder holding a copy of the map (so no project config
applies), its output going to a pipe. Commands are alternated run by run, so a busy moment of the
machine falls on all of them alike; each command's figure is the minimum of its runs, and its ratio
is that minimum over `cjm validate`'s. The goals of issue 16: score within 1.2x validate, render
within 2x, fmt --check within 1.5x.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAP = REPO_ROOT / "sample_maps" / "streaming-subscription.cjm.yaml"
COMMANDS = {
    "validate": ["validate", "MAP"],
    "score": ["score", "MAP"],
    "score --format json": ["score", "--format", "json", "MAP"],
    "render": ["render", "MAP", "--out", "OUT"],
    "render --to html": ["render", "MAP", "--to", "html", "--out", "OUT"],
    "fmt --check": ["fmt", "--check", "MAP"],
}
GOALS = {"score": 1.2, "score --format json": 1.2, "render": 2.0, "fmt --check": 1.5}


def cjm_command() -> list[str]:
    beside = Path(sys.executable).parent / "cjm"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "cjm"]


def time_once(argv: list[str], folder: Path) -> float:
    out = folder / "rendered"
    shutil.rmtree(out, ignore_errors=True)
    args = [str(out) if word == "OUT" else word for word in argv]
    start = time.perf_counter()
    subprocess.run(args, cwd=folder, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--map", type=Path, default=DEFAULT_MAP)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cjm-bench-") as tmp:
        folder = Path(tmp)
        shutil.copy(options.map, folder / "map.cjm.yaml")
        argvs = {name: [*cjm_command(), *("map.cjm.yaml" if w == "MAP" else w for w in words)]
                 for name, words in COMMANDS.items()}
        times: dict[str, list[float]] = {name: [] for name in argvs}
        for argv in argvs.values():  # one warm-up each: caches, page cache
            time_once(argv, folder)
        for _ in range(options.runs):
            for name, argv in argvs.items():
                times[name].append(time_once(argv, folder))
    floor = min(times["validate"])
    print(f"{options.map.name}, min of {options.runs} runs, alternated")
    for name, runs in times.items():
        ratio = min(runs) / floor
        goal = GOALS.get(name)
        verdict = f"  (goal {goal}x: {'met' if ratio <= goal else 'missed'})" if goal else ""
        print(f"cjm {name:<22} {min(runs) * 1000:7.1f} ms  {ratio:4.2f}x validate{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
