"""`cjm diff --format github`: GitHub Actions annotations on the new version of each map.

One workflow command per finding the change brings (cjm.check.changes.DiffResult.brought):
the diff's own findings, the validate findings that appeared and, for a new version with
errors, its errors; and, for a valid map that fails (`--strict`), one error saying why, as
validate does. Nothing else: a change that brings nothing prints nothing, and the exit code is
the verdict. A map that is gone has no file to annotate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from cjm.check.changes import DiffResult
from cjm.report.github import annotation, failure


def report(results: Sequence[DiffResult], stream: TextIO, unchanged: int = 0) -> None:
    for result in results:
        if result.new_label is None:
            continue
        for diagnostic in result.brought:
            stream.write(annotation(result.new_label, diagnostic) + "\n")
        if result.failed and result.new is not None and result.new.valid:
            stream.write(failure(result.new_label, "; ".join(result.reasons or [])) + "\n")
