"""A file's own conventions, kept by `cjm fmt`: its line endings (LF, CRLF or CR), whether it ends
with a newline, and a UTF-8 byte-order mark. The formatter works on LF text without a mark;
`keep_conventions` puts the original file's conventions back, so formatting a Windows file does not
turn into a whole-file diff. A file that mixes line endings gets the one most of its lines use."""

from __future__ import annotations

from cjm.records import record

BOM = "\ufeff"


@record(hashable=True)
class Conventions:
    newline: str = "\n"
    final_newline: bool = True
    bom: bool = False
    mixed: bool = False
    """The file used more than one kind of line ending."""


def conventions_of(text: str) -> Conventions:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    counts = {"\r\n": crlf, "\n": lf, "\r": cr}
    newline = max(counts, key=lambda k: (counts[k], k == "\n"))
    body = text.removeprefix(BOM)
    final = body.endswith(("\n", "\r")) or not body
    return Conventions(newline if counts[newline] else "\n", final, text.startswith(BOM),
                       sum(1 for n in counts.values() if n) > 1)


def keep_conventions(formatted: str, conventions: Conventions) -> str:
    """`formatted` (LF, ending in a newline, no mark) written in the file's own conventions."""
    text = formatted if conventions.final_newline else formatted.removesuffix("\n")
    if conventions.newline != "\n":
        text = text.replace("\n", conventions.newline)
    return BOM + text if conventions.bom else text
