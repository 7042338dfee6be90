"""No input, however broken, raises: it gives a list of diagnostics.

Arbitrary text and bytes go through the loader and every check; arbitrary
YAML documents (dumped by ruamel.yaml, then cut or damaged) go through
`check_text`. Each test runs CJM_FUZZ_EXAMPLES examples (tests/fuzzing.py);
tests/test_fuzz_fmt.py and tests/test_fuzz_render.py fuzz `cjm fmt` and the
renderers.
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from cjm.check.config import Config
from cjm.check.engine import check_loaded, check_text
from cjm.check.result import FileResult
from cjm.diagnostic import Diagnostic
from cjm.loader import load_bytes, load_text
from cjm.rules import RULES
from tests.fuzzing import fuzz

EXAMPLES = fuzz()


def assert_well_formed(result: FileResult) -> None:
    assert isinstance(result.diagnostics, list)
    for diagnostic in result.diagnostics:
        assert isinstance(diagnostic, Diagnostic)
        assert diagnostic.rule in RULES
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert diagnostic.message
    json.dumps(result.to_dict(), allow_nan=True)
    if result.score is not None:
        json.dumps(result.score.to_dict())
        if result.score.score is None:
            assert result.journey is not None and not result.journey.has_steps
        else:
            assert 0 <= result.score.score <= 100


@EXAMPLES
@given(st.text())
@example("")
@example("a: &a [*a]\n")
@example("\ufeffcjm: 1\n")
@example("stages: [{phase: awareness, touchpoints: [{id: a, next: [b]}]}]\n")
def test_any_text(text: str) -> None:
    assert_well_formed(check_loaded(load_text(text, "fuzz.cjm.yaml"), Config()))


@EXAMPLES
@given(st.binary())
@example(b"\xef\xbb\xbf\xff")
@example(b"\x00")
@example(b"a: \xe2\x82")
def test_any_bytes(raw: bytes) -> None:
    assert_well_formed(check_loaded(load_bytes(raw, "fuzz.cjm.yaml"), Config()))


HUGE = "1" + "0" * 400  # an int too large for float()
ONE_TOUCHPOINT = "[{{phase: trial, touchpoints: [{{id: a, title: A, {field}}}]}}]"


@pytest.mark.parametrize(("key", "value"), [
    ("cjm", HUGE),
    ("title", HUGE),
    ("x-big", HUGE),
    ("phases", f"[{HUGE}]"),
    ("stages", ONE_TOUCHPOINT.format(field=f"emotion: {HUGE}")),
    ("stages", ONE_TOUCHPOINT.format(field=f"emotion: -{HUGE}")),
    ("stages", ONE_TOUCHPOINT.format(field=f"metrics: {{reach: {HUGE}}}")),
    ("stages", ONE_TOUCHPOINT.format(field="emotion: 1" + "0" * 5000)),
], ids=["cjm", "title", "x-key", "phases", "emotion", "negative-emotion", "metrics", "5000-digits"])
def test_huge_numbers(key: str, value: str) -> None:
    fields = {"cjm": "1", "title": "T", "stages": "[]", key: value}
    text = "".join(f"{k}: {v}\n" for k, v in fields.items())
    assert_well_formed(check_text(text, "huge.cjm.yaml"))


YAML_CHARS = st.sampled_from([*":-?[]{},&*!|>'\"%@`#\t\n ", "  ", "\n- ", ": ", "<<: ", "---\n"])
YAML_WORDS = st.sampled_from(["cjm", "1", "title", "stages", "phase", "touchpoints", "id", "step",
                              "share", "emotion", "-2", "next", "awareness", "~", "!!str", "&a", "*a"])


@EXAMPLES
@given(st.lists(YAML_CHARS | YAML_WORDS, max_size=40).map("".join))
def test_yaml_like_text(text: str) -> None:
    assert_well_formed(check_text(text, "fuzz.cjm.yaml"))


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | st.just(10**400)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
MAP_KEYS = st.sampled_from(["cjm", "title", "stages", "phases", "persona", "phase", "touchpoints",
                            "id", "step", "emotion", "next", "engagement", "actor", "storytelling"])
MAPLIKE = st.recursive(
    SCALARS | st.sampled_from(["connect", "share", "awareness", "trial", "engaged", "customer", 1, -2]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(MAP_KEYS, inner, max_size=5),
    max_leaves=25,
)


def dump(value: Any, flow: bool) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    stream = io.StringIO()
    yaml.dump(value, stream)
    return stream.getvalue()


def reference_load(text: str) -> Any:
    from ruamel.yaml import YAML

    try:
        return YAML(typ="safe", pure=True).load(text)
    except Exception:  # ruamel cannot read its own output: not the loader's concern
        return _UNREADABLE


_UNREADABLE = object()


def same(a: Any, b: Any) -> bool:
    """Equality where NaN equals NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@EXAMPLES
@given(VALUES | MAPLIKE, st.booleans())
def test_dumped_documents_load_back_unchanged(value: Any, flow: bool) -> None:
    """Whatever ruamel.yaml writes and reads back unchanged, the loader reads unchanged too.

    (ruamel's emitter does not always escape line-break characters, and writes
    `[?0]` for the text '?0', which no parser reads back as text.)
    """
    text = dump(value, flow)
    assume(value is not None)  # a document of just `null` is an empty map file
    assume(same(reference_load(text), value))
    loaded = load_text(text)
    assert loaded.findings == [], text
    assert same(loaded.data, value), text


@st.composite
def damaged_documents(draw: st.DrawFn) -> str:
    text = dump(draw(VALUES | MAPLIKE), draw(st.booleans()))
    for _ in range(draw(st.integers(1, 3))):
        cut = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["truncate", "delete", "insert", "dedent"]))
        if kind == "truncate":
            text = text[:cut]
        elif kind == "delete":
            text = text[:cut] + text[cut + draw(st.integers(1, 5)):]
        elif kind == "insert":
            text = text[:cut] + draw(YAML_CHARS | YAML_WORDS | st.text(max_size=3)) + text[cut:]
        else:
            text = text.replace("\n  ", "\n ", 1)
    return text


@EXAMPLES
@given(damaged_documents())
def test_damaged_documents(text: str) -> None:
    assert_well_formed(check_text(text, "fuzz.cjm.yaml"))


def test_a_plain_scalar_may_start_with_a_colon_in_a_flow_list() -> None:
    """Found by the long fuzz run: YAML 1.2 reads `[:0]` as a list of the text ':0' (ruamel.yaml writes
    it so), where libyaml alone stops with an error."""
    loaded = load_text("x: [:0]\n")
    assert loaded.findings == [] and loaded.data == {"x": [":0"]}
