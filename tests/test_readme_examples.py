"""The README's example outputs are real: each ```text block after a `<!-- cjm-output: ... -->`
comment is what that command prints (at 80 columns, colour off), and stays so.

    <!-- cjm-output: cd tests/mistakes && cjm validate curly-double-quotes.cjm.yaml -->

After an intended change to a message, rewrite the blocks and review the diff:

    CJM_UPDATE_GOLDEN=1 pytest tests/test_readme_examples.py
    git diff README.md
"""

from __future__ import annotations

import os
import re
import shlex

import pytest

from tests.harness import REPO, cjm

README = REPO / "README.md"
MARKED = re.compile(r"<!-- cjm-output: (?P<command>.+?) -->\n+```text\n(?P<shown>.*?)```\n", re.S)
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN", "") not in ("", "0")


def examples() -> list[str]:
    return [m["command"] for m in MARKED.finditer(README.read_text("utf-8"))]


def output_of(command: str) -> str:
    folder, _, line = command.rpartition(" && ")
    cwd = REPO / folder.removeprefix("cd ").strip() if folder else REPO
    words = shlex.split(line)
    assert words[0] == "cjm", f"an example runs cjm, not {words[0]}"
    done = cjm(*words[1:], cwd=cwd, env={"CJM_WIDTH": "80"})
    return "".join(line.rstrip() + "\n" for line in (done.stdout + done.stderr).splitlines())


def test_the_readme_has_examples() -> None:
    assert len(examples()) >= 3


@pytest.mark.parametrize("command", examples())
def test_the_readme_shows_what_the_command_prints(command: str) -> None:
    text = README.read_text("utf-8")
    match = next(m for m in MARKED.finditer(text) if m["command"] == command)
    actual = output_of(command)
    if UPDATE:
        README.write_text(text[:match.start("shown")] + actual + text[match.end("shown"):], "utf-8")
        return
    assert match["shown"] == actual
