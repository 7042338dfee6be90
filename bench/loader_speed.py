"""Loading time of cjm's loader against the parser alone, in one process (min of N runs).

    .venv/bin/python bench/loader_speed.py [--runs N]

For each input: `load_text` (the flat loop of cjm.loader.flat, as cjm runs),
`load_text(fast=False)` (cjm.loader.build.Builder only, the loader before
issue 16), libyaml's events alone (the floor: the C parser and the event
objects it makes) and PyYAML's CSafeLoader (for scale). Inputs: a sample map
of 11 KB, a generated map of 35 KB and one of 1 MB (bench/gen_maps.py).

Measured on the shared 2-core machine (load average about 2) on 2026-12-01,
min of 50 / 30 / 5 runs, in ms:

    input                 flat  builder  events  CSafeLoader
    b2b-saas-trial 11 KB  1.38     3.31    0.86     1.62
    generated 35 KB       4.00    10.16    2.29     6.47
    generated 1 MB       164.9    395.3    77.1    777.1

(flat is 0.39-0.42x of the builder, and 1.6-2.1x the events alone.)
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


def best_ms(load: Callable[[str], object], text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load(text)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


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
    print(f"{'input':22}" + "".join(f"{name:>12}" for name, _ in loaders))
    for label, text, runs in inputs:
        row = [best_ms(load, text, args.runs or runs) for _, load in loaders]
        print(f"{label:22}" + "".join(f"{ms:12.2f}" for ms in row))


if __name__ == "__main__":
    main()
