"""Loading time of cjm's loader against the parser alone, in one process (min of N runs).

    .venv/bin/python bench/loader_speed.py [--runs N]

For each input: `load_text` (the flat loop of cjm.loader.flat, as cjm runs),
`load_text(fast=False)` (cjm.loader.build.Builder only, the loader before
issue 16), libyaml's events alone (the floor: the C parser and the event
objects it makes) and PyYAML's CSafeLoader (for scale). Inputs: a sample map
of 11 KB, a generated map of 35 KB and one of 1 MB (bench/gen_maps.py).

The loaders take turns within each run. Measured on the shared 2-core machine
on 2026-12-01 (busy: load average 1-3, so absolute times vary by 2x between
runs; the ratio is the figure), min of 50 / 30 / 5 runs, in ms:

    input                 flat  builder  events  CSafeLoader  flat/builder
    b2b-saas-trial 11 KB  1.90     5.01    0.73        2.60          0.38
    generated 35 KB       7.80    27.38    3.63       13.63          0.28
    generated 1 MB      371.59  1137.34  148.95       845.49         0.33

and in a second, busier run 0.40 / 0.39 / 0.43. What is left above the events
is mostly one Pos per value and key (a frozen dataclass: about 0.5 us each, a
fifth of the flat loop's time on the 1 MB map).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from yaml._yaml import CParser

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_maps

from cjm.loader import load_text

ROOT = Path(__file__).resolve().parent.parent


def events_only(text: str) -> None:
    parser = CParser(text)
    while parser.get_event() is not None:
        pass
    parser.dispose()


def best_ms(loaders: list[Callable[[str], object]], text: str, runs: int) -> list[float]:
    """The fastest of `runs` runs of each loader, in ms; the loaders take turns, so a busy machine
    slows them alike."""
    times: list[list[float]] = [[] for _ in loaders]
    for _ in range(runs):
        for load, taken in zip(loaders, times, strict=True):
            start = time.perf_counter()
            load(text)
            taken.append(time.perf_counter() - start)
    return [min(taken) * 1000 for taken in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=0, help="runs per input (default 50 / 30 / 5)")
    args = parser.parse_args()
    inputs = [("b2b-saas-trial 11 KB", (ROOT / "sample_maps/b2b-saas-trial.cjm.yaml").read_text("utf-8"), 50),
              ("generated 35 KB", gen_maps.generate_map(1, 10, 8), 30),
              ("generated 1 MB", gen_maps.generate_big_map(1_000_000), 5)]
    loaders: list[tuple[str, Callable[[str], object]]] = [
        ("flat", load_text), ("builder", lambda text: load_text(text, fast=False)),
        ("events", events_only), ("CSafeLoader", lambda text: yaml.load(text, Loader=yaml.CSafeLoader))]
    print(f"{'input':22}" + "".join(f"{name:>12}" for name, _ in loaders) + f"{'flat/builder':>14}")
    for label, text, runs in inputs:
        row = best_ms([load for _, load in loaders], text, args.runs or runs)
        print(f"{label:22}" + "".join(f"{ms:12.2f}" for ms in row) + f"{row[0] / row[1]:14.2f}")


if __name__ == "__main__":
    main()
