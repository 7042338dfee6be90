"""`cjm fmt` on maps written every way (tests/fuzzing.py): it formats every map the loader reads, keeping
its data and comments, and formatting its output changes nothing; on broken text it refuses (a
NotFormattable with the loader's findings) and never fails with a FormatterError, which is exit 3.

format_text costs about 75 ms a map (ruamel.yaml's round trip), so these tests run FMT_SHARE of
CJM_FUZZ_EXAMPLES.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cjm.fmt import NotFormattable, comments_of, format_text, same_data
from cjm.loader import load_text
from tests.fuzzing import SPICY, fuzz, map_texts, marked_comments

FMT_SHARE = 0.2


def normalised(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def formats_faithfully(text: str) -> None:
    """Same data, same comments, a fixed point; the map must not be refused."""
    before = load_text(text)
    try:
        once = format_text(text)
    except NotFormattable as refused:
        raise AssertionError(f"cjm fmt refuses a map the loader reads: {refused}") from None
    after = load_text(once)
    assert after.findings == [], once
    assert same_data(before.data, after.data), once
    assert marked_comments(normalised(text)) == marked_comments(once), once
    assert format_text(once) == once


@fuzz(FMT_SHARE)
@given(map_texts())
def test_every_map_the_loader_reads_is_formatted_faithfully(text: str) -> None:
    assert load_text(text).findings == []  # the generator writes valid YAML
    formats_faithfully(text)


DAMAGE = st.sampled_from([*":-?[]{},&*!|>'\"%@`#\t\n", "\n  ", ": ", *SPICY])


@st.composite
def damaged_map_texts(draw: st.DrawFn) -> str:
    """A generated map, cut, with characters deleted or YAML punctuation and hostile text put in."""
    text = draw(map_texts())
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["cut", "delete", "insert"]))
        if kind == "cut":
            text = text[:at]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)):]
        else:
            text = text[:at] + draw(DAMAGE) + text[at:]
    return text


@fuzz(FMT_SHARE)
@given(damaged_map_texts())
def test_damaged_maps_are_formatted_or_refused_with_the_loaders_findings(text: str) -> None:
    loaded = load_text(text)
    if loaded.findings or not isinstance(loaded.data, dict):
        with pytest.raises(NotFormattable) as refused:
            format_text(text)
        assert refused.value.findings
    else:
        formats_faithfully(text)


@fuzz(FMT_SHARE)
@given(map_texts(odd=True))
@example("cjm: 1\ntitle: T\nstages: []\nx-a: !!str 3\n")
@example("cjm: 1\ntitle: T\nstages: []\nbrand: !!str \"\"\n")  # ruamel.yaml wrote it as `brand:`, a null
@example("cjm: 1\ntitle: T\nstages: []\nx-a: &e !!str\nx-b: [*e, !!str ]\n")
def test_tags_tabs_and_odd_keys_are_formatted_faithfully(text: str) -> None:
    assert load_text(text).findings == []
    formats_faithfully(text)


@pytest.mark.parametrize("fast", [True, False])
def test_a_comment_after_an_anchor_is_kept(fast: bool) -> None:
    """Found by the long fuzz run: a comment between an anchor (or a tag) and its value on the next line
    was dropped, and the comment check did not see it (it took the comment for part of the value)."""
    text = ("cjm: 1\ntitle: T\nstages: []\nx-base: &base # a comment\n  engaged\n"
            "x-t: !!str # tagged\n  3\n")
    assert comments_of(text) == ["# a comment", "# tagged"]
    assert format_text(text, fast=fast) == (
        "cjm: 1\ntitle: T\nstages: []\nx-base: &base engaged # a comment\nx-t: '3' # tagged\n")
