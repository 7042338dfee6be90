"""Comments that read like hashtags (`#BringAFriend`) right after a plain value."""

from __future__ import annotations

import re

_DIRECTIVE = re.compile(r"#\s*cjm\s*:")
"""`#cjm: disable=...` is a suppression comment, not a hashtag."""
_HASHTAG = re.compile(r"[ \t]+(#[^\s#].*?)(?=\s+#\s|\s*$)")


def hashtag_after(text: str, end: int) -> tuple[int, str] | None:
    """The hashtag-like comment after a plain value that ends at index `end` of `text`: how many
    characters after `end` its `#` stands (on the same line), and its text. None when there is none."""
    if text[end: end + 1] not in (" ", "\t"):
        return None  # the common case: the value ends its line
    line_end = text.find("\n", end)
    rest = text[end: line_end if line_end >= 0 else len(text)]
    match = _HASHTAG.match(rest)
    if match is None or _DIRECTIVE.match(match.group(1)):
        return None
    return match.start(1), match.group(1).rstrip()
