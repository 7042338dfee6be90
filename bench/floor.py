"""The floor: the least any Python validator of journey maps must pay.

Interpreter start, a libyaml load (``yaml.CSafeLoader``) of each file given
on the command line, and basic checks of the map's shape: a mapping with
``cjm: 1``, a string ``title``, a list ``stages`` whose items are mappings
with a ``phase`` and a ``touchpoints`` list, each touchpoint a mapping with a
string ``title``. One line per bad file; exit 1 if any, else 0.

bench/bench.py times it as a tool, on every input, and shows every tool's
ratio to it. Usage::

    python bench/floor.py MAP...
"""

from __future__ import annotations

import sys

import yaml


def problem(data: object) -> str | None:
    """What is wrong with the shape of *data*, or None."""
    if not isinstance(data, dict) or data.get("cjm") != 1 or data["cjm"] is True:
        return "not a mapping with cjm: 1"
    if not isinstance(data.get("title"), str):
        return "title is not a string"
    stages = data.get("stages")
    if not isinstance(stages, list):
        return "stages is not a list"
    for stage in stages:
        if not isinstance(stage, dict) or "phase" not in stage:
            return "a stage is not a mapping with a phase"
        touchpoints = stage.get("touchpoints")
        if not isinstance(touchpoints, list):
            return "a stage's touchpoints is not a list"
        for touchpoint in touchpoints:
            if not isinstance(touchpoint, dict) or not isinstance(touchpoint.get("title"), str):
                return "a touchpoint is not a mapping with a string title"
    return None


def main(paths: list[str]) -> int:
    bad = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as stream:
                text = stream.read()
            why = problem(yaml.load(text, Loader=yaml.CSafeLoader))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            why = " ".join(f"cannot read: {exc}".split())
        if why is not None:
            print(f"{path}: {why}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
