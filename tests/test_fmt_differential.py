"""The fast canonical writer (cjm.fmt.fast) is ruamel.yaml's round trip, only faster.

Every input the tests have goes through `format_text` both ways (`fast=False` is the round trip alone)
and must give the same outcome: the same text byte for byte, or the same refusal. The inputs: the
sample maps, every YAML file under tests/ (goldens, the hostile corpus), the rules' docstring
examples, generated maps (bench/gen_maps.py) and maps written many ways by Hypothesis
(tests/fuzzing.py and tests/writer.py). The fast path must really be taken on the samples and
generated maps, so these tests cannot pass by always declining.
"""

from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cjm.fmt
from cjm.fmt import FormatterError, NotFormattable, format_text
from cjm.fmt.fast import canonical_fast
from cjm.loader import load_bytes
from cjm.rules import RULES
from cjm.rules.docs import rule_doc, versions
from tests.fuzzing import map_texts
from tests.writer import written_maps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import gen_maps  # noqa: E402  (bench/ is not a package)

SAMPLES = sorted((ROOT / "sample_maps").rglob("*.yaml"))
TEST_FILES = sorted({*(ROOT / "tests").rglob("*.yaml"), *(ROOT / "tests").rglob("*.yml"),
                     *(path for path in (ROOT / "tests/corpus/files").rglob("*") if path.is_file())})
GENERATED = [(1, 5, 4), (2, 1, 1), (3, 8, 6), (5, 12, 8)]


def outcome(text: str, fast: bool) -> tuple[str, str]:
    try:
        return "formatted", format_text(text, fast=fast)
    except (NotFormattable, FormatterError) as exc:
        return type(exc).__name__, str(exc)


def both_ways(text: str) -> bool:
    """Assert the same outcome both ways; whether the fast writer took the map."""
    taken: list[bool] = []

    def recording(clean: str, keep_flow: set[tuple[int, int]]) -> str | None:
        written = canonical_fast(clean, keep_flow)
        taken.append(written is not None)
        return written

    with mock.patch.object(cjm.fmt, "canonical_fast", recording):
        fast = outcome(text, fast=True)
    assert fast == outcome(text, fast=False)
    return any(taken)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name)
def test_the_sample_maps_take_the_fast_path(path: Path) -> None:
    assert both_ways(path.read_text("utf-8")), "the sample map takes the fast path"


@pytest.mark.parametrize("path", TEST_FILES, ids=lambda path: str(path.relative_to(ROOT / "tests")))
def test_every_yaml_file_of_the_tests(path: Path) -> None:
    loaded = load_bytes(path.read_bytes(), path.name)
    both_ways(loaded.text)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_rules_examples(rule: str) -> None:
    doc = rule_doc(rule)
    for example_text in (doc.failing, doc.passing):
        for version in versions(example_text.rstrip("\n")):
            both_ways(version + "\n")


@pytest.mark.parametrize("sizes", GENERATED, ids=str)
def test_generated_maps_take_the_fast_path(sizes: tuple[int, int, int]) -> None:
    assert both_ways(gen_maps.generate_map(*sizes))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(map_texts())
def test_maps_written_every_way(text: str) -> None:
    both_ways(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(map_texts(odd=True))
def test_maps_with_tags_tabs_and_odd_keys(text: str) -> None:
    both_ways(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written_maps())
def test_yaml_written_many_ways(text: str) -> None:
    both_ways(text)


NUMBERISH = st.text(st.sampled_from(list("0123456789+-._xXoObBeE:TZ ")), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NUMBERISH | st.sampled_from(["true", "True", "null", "~", "yes", "", "2026-01-01"]),
                min_size=1, max_size=4))
def test_plain_spellings(values: list[str]) -> None:
    """Numbers, dates, booleans and nulls as values, in a mapping, a list and a flow list."""
    rows = "".join(f"x-{i}: {value}\n" for i, value in enumerate(values))
    listed = "".join(f"  - {value}\n" for value in values)
    text = f"cjm: 1\ntitle: T\nstages: []\n{rows}x-list:\n{listed}x-flow: [{', '.join(values)}]\n"
    both_ways(text)
