"""Deterministic generator of valid cjm journey maps, for benchmarks and tests.

Every map follows the cjm journey-map format, version 1 (cjm: 1, title,
persona, narrative, stages of touchpoints). Maps never have an error and,
with at least five stages and four touchpoints per stage, no warning either
(they score 100):

* stages walk the phases awareness -> referral in order; several stages may
  share a phase, and with fewer than five stages ``phases:`` lists only the
  phases used, so no phase is empty;
* within a phase, ``step`` cycles connect, inform, entertain, share;
* every ``share`` touchpoint is told by an advocate (word of mouth), and in
  referral the advocate steps into the narrative's open role;
* ``engagement`` follows the step, so no phase is all spectators;
* emotion is random in -2..2 except on the last touchpoint of each phase,
  which is always 2, so every dip recovers.

The same arguments always give the same text (``random.Random(seed)``).

Usage as a module::

    from gen_maps import generate_map, generate_big_map, write_batch
    text = generate_map(seed=1, n_stages=5, touchpoints_per_stage=4)

Usage from the command line::

    python bench/gen_maps.py OUT_DIR --count 1000        # m0000.cjm.yaml ...
    python bench/gen_maps.py OUT_DIR --big 1000000       # big.cjm.yaml, ~1 MB
    python bench/gen_maps.py OUT_DIR --count 10 --verify # also parse each
                                                         # file with ruamel.yaml
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PHASES = ("awareness", "involvement", "trial", "commitment", "referral")
STEPS = ("connect", "inform", "entertain", "share")
ENGAGEMENT = {
    "connect": "spectator",
    "inform": "participant",
    "entertain": "engaged",
    "share": "engaged",
}
CHANNELS = ("social", "email", "web", "store", "event", "app", "chat", "phone")
ACTORS = ("brand", "brand", "brand", "partner", "customer")
NAMES = ("Maya", "Jonas", "Aiko", "Lucía", "Tomasz", "Amara", "Noor", "Ravi")
ROLES = ("Freelance designer", "Night-shift nurse", "Student", "Café owner")
BRANDS = ("Acme Notes", "StreamBox", "Velo Rent", "Kite Bank", "Tiny Chef")
VERBS = (
    "Scrolling",
    "Comparing",
    "Reading",
    "Watching",
    "Asking about",
    "Trying",
    "Paying for",
    "Sharing",
    "Reviewing",
    "Searching for",
)
OBJECTS = (
    "the demo",
    "prices",
    "a review",
    "the trial",
    "the app",
    "a friend's tip",
    "the invoice",
    "support chat",
    "the newsletter",
)
THOUGHTS = (
    "Is it worth it?",
    "That looks faster",
    "Where is the price?",
    "My friend uses this",
    "Can I cancel later?",
    "This just works",
)
FEELINGS = ("Curious", "Unsure", "Annoyed", "Relieved", "Delighted", "Calm")
PAINS = (
    "Price hidden until checkout",
    "Too many sign-up steps",
    "Slow page on mobile",
    "Unclear cancellation",
    "Jargon — not plain",
)
OPPORTUNITIES = (
    "Pin the free-trial link",
    "Show the price early",
    "Offer a referral code",
    "Send a how-to video ✓",
)

#: Bytes the generator aims at for ``generate_big_map``.
BIG_MAP_BYTES = 1_000_000
#: Touchpoints per stage in the big map: two full engagement cycles.
BIG_MAP_TOUCHPOINTS = 8


def q(text: str) -> str:
    """Quote *text* as a YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass(frozen=True)
class Slot:
    """Where one touchpoint sits in the journey."""

    index: int  # global touchpoint number, for unique ids
    stage: int
    phase: str
    step: str
    last_in_phase: bool


def stage_phases(n_stages: int) -> list[str]:
    """Spread *n_stages* over the phases, in journey order."""
    if n_stages < len(PHASES):
        return list(PHASES[:n_stages])
    return [PHASES[s * len(PHASES) // n_stages] for s in range(n_stages)]


def plan_slots(n_stages: int, per_stage: int) -> Iterator[Slot]:
    """Yield the touchpoint slots: steps cycle within each phase."""
    phases = stage_phases(n_stages)
    index = 0
    for stage, phase in enumerate(phases):
        first_of_phase = stage == 0 or phases[stage - 1] != phase
        if first_of_phase:
            step_counter = 0
        last_stage_of_phase = stage == n_stages - 1 or phases[stage + 1] != phase
        for t in range(per_stage):
            step = STEPS[step_counter % len(STEPS)]
            last = last_stage_of_phase and t == per_stage - 1
            yield Slot(index, stage, phase, step, last)
            index += 1
            step_counter += 1


def header_lines(rng: random.Random, seed: int, n_stages: int) -> list[str]:
    """The map's head: version, title, persona, narrative (and phases)."""
    name, brand = rng.choice(NAMES), rng.choice(BRANDS)
    lines = [
        "---",
        "cjm: 1",
        f"title: {q(f'{brand}: generated journey #{seed}')}",
        f"brand: {q(brand)}",
        "state: current",
        "tags: [generated, bench]",
        "persona:",
        f"  name: {q(name)}",
        f"  role: {q(rng.choice(ROLES))}",
        f"  quote: {q(rng.choice(THOUGHTS))}",
        "  goals:",
        f"    - {q('Get started without a call')}",
        "  frustrations:",
        f"    - {q(rng.choice(PAINS))}",
        "  prosumer: false",
        "narrative:",
        f"  hero: {q(name)}",
        f"  open_role: {q('The friend who recommends it next')}",
        f"  story: {q(f'{name} finds {brand} and tells others.')}",
    ]
    if 0 < n_stages < len(PHASES):
        lines.append(f"phases: [{', '.join(stage_phases(n_stages))}]")
    lines.append("stages:" if n_stages else "stages: []")
    return lines


def stage_lines(stage: int, phase: str, per_stage: int) -> list[str]:
    """The lines that open one stage."""
    lines = [
        f"  - phase: {phase}",
        f"    name: {q(f'{phase.capitalize()} {stage + 1}')}",
        f"    goal: {q(f'Move the persona past {phase}')}",
    ]
    lines.append("    touchpoints:" if per_stage else "    touchpoints: []")
    return lines


def touchpoint_id(slot: Slot) -> str:
    """A unique id, e.g. ``awar-conn-00000``."""
    return f"{slot.phase[:4]}-{slot.step[:4]}-{slot.index:05d}"


def touchpoint_lines(rng: random.Random, slot: Slot, following: Slot | None) -> list[str]:
    """The lines of one touchpoint, indented under its stage."""
    share = slot.step == "share"
    emotion = 2 if slot.last_in_phase else rng.randint(-2, 2)
    lines = [
        f"id: {touchpoint_id(slot)}",
        f"title: {q(f'{rng.choice(VERBS)} {rng.choice(OBJECTS)}')}",
        f"channel: {'word-of-mouth' if share else rng.choice(CHANNELS)}",
        f"actor: {'advocate' if share else rng.choice(ACTORS)}",
        f"step: {slot.step}",
        *(["storytelling: advocate"] if share else []),
        *(["steps_into_role: true"] if share and slot.phase == "referral" else []),
        f"engagement: {ENGAGEMENT[slot.step]}",
        f"emotion: {emotion}",
        f"doing: {q(f'{rng.choice(VERBS)} {rng.choice(OBJECTS)}')}",
        f"thinking: {q(rng.choice(THOUGHTS))}",
        f"feeling: {q(rng.choice(FEELINGS))}",
    ]
    lines += list_lines("pain_points", rng.sample(PAINS, rng.randint(0, 2)))
    if emotion == -2:
        lines += list_lines("opportunities", [rng.choice(OPPORTUNITIES)])
        lines.append("moment_of_truth: true")
    reach, ctr = rng.randint(100, 250_000), round(rng.uniform(0.001, 0.2), 4)
    lines.append(f"metrics: {{reach: {reach}, ctr: {ctr}}}")
    if following is not None and rng.random() < 0.2:
        lines.append(f"next: [{touchpoint_id(following)}]")
    pad = " " * 8
    return [pad[:-2] + "- " + lines[0]] + [pad + line for line in lines[1:]]


def list_lines(key: str, items: list[str]) -> list[str]:
    """A block sequence of quoted strings (``key: []`` when empty)."""
    if not items:
        return [f"{key}: []"]
    return [f"{key}:"] + [f"  - {q(item)}" for item in items]


def generate_map(seed: int, n_stages: int = 5, touchpoints_per_stage: int = 4) -> str:
    """Return the YAML text of one valid journey map, determined by *seed*."""
    if n_stages < 0 or touchpoints_per_stage < 0:
        raise ValueError("n_stages and touchpoints_per_stage must be >= 0")
    rng = random.Random(seed)
    lines = header_lines(rng, seed, n_stages)
    if n_stages == 0 or touchpoints_per_stage == 0:
        for stage, phase in enumerate(stage_phases(n_stages)):
            lines += stage_lines(stage, phase, 0)
        return "\n".join(lines) + "\n"
    slots = list(plan_slots(n_stages, touchpoints_per_stage))
    for slot, following in zip(slots, [*slots[1:], None], strict=True):
        if slot.index % touchpoints_per_stage == 0:
            lines += stage_lines(slot.stage, slot.phase, touchpoints_per_stage)
        lines += touchpoint_lines(rng, slot, following)
    return "\n".join(lines) + "\n"


def generate_big_map(target_bytes: int = BIG_MAP_BYTES, seed: int = 1_000_000) -> str:
    """Return one valid map of about *target_bytes* (many stages).

    The stage count is estimated from a probe and corrected once, so the
    result lands within about one stage (~3 KB) of the target; it is as
    deterministic as ``generate_map``.
    """
    per = BIG_MAP_TOUCHPOINTS
    small = len(generate_map(seed, 10, per).encode())
    large = len(generate_map(seed, 20, per).encode())
    per_stage = max(1.0, (large - small) / 10)
    n_stages = max(5, round(10 + (target_bytes - small) / per_stage))
    text = generate_map(seed, n_stages, per)
    n_stages = max(5, n_stages + round((target_bytes - len(text.encode())) / per_stage))
    return generate_map(seed, n_stages, per)


def batch_map_name(index: int) -> str:
    """File name of the *index*-th map of a batch."""
    return f"m{index:04d}.cjm.yaml"


def write_batch(
    directory: Path,
    count: int,
    seed: int = 0,
    n_stages: int = 5,
    touchpoints_per_stage: int = 4,
) -> list[Path]:
    """Write *count* maps (seeds seed..seed+count-1) into *directory*."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = directory / batch_map_name(i)
        text = generate_map(seed + i, n_stages, touchpoints_per_stage)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def verify_yaml(paths: list[Path]) -> list[str]:
    """Parse each file with ruamel.yaml (round-trip); return the failures.

    Needs ``ruamel.yaml``; the rest of this module is stdlib only.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    failures = []
    for path in paths:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"))
        except Exception as exc:  # any parser failure is a finding
            failures.append(f"{path}: {exc}")
            continue
        if not isinstance(data, dict) or data.get("cjm") != 1:
            failures.append(f"{path}: not a cjm: 1 mapping")
    return failures


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write maps into")
    parser.add_argument("--count", type=int, default=0, help="maps in the batch")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--stages", type=int, default=5, help="stages per map")
    parser.add_argument("--touchpoints", type=int, default=4, help="touchpoints per stage")
    parser.add_argument("--big", type=int, metavar="BYTES", help="also write big.cjm.yaml")
    parser.add_argument("--verify", action="store_true", help="parse the output with ruamel.yaml")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    paths = write_batch(args.out_dir, args.count, args.seed, args.stages, args.touchpoints)
    if args.big:
        big = args.out_dir / "big.cjm.yaml"
        big.write_text(generate_big_map(args.big), encoding="utf-8")
        paths.append(big)
    total = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} map(s), {total:,} bytes, to {args.out_dir}")
    try:
        failures = verify_yaml(paths) if args.verify else []
    except ImportError:
        print("--verify needs ruamel.yaml: pip install ruamel.yaml", file=sys.stderr)
        return 2
    for failure in failures:
        print(failure, file=sys.stderr)
    if args.verify and not failures:
        print(f"ruamel.yaml parsed all {len(paths)} map(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
