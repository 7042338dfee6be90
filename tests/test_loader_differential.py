"""The flat loader (cjm.loader.flat) is the Builder (cjm.loader.build), only faster.

Every input the tests have goes through `load_text` both ways (`fast=False`
is the Builder alone) and must give the same Loaded value: the same data
(types and key order too), the same positions of every value, key and
hashtag, the same findings. The inputs: the sample maps, every YAML file
under tests/ (the mistakes goldens, the hostile corpus when it is there),
the rules' docstring examples, generated maps (bench/gen_maps.py) and maps
written many ways by Hypothesis. The fast path must really run on the
sample and generated maps, so these tests cannot pass by always falling back.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cjm.check.config import Config
from cjm.check.engine import check_loaded
from cjm.loader import MAX_DEPTH, Loaded, load_bytes, load_text
from cjm.loader.flat import load_flat
from cjm.rules import RULES
from cjm.rules.docs import rule_doc, versions
from tests.writer import written_maps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import gen_maps  # noqa: E402  (bench/ is not a package)

SAMPLES = sorted((ROOT / "sample_maps").rglob("*.yaml"))
TEST_FILES = sorted({*(ROOT / "tests").rglob("*.yaml"), *(ROOT / "tests").rglob("*.yml"),
                     *(path for path in (ROOT / "tests/corpus/files").rglob("*") if path.is_file())})
GENERATED = [(1, 5, 4), (2, 1, 1), (3, 8, 6), (4, 0, 0), (5, 12, 8)]


def shape(value: Any) -> Any:
    """A value with its types and key order spelled out (NaN equals NaN; 1 and True differ)."""
    if isinstance(value, dict):
        return ("dict", [(key, shape(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [shape(item) for item in value])
    return (type(value).__name__, repr(value))


def snapshot(loaded: Loaded) -> tuple[Any, ...]:
    positions = loaded.positions
    return (loaded.path, loaded.text, shape(loaded.data), list(positions.values.items()),
            list(positions.keys.items()), list(positions.hashtags.items()), loaded.findings,
            loaded.long_numbers)


def assert_same(text: str) -> None:
    assert snapshot(load_text(text, "m.cjm.yaml")) == snapshot(load_text(text, "m.cjm.yaml", fast=False))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name)
def test_sample_maps_load_fast_and_check_the_same(path: Path) -> None:
    text = path.read_text("utf-8")
    assert load_flat(text, MAX_DEPTH) is not None, "the sample map takes the fast path"
    fast, built = load_text(text, path.name), load_text(text, path.name, fast=False)
    assert snapshot(fast) == snapshot(built)
    assert check_loaded(fast, Config()).to_dict() == check_loaded(built, Config()).to_dict()


@pytest.mark.parametrize("path", TEST_FILES, ids=lambda path: str(path.relative_to(ROOT / "tests")))
def test_every_yaml_file_of_the_tests(path: Path) -> None:
    raw = path.read_bytes()
    assert snapshot(load_bytes(raw, path.name)) == snapshot(load_bytes(raw, path.name, fast=False))


def test_the_corpus_recipes() -> None:
    """The hostile corpus's generated files (tests/corpus/recipes.py, from issue 10), when present."""
    if not (ROOT / "tests/corpus/recipes.py").is_file():
        pytest.skip("the hostile corpus (tests/corpus, issue 10) is not merged in this checkout")
    from tests.corpus.recipes import RECIPES  # type: ignore[import-not-found, unused-ignore]

    for make in RECIPES.values():
        assert_same(make())


@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_rules_examples(rule: str) -> None:
    doc = rule_doc(rule)
    for example_text in (doc.failing, doc.passing):
        for version in versions(example_text.rstrip("\n")):
            assert_same(version + "\n")


@pytest.mark.parametrize("sizes", GENERATED, ids=str)
def test_generated_maps_load_fast(sizes: tuple[int, int, int]) -> None:
    text = gen_maps.generate_map(*sizes)
    assert load_flat(text, MAX_DEPTH) is not None
    assert_same(text)


def test_a_big_generated_map() -> None:
    text = gen_maps.generate_big_map(300_000)
    assert load_flat(text, MAX_DEPTH) is not None
    assert_same(text)


FALLS_BACK = {
    "anchor and alias": "a: &x [1]\nb: *x\n",
    "anchor alone": "a: &x 1\n",
    "tag": "a: !!str 1\n",
    "non-specific tag": "a: ! 1\n",
    "collection tag": "a: !!map {b: 1}\n",
    "merge key": "base: &b {x: 1}\nm:\n  <<: *b\n",
    "quoted merge key": "'<<': {x: 1}\n",
    "repeated key": "a: 1\na: 2\n",
    "forgotten dash": "items:\n  - id: a\n    t: 1\n    id: b\n",
    "complex key": "? [a, b]\n: 1\n",
    "mapping as key": "{a: 1}: 2\n",
    "long number": "n: " + "9" * 5000 + "\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "too deep": "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
    "syntax error": "a: 'open\nb: 2\n",
    "NEL": "a: x\x85y\nb: 1\n",
    "line separator": "a: x\u2028y\nb: 1\n",
    "paragraph separator": "a: \u2029\nb: 1\n",
    "BOM": "\ufeffa: 1\n",
    "BOM inside": "a: 1\n\ufeffb: 2\n",
    "lone surrogate": "a: \ud800\n",
}


@pytest.mark.parametrize("text", FALLS_BACK.values(), ids=FALLS_BACK.keys())
def test_what_the_fast_path_leaves_to_the_builder(text: str) -> None:
    assert load_flat(text, MAX_DEPTH) is None
    assert gc.isenabled(), "the fast path turns the garbage collector back on"
    assert_same(text)


AT_THE_EDGES = {
    "empty": "",
    "comment only": "# nothing\n",
    "empty document": "---\n",
    "explicit end": "a: 1\n...\n",
    "scalar root": "just text\n",
    "null root": "~\n",
    "list root": "- a\n- {b: [1, 2.5, .inf, .NaN, -0, 0x1F, 0o17, true, null, '']}\n",
    "keys as written": "1: a\ntrue: b\nnull: c\n~: d\n'q': e\n\"\\u00e9\": f\n: g\n",
    "hashtags": "a: Refer #BringAFriend\nb: [x #NotOne, y]\nc: plain  #Tag # and more\nd: 'q' #no\n"
                "e: v #cjm: disable=x\nf:\n  - item\t#Tab\n",
    "CRLF": "a: 1\r\nb:\r\n  - x #Tag\r\n  - y\r\n",
    "CR": "a: 1\rb:\r  - x #Tag\r  - y\r",
    "unicode": "titre: Café ☕ 名前 🚀\nnote: \"é\\té\"\n名前: ✓ #タグ\n",
    "tabs": "a:\tb\nc: [1,\t2]\nd: 'x\ty'\n",
    "block scalars": "a: |\n  line\n  two\nb: >-\n  folded\n  text\nc: end\n",
    "depth at the limit": "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n",
    "multi-line plain": "a: one\n  two #Tag\nb: x\n",
    "yaml directive": "%YAML 1.2\n---\na: 1\n",
}


@pytest.mark.parametrize("text", AT_THE_EDGES.values(), ids=AT_THE_EDGES.keys())
def test_the_edges_of_the_fast_path(text: str) -> None:
    assert_same(text)


@settings(max_examples=300)
@given(written_maps())
@example("a: b\n")
def test_maps_written_many_ways(text: str) -> None:
    assert_same(text)


@settings(max_examples=100)
@given(written_maps())
def test_maps_with_a_bom_as_bytes(text: str) -> None:
    raw = b"\xef\xbb\xbf" + text.encode("utf-8")
    assert snapshot(load_bytes(raw)) == snapshot(load_bytes(raw, fast=False))


DAMAGE = [*"&*!#:-?|>'\"[]{},\t\r\n \\%@`~", "\x85", "\u2028", "\ufeff", "<<", "---", "é", "\x00", "\ud800"]


@settings(max_examples=300)
@given(written_maps(), st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(DAMAGE)), max_size=4))
def test_damaged_maps(text: str, damage: list[tuple[int, str]]) -> None:
    for at, inserted in damage:
        at %= len(text) + 1
        text = text[:at] + inserted + text[at:]
    assert_same(text)
