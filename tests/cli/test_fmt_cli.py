"""`cjm fmt` through the real console script: writes, --check, refusals, atomic writes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cjm.fmt import comments_of, format_text
from tests.harness import Runner, cjm, cjm_process

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_maps"
CANONICAL = ("# a formatted map\ncjm: 1\ntitle: Tidy\nstages:\n  - phase: awareness\n    touchpoints:\n"
             "      - id: ad\n        title: An ad  # first contact\n        step: connect\n")
UNTIDY = ("title: Untidy\ncjm: 1\nstages:\n- touchpoints:\n  - {title: An ad, id: ad, step: connect}"
          "  # first contact\n  phase: awareness\n")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return cjm(*args, cwd=cwd)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def test_formatted_map_is_left_alone(tmp_path: Path) -> None:
    path = write(tmp_path / "tidy.cjm.yaml", CANONICAL)
    before = path.stat().st_mtime_ns
    result = run("fmt", "tidy.cjm.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 map already formatted" in result.stderr
    assert path.read_text("utf-8") == CANONICAL and path.stat().st_mtime_ns == before


@pytest.mark.parametrize("runner", [cjm, cjm_process], ids=["in-process", "console-script"])
def test_untidy_map_is_rewritten_and_then_stable(tmp_path: Path, runner: Runner) -> None:
    path = write(tmp_path / "untidy.cjm.yaml", UNTIDY)
    result = runner("fmt", "untidy.cjm.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "reformatted untidy.cjm.yaml" in result.stderr
    assert "1 map reformatted" in result.stderr
    assert path.read_text("utf-8") == format_text(UNTIDY)
    assert path.read_text("utf-8").startswith("cjm: 1\ntitle: Untidy\nstages:\n  - phase: awareness\n")
    assert "# first contact" in path.read_text("utf-8")
    again = run("fmt", "--check", "untidy.cjm.yaml", cwd=tmp_path)
    assert again.returncode == 0 and again.stdout == ""


def test_check_shows_a_diff_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path / "untidy.cjm.yaml", UNTIDY)
    result = run("fmt", "--check", "untidy.cjm.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("--- untidy.cjm.yaml\n+++ untidy.cjm.yaml (formatted)\n@@ ")
    assert "-cjm: 1\n" in result.stdout and "+cjm: 1\n" in result.stdout
    assert "+      - id: ad  # first contact\n" in result.stdout
    assert "would reformat untidy.cjm.yaml" in result.stderr
    assert "1 map would be reformatted" in result.stderr
    assert path.read_text("utf-8") == UNTIDY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["untidy.cjm.yaml"]


def test_check_mixes_tidy_and_untidy_maps_in_a_folder(tmp_path: Path) -> None:
    write(tmp_path / "maps" / "tidy.cjm.yaml", CANONICAL)
    write(tmp_path / "maps" / "sub" / "untidy.cjm.yml", UNTIDY)
    write(tmp_path / "maps" / "other.yaml", "b: 1\na: 2\n")
    result = run("fmt", "--check", "maps", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.count("+++ ") == 1 and "untidy.cjm.yml (formatted)" in result.stdout
    assert "1 map would be reformatted, 1 map already formatted" in result.stderr
    written = run("fmt", "maps", cwd=tmp_path)
    assert written.returncode == 0
    assert (tmp_path / "maps" / "other.yaml").read_text("utf-8") == "b: 1\na: 2\n"
    assert run("fmt", "--check", "maps", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
@pytest.mark.parametrize("final", [True, False])
@pytest.mark.parametrize("bom", [True, False])
def test_fmt_keeps_line_endings_final_newline_and_bom(tmp_path: Path, newline: str, final: bool,
                                                      bom: bool) -> None:
    def styled(text: str) -> bytes:
        text = text if final else text.removesuffix("\n")
        return (("\ufeff" if bom else "") + text.replace("\n", newline)).encode("utf-8")

    path = tmp_path / "win.cjm.yaml"
    path.write_bytes(styled(CANONICAL))
    assert run("fmt", "--check", "win.cjm.yaml", cwd=tmp_path).returncode == 0  # nothing to do
    path.write_bytes(styled(UNTIDY))
    check = run("fmt", "--check", "win.cjm.yaml", cwd=tmp_path)
    assert check.returncode == 1 and "\r" not in check.stdout  # the diff shows lines, not endings
    assert run("fmt", "win.cjm.yaml", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == styled(format_text(UNTIDY))


def test_mixed_line_endings_become_the_most_common_one(tmp_path: Path) -> None:
    lines = CANONICAL.splitlines(keepends=True)
    path = tmp_path / "mixed.cjm.yaml"
    path.write_bytes(("".join(line.replace("\n", "\r\n") for line in lines[:-1]) + lines[-1]).encode())
    check = run("fmt", "--check", "mixed.cjm.yaml", cwd=tmp_path)
    assert check.returncode == 1 and "writes every line ending as CRLF" in check.stdout
    assert run("fmt", "mixed.cjm.yaml", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == CANONICAL.replace("\n", "\r\n").encode()


@pytest.mark.parametrize("text, rule, line", [
    ("cjm: 1\ntitle: [unclosed\nstages: []\n", "yaml-syntax", 2),
    ("cjm: 1\ntitle: A\nstages: []\ntitle: B\n", "duplicate-key", 4),
])
@pytest.mark.parametrize("check", [False, True])
def test_broken_yaml_is_reported_and_untouched(tmp_path: Path, text: str, rule: str, line: int,
                                               check: bool) -> None:
    path = write(tmp_path / "broken.cjm.yaml", text)
    result = run("fmt", *(["--check"] if check else []), "broken.cjm.yaml", cwd=tmp_path)
    assert result.returncode == 1
    problem = {"yaml-syntax": "a YAML error", "duplicate-key": "a repeated key"}[rule]
    said, summary = result.stderr.splitlines()  # one line: cjm validate reports the error in full
    assert re.fullmatch(rf"broken\.cjm\.yaml:{line}:\d+: not formatted: the map has {problem} here "
                        rf"\[{rule}\], which `cjm validate broken\.cjm\.yaml` explains; "
                        "the file is unchanged", said)
    assert summary == "1 map could not be formatted"
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert path.read_text("utf-8") == text


def test_a_missing_path_or_no_path_is_a_usage_error(tmp_path: Path) -> None:
    missing = run("fmt", "nope.cjm.yaml", cwd=tmp_path)
    assert missing.returncode == 2 and "nope.cjm.yaml: no such file or folder" in missing.stderr
    assert run("fmt", cwd=tmp_path).returncode == 2


def test_a_failed_write_leaves_the_original_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from cjm.cli.fmt import run_fmt

    path = write(tmp_path / "untidy.cjm.yaml", UNTIDY)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    assert run_fmt([str(path)], check=False) == 1
    assert path.read_text("utf-8") == UNTIDY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["untidy.cjm.yaml"]
    assert "cannot write the formatted map: No space left on device" in capsys.readouterr().err


def test_formatting_that_would_lose_data_is_an_internal_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import cjm.fmt
    from cjm.cli.fmt import run_fmt

    path = write(tmp_path / "untidy.cjm.yaml", UNTIDY)
    monkeypatch.setattr(cjm.fmt, "canonical_fast", lambda *args: "cjm: 1\ntitle: Lost\n")
    assert run_fmt([str(path)], check=False) == 3
    assert path.read_text("utf-8") == UNTIDY
    err = capsys.readouterr().err
    assert "internal error" in err and "left untouched" in err


def test_every_sample_map_formats_without_losing_a_comment_or_a_finding(tmp_path: Path) -> None:
    copy = tmp_path / "samples"
    shutil.copytree(SAMPLES, copy)
    before = {p: p.read_text("utf-8") for p in sorted(copy.rglob("*.cjm.yaml"))}
    validated = run("validate", "--format", "json", "samples", cwd=tmp_path)
    assert run("fmt", "samples", cwd=tmp_path).returncode == 0
    assert run("fmt", "--check", "samples", cwd=tmp_path).returncode == 0
    for path, text in before.items():
        assert sorted(comments_of(path.read_text("utf-8"))) == sorted(comments_of(text)), path
    after = run("validate", "--format", "json", "samples", cwd=tmp_path)
    assert after.returncode == validated.returncode

    def findings(output: str) -> list[tuple[str, str, str]]:
        import json

        files = json.loads(output)["files"]
        return sorted((f["path"], d["rule"], d["message"]) for f in files for d in f["diagnostics"])

    assert findings(after.stdout) == findings(validated.stdout)
