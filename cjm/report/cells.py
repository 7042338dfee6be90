"""How many terminal cells text takes, as rich counts them, for the characters where that is certain.

rich measures text with a width table per Unicode version (rich.cells.cell_len; from rich 15 the
version can be chosen with UNICODE_VERSION) and joins emoji sequences. The plain scorecard
(cjm.report.plain) must lay text out exactly as rich does without importing it, so it measures with
the few ranges below, where every table from Unicode 9 to 17 gives the same width, and says "not
sure" (None) for any other character: zero-width and combining characters, joiners and variation
selectors, the ideographic space, symbols whose width changed between versions. Then rich lays
the text out itself. tests/report/test_plain_layout.py checks every character of these ranges
against rich.
"""

from __future__ import annotations

from bisect import bisect_right

RANGES = (
    (0x20, 0x7E, 1), (0xA0, 0xAC, 1), (0xAE, 0x2FF, 1),  # Latin
    (0x370, 0x377, 1), (0x37A, 0x37F, 1), (0x384, 0x38A, 1), (0x38C, 0x38C, 1),  # Greek
    (0x38E, 0x3A1, 1), (0x3A3, 0x482, 1), (0x48A, 0x52F, 1),  # Greek, Cyrillic
    (0x1E00, 0x1EFF, 1),  # Latin extended additional (Vietnamese)
    (0x2010, 0x2027, 1), (0x2030, 0x205E, 1), (0x20A0, 0x20C0, 1),  # dashes, quotes, currency
    (0x2100, 0x218B, 1), (0x2190, 0x21FF, 1), (0x2500, 0x25FC, 1),  # letterlike, arrows, boxes
    (0x2713, 0x2717, 1),  # check marks and crosses
    (0x3001, 0x3029, 2), (0x3041, 0x3096, 2), (0x309B, 0x30FF, 2),  # CJK punctuation, kana
    (0x3400, 0x4DBF, 2), (0x4E00, 0x9FFF, 2), (0xAC00, 0xD7A3, 2),  # CJK ideographs, Hangul
    (0xFF01, 0xFF60, 2),  # fullwidth forms
    (0x1F300, 0x1F320, 2), (0x1F442, 0x1F4FC, 2), (0x1F5FB, 0x1F64F, 2),  # emoji
    (0x1F680, 0x1F6C5, 2),  # transport emoji
)
_STARTS = [start for start, _end, _width in RANGES]


def char_width(char: str) -> int | None:
    """The cells `char` takes, or None when it is not one of the characters measured here."""
    code = ord(char)
    if 0x20 <= code <= 0x7E:
        return 1
    index = bisect_right(_STARTS, code) - 1
    if index >= 0 and code <= RANGES[index][1]:
        return RANGES[index][2]
    return None


def cell_width(text: str) -> int | None:
    """The cells `text` takes (rich's cell_len), or None when a character is not measured here."""
    if text.isascii():
        return len(text) if text.isprintable() else None
    total = 0
    for char in text:
        width = char_width(char)
        if width is None:
            return None
        total += width
    return total
