"""Map text never acts on the terminal: control characters shown as escapes, rich markup as text."""

from __future__ import annotations

import json
from pathlib import Path

from tests.harness import cjm

HOSTILE = ("cjm: 1\ntitle: \"Clear \\e[2J\\e]0;owned\\a the screen [bold red]loud[/bold red] \\u202Eevil\"\n"
           "stages:\n  - phase: awareness\n    touchpoints:\n"
           "      - {id: a, title: \"\\e[31mred\", step: connect, next: [\"\\e[2Jgone\"]}\n")


def test_text_reports_show_escapes(tmp_path: Path) -> None:
    (tmp_path / "m.cjm.yaml").write_text(HOSTILE, "utf-8")
    for command in (["validate"], ["score"], ["validate", "--format", "github"]):
        done = cjm(*command, "m.cjm.yaml", cwd=tmp_path, env={"FORCE_COLOR": None, "NO_COLOR": "1"})
        out = done.stdout + done.stderr
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, command
        assert "\\x1b[2J" in out, command
    score = cjm("score", "m.cjm.yaml", cwd=tmp_path)
    assert "[bold red]loud[/bold red]" in score.stdout  # markup in a title is text


def test_json_escapes_them_and_keeps_the_text_exact(tmp_path: Path) -> None:
    (tmp_path / "m.cjm.yaml").write_text(HOSTILE, "utf-8")
    done = cjm("validate", "--format", "json", "m.cjm.yaml", cwd=tmp_path)
    assert "\x1b" not in done.stdout and "\\u001b" in done.stdout
    messages = [d["message"] for d in json.loads(done.stdout)["files"][0]["diagnostics"]]
    assert any("\x1b[2Jgone" in message for message in messages)
