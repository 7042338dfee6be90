"""`cjm validate`: exit codes, positions, formats, hostile input (in-process through the
harness; the console script and `python -m cjm` in a real process)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cjm
from tests.harness import cjm as cjm_run
from tests.harness import cjm_process

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_maps"
NEEDS_WORK = SAMPLES / "needs-work" / "gaps-and-order.cjm.yaml"


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return cjm_run(*args, cwd=cwd)


TYPO_MAP = """\
cjm: 1
title: Acme onboarding
stages:
  - phase: awareness
    touchpoints:
      - id: tiktok-demo
        title: 15-second demo
        emotoin: 1
"""

WARNED_MAP = """\
cjm: 1
title: Acme onboarding
phases: [awareness]
stages:
  - phase: awareness
    touchpoints:
      - {id: demo, title: TikTok demo, step: connect}
      - {id: blog, title: Blog post, step: inform}
      - {id: quiz, title: Quiz, step: entertain}
      - {id: share, title: Shares the quiz, step: share, actor: customer}
      - {id: bill, title: A surprise fee, emotion: -2}
"""


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    (tmp_path / "typo.cjm.yaml").write_text(TYPO_MAP, encoding="utf-8")
    (tmp_path / "warned.cjm.yaml").write_text(WARNED_MAP, encoding="utf-8")
    return tmp_path


# --- exit codes ---------------------------------------------------------------------------------

def test_sample_maps_pass_with_warnings_only() -> None:
    proc = run("validate", "sample_maps")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "maps checked" in proc.stdout
    assert "invalid" not in proc.stdout
    assert "warning [" in proc.stdout


def test_a_map_with_an_error_exits_1(maps: Path) -> None:
    assert run("validate", "typo.cjm.yaml", cwd=maps).returncode == 1


def test_strict_fails_a_warned_map(maps: Path) -> None:
    assert run("validate", "warned.cjm.yaml", cwd=maps).returncode == 0
    assert run("validate", "--strict", "warned.cjm.yaml", cwd=maps).returncode == 1


def test_fail_under_a_score_above_the_map_exits_1() -> None:
    assert run("validate", "--fail-under", "99", str(NEEDS_WORK)).returncode == 1
    assert run("validate", "--fail-under", "0", str(NEEDS_WORK)).returncode == 0


@pytest.mark.parametrize("value", ["101", "-1", "lots"])
def test_fail_under_outside_0_to_100_is_a_usage_error(value: str) -> None:
    proc = run("validate", "--fail-under", value, "sample_maps")
    assert proc.returncode == 2
    assert proc.stderr.startswith("cjm: error:")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    cases = {
        "missing path": ["validate", str(tmp_path / "nope.cjm.yaml")],
        "empty folder": ["validate", str(tmp_path / "empty")],
        "unknown format": ["validate", "--format", "xml", "sample_maps"],
        "unknown option": ["validate", "--stirct", "sample_maps"],
    }
    for name, args in cases.items():
        proc = run(*args)
        assert proc.returncode == 2, name
        assert proc.stderr.startswith("cjm: error:"), name
        assert proc.stdout == "", name


def test_the_console_script_validates() -> None:
    proc = cjm_process("validate", "sample_maps")
    assert proc.returncode == 0
    assert "maps checked" in proc.stdout


def test_python_dash_m_cjm_validate() -> None:
    proc = cjm_process("-m", "cjm", "validate", "sample_maps", command=[sys.executable])
    assert proc.returncode == 0
    assert "maps checked" in proc.stdout


@pytest.mark.parametrize("args", [("--version",), ("validate", "--version")])
def test_version(args: tuple[str, ...]) -> None:
    proc = run(*args)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"cjm {cjm.__version__}"


# --- what the user sees -------------------------------------------------------------------------

def test_typo_shows_position_line_caret_and_suggestion(maps: Path) -> None:
    proc = run("validate", "typo.cjm.yaml", cwd=maps)
    out = proc.stdout.splitlines()
    assert "typo.cjm.yaml:8:9: error [schema]" in proc.stdout
    assert "did you mean 'emotion'" in proc.stdout
    frame = next(i for i, line in enumerate(out) if line.endswith("emotoin: 1"))
    assert re.match(r"\s+8 \| ", out[frame])
    caret = out[frame + 1]
    assert caret.strip().endswith("^")
    assert caret.index("^") == out[frame].index("emotoin")


def test_json_output_has_the_spec_shape(maps: Path) -> None:
    proc = run("validate", "--format", "json", "typo.cjm.yaml", "warned.cjm.yaml", cwd=maps)
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    assert doc["version"] == 2
    typo, warned = doc["files"]
    assert (typo["path"], typo["valid"], typo["failed"]) == ("typo.cjm.yaml", False, True)
    assert typo["reasons"] == ["1 error"]
    assert (warned["path"], warned["valid"], warned["failed"], warned["reasons"]) == (
        "warned.cjm.yaml", True, False, [])
    assert isinstance(warned["score"], float) and isinstance(warned["sequence"], float)
    for file in doc["files"]:
        for d in file["diagnostics"]:
            assert {"rule", "severity", "line", "column", "message"} <= set(d)
            assert d["severity"] in ("error", "warning", "info")
            assert d["line"] >= 1 and d["column"] >= 1
    (error,) = [d for d in typo["diagnostics"] if d["severity"] == "error"]
    assert (error["rule"], error["line"], error["column"]) == ("schema", 8, 9)
    summary = doc["summary"]
    assert (summary["files"], summary["valid"], summary["failed"], summary["errors"]) == (2, 1, 1, 1)
    warnings = [d for file in doc["files"] for d in file["diagnostics"] if d["severity"] == "warning"]
    assert summary["warnings"] == len(warnings) > 0


def test_github_and_sarif_formats(maps: Path) -> None:
    proc = run("validate", "--format", "github", "typo.cjm.yaml", cwd=maps)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(line.startswith("::error file=typo.cjm.yaml,line=8,col=9,title=cjm schema::unknown key")
               for line in lines)
    proc = run("validate", "--format", "sarif", "typo.cjm.yaml", cwd=maps)
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    assert log["version"] == "2.1.0"
    assert "schema" in [r["ruleId"] for r in log["runs"][0]["results"] if r["level"] == "error"]


def test_quiet_shows_errors_only(maps: Path) -> None:
    proc = run("validate", "--quiet", "warned.cjm.yaml", cwd=maps)
    assert (proc.returncode, proc.stdout) == (0, "")
    proc = run("validate", "--quiet", "typo.cjm.yaml", "warned.cjm.yaml", cwd=maps)
    assert proc.returncode == 1
    assert "error [schema]" in proc.stdout
    assert "warning [" not in proc.stdout


# --- hostile input: a yaml-syntax finding, exit 1, never a traceback ------------------------------

def yaml_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


HOSTILE: dict[str, bytes] = {
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "not-utf8": "cjm: 1\ntitle: Café crème\n".encode("latin-1"),
    "empty": b"",
    "yaml-bomb": yaml_bomb().encode(),
    "python-tag": b'!!python/object/apply:os.system ["echo hi"]\n',
    "python-tag-value": b'cjm: 1\ntitle: !!python/object/apply:os.system ["echo hi"]\nstages: []\n',
    "deep-nesting": b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_is_a_yaml_syntax_error(name: str, tmp_path: Path) -> None:
    (tmp_path / f"{name}.cjm.yaml").write_bytes(HOSTILE[name])
    proc = run("validate", f"{name}.cjm.yaml", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"{name}.cjm.yaml:" in proc.stdout
    assert "error [yaml-syntax]" in proc.stdout
    assert "hi" not in proc.stdout.splitlines()  # os.system never ran


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_in_json(name: str, tmp_path: Path) -> None:
    (tmp_path / f"{name}.cjm.yaml").write_bytes(HOSTILE[name])
    proc = run("validate", "--format", "json", f"{name}.cjm.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    (file,) = json.loads(proc.stdout)["files"]
    assert file["valid"] is False and file["score"] is None
    assert [d["rule"] for d in file["diagnostics"]] == ["yaml-syntax"]


def test_a_map_named_twice_is_checked_once(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    shutil.copy2(REPO / "sample_maps" / "streaming-subscription.cjm.yaml", folder)
    spelled_twice = str(folder / ".." / "maps" / "streaming-subscription.cjm.yaml")
    proc = run("validate", "--format", "json", spelled_twice, str(folder))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["files"] == 1
