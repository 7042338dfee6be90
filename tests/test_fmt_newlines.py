"""cjm.fmt.newlines: a file's conventions survive formatting (a law, checked with hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cjm.fmt.newlines import BOM, Conventions, conventions_of, keep_conventions

LINES = st.lists(st.text(st.characters(blacklist_characters="\r\n\ufeff", blacklist_categories=["Cs"]),
                         max_size=20), min_size=1, max_size=8).filter(lambda lines: lines[-1] != "")
"""A formatted map's lines: its last line is never empty."""
CONVENTIONS = st.builds(Conventions, st.sampled_from(["\n", "\r\n", "\r"]), st.booleans(), st.booleans())


@given(LINES, CONVENTIONS)
def test_the_conventions_put_back_are_read_back(lines: list[str], conventions: Conventions) -> None:
    formatted = "\n".join(lines) + "\n"
    kept = keep_conventions(formatted, conventions)
    again = conventions_of(kept)
    assert again.bom == conventions.bom and again.final_newline == conventions.final_newline
    if len(lines) > 1 or conventions.final_newline:  # a single line without a newline has no ending
        assert again.newline == conventions.newline and not again.mixed
    back = kept.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    assert back == formatted if conventions.final_newline else back + "\n" == formatted


def test_the_most_common_line_ending_wins() -> None:
    assert conventions_of("a\r\nb\r\nc\n").newline == "\r\n"
    assert conventions_of("a\r\nb\r\nc\n").mixed
    assert conventions_of("a\nb").newline == "\n" and not conventions_of("a\nb").final_newline
    assert conventions_of("") == Conventions()
