"""Any input to `cjm import` gives a map that validates, or problems with positions: never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.interop.importing import import_map
from tests.interop.maps import journey_from

NAMES = st.sampled_from(["in.csv", "in.mmd", "in.md", "in.html", "in.txt", "-"])
CSV_TOKENS = ["phase", "stage", "title", "id", "emotion", "step", "next", "metrics", "pain_points",
              "Moment of truth", "x-note", "titel", "awareness", "Trial", "connect", "share", "1", "-2", "3",
              "1.5", "yes", "maybe", "(end)", "a=1", "a 1", "=SUM(1)", "'", '"', '""', ",", ";", "\t", "\n",
              "\r\n", " ", "Café", "a-b", "A B"]
MERMAID_TOKENS = ["journey", "title ", "section ", "accTitle: ", "accDescr: ", "accDescr {", "}", "%%",
                  "%%{init: {}}%%", "---", "```mermaid", "```", '<pre class="mermaid">', "</pre>", "&amp;",
                  "#35;", "#", ";", ":", ",", " · ", "5", "0", "9", "2.5", "x", "Me", "Cat", "Advocate",
                  "<br>", "<b>", "\n", "    ", "Make tea"]


def check(raw: bytes, name: str) -> None:
    imported = import_map(raw, name)
    if imported.data is None:
        assert imported.errors
        assert all(d.line >= 1 and d.column >= 1 for d in imported.diagnostics)
    else:
        journey_from(imported.data)


@given(st.binary(max_size=200), NAMES)
def test_any_bytes(raw: bytes, name: str) -> None:
    check(raw, name)


@given(st.lists(st.sampled_from(CSV_TOKENS), max_size=40), NAMES)
@settings(max_examples=300)
def test_csv_like_text(tokens: list[str], name: str) -> None:
    check("".join(tokens).encode("utf-8"), name)


@given(st.lists(st.sampled_from(MERMAID_TOKENS), max_size=40), NAMES)
@settings(max_examples=300)
def test_mermaid_like_text(tokens: list[str], name: str) -> None:
    check("".join(tokens).encode("utf-8"), name)


CELLS = st.one_of(st.sampled_from(CSV_TOKENS), st.text(max_size=10))


@st.composite
def sheets(draw: st.DrawFn) -> str:
    """A CSV with a usable header and rows of any cells, quoted as a spreadsheet would."""
    import csv
    import io

    from cjm.interop.csv_columns import COLUMNS

    extra = draw(st.lists(st.sampled_from([*COLUMNS[2:], "x-note", "Pain points"]), max_size=6, unique=True))
    header = list(dict.fromkeys(["phase", "title", *extra]))
    size = len(header)
    width = st.sampled_from([size, size, size, size - 1, size + 1])
    rows = draw(st.lists(width.flatmap(lambda n: st.lists(CELLS, min_size=n, max_size=n)), min_size=1,
                         max_size=6))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t"]))).writerows([header, *rows])
    return buffer.getvalue()


@given(sheets(), NAMES)
@settings(max_examples=300)
def test_sheets_with_a_header_and_any_rows(text: str, name: str) -> None:
    check(text.encode("utf-8"), name)


NAME = st.lists(st.sampled_from([*MERMAID_TOKENS[5:], "a", "b c"]), min_size=1, max_size=4).map("".join)
LINES = st.one_of(
    NAME.map(lambda n: f"section {n}"),
    st.tuples(NAME, st.sampled_from(["5", "1", "0", "7", "2.5", "x", ""]), NAME).map(
        lambda t: f"  {t[0]}: {t[1]}: {t[2]}"),
    st.sampled_from(["%% comment", "title The day", "accDescr: about", "", "# note"]),
)


@given(st.lists(LINES, max_size=12), NAMES)
@settings(max_examples=300)
def test_journeys_of_any_lines(lines: list[str], name: str) -> None:
    check(("journey\n" + "\n".join(lines)).encode("utf-8"), name)
