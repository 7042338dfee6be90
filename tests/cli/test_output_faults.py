"""When the output cannot be written, cjm says so in one line and exits 2; it is not a bug in cjm."""

from __future__ import annotations

import errno
import io
import json
import sys
from pathlib import Path

import pytest

from cjm.cli.entry import main
from tests.harness import cjm_process

SAMPLE = Path(__file__).resolve().parents[2] / "sample_maps" / "needs-work" / "showing-up.cjm.yaml"


class Broken(io.StringIO):
    def __init__(self, code: int) -> None:
        super().__init__()
        self.code = code

    def write(self, text: str) -> int:
        words = {errno.EPIPE: "Broken pipe", errno.ENOSPC: "No space left on device"}
        raise OSError(self.code, words[self.code])


@pytest.mark.parametrize(("code", "words"), [
    (errno.EPIPE, "the output was closed before cjm had written all of it (broken pipe)"),
    (errno.ENOSPC, "cannot write the output: No space left on device"),
])
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_an_output_fault_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, code: int, words: str,
                                                  fmt: str) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", Broken(code))
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["validate", "--format", fmt, str(SAMPLE)]) == 2
    assert err.getvalue() == f"cjm: error: {words}\n"


def test_an_ascii_only_terminal_gets_escapes_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "café ✓.cjm.yaml").write_text(SAMPLE.read_text("utf-8"), "utf-8")
    for fmt in ("text", "json", "github", "sarif"):
        done = cjm_process("validate", "--format", fmt, ".", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
        assert done.returncode == 0, done.stderr
        if fmt in ("json", "sarif"):
            json.loads(done.stdout)
    score = cjm_process("score", ".", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert score.returncode == 0, score.stderr
