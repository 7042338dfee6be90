"""`cjm import`: a new map from the bytes of a CSV of touchpoints or a Mermaid `journey` diagram.

The file's name says which it is (`.mmd`, `.mermaid`, `.md`, `.html` are
Mermaid; anything else is CSV unless it starts like a Mermaid diagram). The
bytes must be UTF-8 (a byte-order mark is fine) or UTF-16 with a byte-order
mark (Excel's "Unicode Text"); a workbook, a binary file or other text
encodings are a problem at the byte that gives them away.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath
from typing import Any

from cjm.diagnostic import START, Diagnostic, Severity
from cjm.interop.draft import Imported

MERMAID_SUFFIXES = (".mmd", ".mermaid", ".md", ".markdown", ".html", ".htm")
_MERMAID_START = re.compile(r"\s*(%%[^\n]*\n\s*)*"  # comments and directives, then:
                            r"(journey\b|(```+|~~~+)\s*mermaid\b|<(pre|div)\b[^>]*mermaid)", re.IGNORECASE)
_SAVE_AS_CSV = ("save it as CSV UTF-8: in Excel, File > Save As > CSV UTF-8 (Comma delimited); "
                "in LibreOffice, File > Save As > Text CSV with the character set Unicode (UTF-8)")
_WORKBOOKS = {b"PK\x03\x04": "a spreadsheet workbook (.xlsx or .ods)",
              b"\xd0\xcf\x11\xe0": "an Excel 97-2003 workbook (.xls)"}


def import_map(raw: bytes, name: str, *, title: str | None = None, persona: str | None = None) -> Imported:
    """The new map read from `raw` (the file called `name`), or the problems that stop it."""
    kind = "Mermaid" if PurePath(name).suffix.lower() in MERMAID_SUFFIXES else "CSV"
    text = _decode(raw, kind)
    if isinstance(text, Imported):
        return text
    if kind == "CSV" and _MERMAID_START.match(text):
        kind = "Mermaid"
    if kind == "Mermaid":
        from cjm.interop.mermaid_in import build, read_mermaid

        diagram, draft = read_mermaid(text)
        hero, brand = build(diagram, draft, persona)
        top = _top(title or diagram.title or default_title(name), hero, brand, diagram.description)
    else:
        from cjm.interop.csv_in import read_csv

        draft = read_csv(text)
        top = _top(title or default_title(name), persona, None, None)
    return draft.finish(top)


def default_title(name: str) -> str:
    """A title from the file's name: `q3-workshop.csv` -> `Q3 workshop`."""
    words = " ".join(re.split(r"[-_\s]+", PurePath(name).stem)).strip()
    return words[:1].upper() + words[1:] if words and name != "-" else "Imported journey"


def _top(title: str, persona: str | None, brand: str | None, description: str | None) -> dict[str, Any]:
    top: dict[str, Any] = {"title": title}
    if brand:
        top["brand"] = brand
    if description:
        top["description"] = description
    if persona:
        top["persona"] = {"name": persona}
    return top


def _decode(raw: bytes, kind: str) -> str | Imported:
    from cjm.loader import MAX_BYTES, offset_pos

    hint = _SAVE_AS_CSV if kind == "CSV" else "save it as UTF-8 text in your editor"
    if len(raw) > MAX_BYTES:
        return _unreadable(kind, f"the file is {len(raw):,} bytes; cjm imports files up to "
                           f"{MAX_BYTES:,} bytes", "split it into several files")
    for magic, what in _WORKBOOKS.items():
        if raw.startswith(magic):
            return _unreadable(kind, f"this is {what}, not a CSV file", _SAVE_AS_CSV)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return _unreadable(kind, "the file starts like UTF-16 text but is not", hint)
    if b"\x00" in raw[:8192]:
        return _unreadable(kind, "this is a binary file, not a CSV file or a Mermaid diagram", hint)
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        pos = offset_pos(body, exc.start)
        lines = re.split(r"\r\n|\r|\n", body.decode("utf-8", "replace"))
        message = f"the file is not UTF-8 text (byte 0x{body[exc.start]:02x})"
        problem = Diagnostic(kind.lower(), Severity.ERROR, message, pos.line, pos.column, hint=hint)
        return Imported(kind, None, [problem], lines)


def _unreadable(kind: str, message: str, hint: str) -> Imported:
    return Imported(kind, None, [Diagnostic(kind.lower(), Severity.ERROR, message, START.line, START.column,
                                            hint=hint)], [])
