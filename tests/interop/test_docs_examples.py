"""The round trips shown in README.md and docs/format.md print what cjm really prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

import cjm
from cjm.interop.csv_columns import COLUMNS
from tests.harness import cjm as run_cjm
from tests.interop.maps import REPO

README = (REPO / "README.md").read_text("utf-8")
FORMAT = (REPO / "docs" / "format.md").read_text("utf-8")
STREAMING = REPO / "sample_maps" / "streaming-subscription.cjm.yaml"


def block_after(text: str, marker: str, fence: str = "```") -> str:
    """The first fenced block after `marker`."""
    start = text.index(marker)
    ticks = fence[:len(fence) - len(fence.lstrip("`"))]
    match = re.search(rf"{re.escape(fence)}\w*\n(.*?)\n{ticks}\n", text[start:], re.DOTALL)
    assert match, marker
    return match.group(1)


def shown_lines_in_order(shown: str, real: str) -> None:
    """Each line shown is a line of `real`, in the same order (a line `...` stands for lines left
    out, and a line ending in `...` for the rest of its line)."""
    lines = real.splitlines()
    at = 0
    for line in shown.splitlines():
        if line.strip() == "...":
            continue
        found = [i for i in range(at, len(lines))
                 if lines[i] == line or (line.endswith("...") and lines[i].startswith(line[:-3]))]
        assert found, f"{line!r} is not in the real output"
        at = found[0] + 1


def test_the_workshop_sheet_of_the_readme_imports_as_shown(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cjm, "__version__", "0.2.0")
    sheet = block_after(README, "### From a spreadsheet", "```") + "\n"
    (tmp_path / "workshop.csv").write_text(sheet, encoding="utf-8")
    command = block_after(README, "### From a spreadsheet\n", "```console").splitlines()
    args = command[0].removeprefix("$ cjm ")
    done = run_cjm(*shlex.split(args), cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == "\n".join(command[1:]) + "\n"
    written = (tmp_path / "workshop.cjm.yaml").read_text("utf-8")
    shown_lines_in_order(block_after(README, "The new map is valid", "```yaml"), written)
    score = run_cjm("score", "workshop.cjm.yaml", cwd=tmp_path, env={"CJM_WIDTH": "80"})
    table = block_after(README, "shows the team what the workshop left out")
    shown_lines_in_order(table, "\n".join(line.rstrip() for line in score.stdout.splitlines()))


def test_the_reference_shows_the_broken_sheet_of_the_readme() -> None:
    """The README's block is held true by tests/test_readme_examples.py (its `cjm-output` comment)."""
    shown = block_after(README, "nothing is written (exit 1)")
    assert shown == block_after(FORMAT, "Warnings (a Mermaid score outside")
    assert not (REPO / "tests" / "interop" / "readme" / "workshop.cjm.yaml").exists()


def test_the_mermaid_of_the_readme_is_the_real_export() -> None:
    real = run_cjm("export", STREAMING, "--to", "mermaid", "--markdown").stdout
    shown_lines_in_order(block_after(README, "### Into a pull request or wiki", "````text"), real)
    shown_lines_in_order(block_after(FORMAT, "#### The Mermaid diagram", "```text"), real)


def test_the_csv_header_of_the_reference_is_the_real_one() -> None:
    assert block_after(FORMAT, "#### The CSV", "```text").splitlines()[0] == ",".join(COLUMNS)
