"""`cjm import` on broken (and lenient) inputs, golden-file style.

`cases/NAME.csv` (or `.mmd`, `.md`) is the input; `cases/NAME.out` is what
`cjm import NAME.csv -o NAME.cjm.yaml` prints: its exit code, stdout and
stderr (100 columns, no colour), each problem at its line and column with
the fix. For an input that imports, `cases/NAME.cjm.yaml` is the map it
writes; for one that does not, nothing may be written. Regenerate on purpose
with `CJM_UPDATE_GOLDEN=1 pytest tests/interop/test_cases.py` and review
`git diff`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import cjm
from tests.harness import cjm as run_cjm

CASES = Path(__file__).parent / "cases"
SOURCES = sorted(p for p in CASES.iterdir() if p.suffix in (".csv", ".mmd", ".md", ".html"))
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN", "") not in ("", "0")


def printed(code: int, stdout: str, stderr: str) -> str:
    return f"exit {code}\n--- stdout\n{stdout}--- stderr\n{stderr}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_import_prints_and_writes_what_the_case_says(source: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cjm, "__version__", "0.0.0")
    shutil.copy(source, tmp_path / source.name)
    target = f"{source.stem}.cjm.yaml"
    done = run_cjm("import", source.name, "-o", target, cwd=tmp_path)
    actual = printed(done.returncode, done.stdout, done.stderr)
    written = tmp_path / target
    expected_out, expected_map = CASES / f"{source.stem}.out", CASES / target
    if UPDATE:
        expected_out.write_text(actual, encoding="utf-8", newline="\n")
        if written.exists():
            shutil.copy(written, expected_map)
        return
    assert actual == expected_out.read_text("utf-8"), f"{source.name}: CJM_UPDATE_GOLDEN=1 if on purpose"
    if expected_map.exists():
        assert done.returncode == 0 and written.read_text("utf-8") == expected_map.read_text("utf-8")
    else:
        assert done.returncode == 1 and not written.exists(), "a broken input must write nothing"


def test_at_least_fifteen_broken_inputs_of_both_kinds() -> None:
    broken = [p for p in SOURCES if not (CASES / f"{p.stem}.cjm.yaml").exists()]
    assert len(broken) >= 15
    assert {p.suffix for p in broken} >= {".csv", ".mmd"}


def test_every_expected_file_has_its_input() -> None:
    stems = {p.stem for p in SOURCES}
    assert {p.name.split(".")[0] for p in CASES.iterdir()} == stems
