"""Corpus files too big to commit, made at test time: `RECIPES[name]()` is the file's bytes.

Each is named in expected.json like a committed file (with `"recipe": true`).
They are where size is the point: the size limit, millions of characters in
one value, thousands of keys, ids, phases and references, at the sizes that
once made a check take minutes (issue 10).
"""

from __future__ import annotations

from collections.abc import Callable

from cjm.loader import MAX_BYTES

HEAD = "cjm: 1\ntitle: Generated\n"


def _touchpoints(rows: list[str], phase: str = "awareness") -> str:
    listed = "".join(f"      - {row}\n" for row in rows)
    return HEAD + f"stages:\n  - phase: {phase}\n    touchpoints:\n" + listed


def one_scalar_of_5_mb() -> str:
    return HEAD + "description: " + "Lorem ipsum " * (5 * 2**20 // 12) + "\n" + _touchpoints(
        ["{id: a, title: A, step: connect}"]).removeprefix(HEAD)


def one_line_of_256_kb_in_a_title() -> str:
    return _touchpoints(["{id: a, title: '" + "x" * 2**18 + "', step: connect}"])


def just_over_the_size_limit() -> str:
    comment = "# " + "padding " * 12 + "\n"
    text = _touchpoints(["{id: a, title: A, step: connect}"])
    return text + comment * ((MAX_BYTES - len(text)) // len(comment) + 1)


def comments_up_to_the_size_limit() -> str:
    text = _touchpoints(["{id: a, title: A, step: connect}"])
    comment = "# a comment line that says nothing much at all\n"
    return text + comment * ((MAX_BYTES - len(text)) // len(comment))


def unknown_keys_1000() -> str:
    keys = ", ".join(f"emotoin{i}: 1" for i in range(500))
    return _touchpoints([f"{{id: a, title: A, step: connect, {keys}}}"]) + "".join(
        f"unknown-key-{i}: {i}\n" for i in range(500))


def the_same_id_5000_times() -> str:
    return _touchpoints([f"{{id: same, title: T{i}, step: connect}}" for i in range(5_000)])


def phases_20000() -> str:
    return HEAD + "phases: [" + ", ".join(f"phase-{i}" for i in range(20_000)) + "]\nstages: []\n"


def unknown_phases_9000() -> str:
    stages = "".join(f"  - {{phase: nowhere-{i}, touchpoints: []}}\n" for i in range(9_000))
    return HEAD + "stages:\n" + stages


def stages_over_the_limit() -> str:
    return HEAD + "stages:\n" + "".join("  - {phase: awareness, touchpoints: []}\n" for _ in range(10_001))


def unknown_next_ids_30000() -> str:
    targets = ", ".join(f"missing-{i}" for i in range(30_000))
    return _touchpoints([f"{{id: a, title: A, step: connect, next: [{targets}]}}"])


def dips_12000() -> str:
    return _touchpoints([f"{{id: t{i}, title: T, step: connect, emotion: -2}}" for i in range(12_000)])


def touchpoints_over_the_limit() -> str:
    return _touchpoints([f"{{id: t{i}, title: T}}" for i in range(100_001)])


def a_valid_map_of_2000_touchpoints() -> str:
    steps = ("connect", "inform", "entertain", "share")
    rows = [f"{{id: t{i}, title: Touchpoint {i}, step: {steps[i % 4]}, engagement: engaged, "
            f"emotion: {i % 5 - 2}, actor: customer}}" for i in range(2_000)]
    return _touchpoints(rows)


def aliases_past_the_value_limit() -> str:
    items = ", ".join(str(i) for i in range(1_000))
    refs = "".join(f"x-ref-{i}: *big\n" for i in range(300))
    return HEAD + f"x-big: &big [{items}]\n" + refs + "stages: []\n"


def duplicate_keys_2000() -> str:
    return HEAD + "stages: []\n" + "x-same: 1\n" * 2_000


def anchors_and_aliases_50000() -> str:
    return HEAD + "stages: []\n" + "".join(f"x-a{i}: &a{i} v\nx-b{i}: *a{i}\n" for i in range(25_000))


def long_numbers_1000() -> str:
    return HEAD + "stages: []\nx-numbers:\n" + "".join(f"  - {'7' * 4_301}\n" for _ in range(1_000))


def nesting_100000_deep() -> str:
    return HEAD + "stages: []\nx-deep: " + "[" * 100_000 + "]" * 100_000 + "\n"


RECIPES: dict[str, Callable[[], str]] = {
    "recipe-5-mb-scalar": one_scalar_of_5_mb,
    "recipe-256-kb-line": one_line_of_256_kb_in_a_title,
    "recipe-over-size-limit": just_over_the_size_limit,
    "recipe-comments-to-size-limit": comments_up_to_the_size_limit,
    "recipe-1000-unknown-keys": unknown_keys_1000,
    "recipe-5000-duplicate-ids": the_same_id_5000_times,
    "recipe-20000-phases": phases_20000,
    "recipe-9000-unknown-phases": unknown_phases_9000,
    "recipe-10001-stages": stages_over_the_limit,
    "recipe-30000-unknown-next": unknown_next_ids_30000,
    "recipe-12000-dips": dips_12000,
    "recipe-100001-touchpoints": touchpoints_over_the_limit,
    "recipe-2000-valid-touchpoints": a_valid_map_of_2000_touchpoints,
    "recipe-alias-value-limit": aliases_past_the_value_limit,
    "recipe-2000-duplicate-keys": duplicate_keys_2000,
    "recipe-50000-anchors": anchors_and_aliases_50000,
    "recipe-1000-long-numbers": long_numbers_1000,
    "recipe-nesting-100000": nesting_100000_deep,
}
