"""`based_on`: `cjm validate` compares a map with the map it names, one level deep."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cjm.check.config import find_config
from cjm.check.engine import check_file
from cjm.check.result import FileResult
from tests.diff.maps import spec_example
from tests.harness import REPO, cjm

TODAY, FUTURE = spec_example()


def write(folder: Path, name: str, text: str, **top: object) -> Path:
    given = json.loads(text)
    data = {"cjm": 1, "title": given.pop("title"), **top, **{k: v for k, v in given.items() if k != "cjm"}}
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    return path


def rules(result: FileResult) -> list[tuple[str, str | None]]:
    return [(d.rule, d.phase) for d in result.diagnostics]


@pytest.fixture(autouse=True)
def fresh_config() -> None:
    find_config.cache_clear()


def test_a_future_map_is_compared_with_the_map_it_names(tmp_path: Path) -> None:
    write(tmp_path, "today.cjm.yaml", TODAY)
    future = write(tmp_path, "plans/future.cjm.yaml", FUTURE, state="future", based_on="../today.cjm.yaml")
    result = check_file(future)
    assert rules(result) == [("perverse-consequence", "commitment")]
    assert result.base is not None and result.base.path.endswith("today.cjm.yaml")
    assert result.changes is not None and [p.verdict for p in result.changes.phases] == [
        "same", "better", "worse", "same"]
    assert "compared with ../today.cjm.yaml" in (result.diagnostics[0].hint or "")


def test_a_current_map_with_based_on_is_compared_too(tmp_path: Path) -> None:
    write(tmp_path, "last-year.cjm.yaml", TODAY)
    this_year = write(tmp_path, "this-year.cjm.yaml", FUTURE, state="current", based_on="last-year.cjm.yaml")
    assert rules(check_file(this_year)) == [("perverse-consequence", "commitment")]


@pytest.mark.parametrize(("based_on", "message"), [
    ("todya.cjm.yaml", "based_on names 'todya.cjm.yaml', but there is no such map next to this one; "
                       "did you mean 'today.cjm.yaml'?"),
    ("broken.cjm.yaml", "based_on names 'broken.cjm.yaml', which is not a valid map: fix it first"),
    ("future.cjm.yaml", "based_on names this map itself"),
    ("plans", "based_on names 'plans', which cjm cannot read: is a folder, not a file"),
    ("pipe.cjm.yaml", "based_on names 'pipe.cjm.yaml', which cjm cannot read: is a named pipe (FIFO)"),
])
def test_a_based_on_that_names_no_readable_valid_map_is_an_error_at_the_key(
        tmp_path: Path, based_on: str, message: str) -> None:
    write(tmp_path, "today.cjm.yaml", TODAY)
    (tmp_path / "broken.cjm.yaml").write_text("cjm: 1\ntitle: [unclosed\n", "utf-8")
    (tmp_path / "plans").mkdir()
    os.mkfifo(tmp_path / "pipe.cjm.yaml")  # reading it would block: it is refused unread
    future = write(tmp_path, "future.cjm.yaml", FUTURE, state="future", based_on=based_on)
    result = check_file(future)
    [error] = result.diagnostics
    assert error.rule == "unknown-reference" and error.message.startswith(message)
    assert (error.line, error.column) == (5, 15)  # the value of `based_on`
    assert not result.valid and result.changes is None


def test_a_based_on_that_is_not_text_is_a_schema_error(tmp_path: Path) -> None:
    future = write(tmp_path, "future.cjm.yaml", FUTURE, state="future", based_on=3)
    assert [d.rule for d in check_file(future).diagnostics] == ["schema"]


def test_a_cycle_is_read_one_level_deep(tmp_path: Path) -> None:
    a = write(tmp_path, "a.cjm.yaml", TODAY, state="future", based_on="b.cjm.yaml")
    b = write(tmp_path, "b.cjm.yaml", FUTURE, state="future", based_on="a.cjm.yaml")
    assert rules(check_file(b)) == [("perverse-consequence", "commitment")]
    assert rules(check_file(a)) == [("perverse-consequence", "trial")]  # the same change, backwards
    assert check_file(b).base.base is None  # type: ignore[union-attr]


def test_the_named_map_s_own_based_on_is_not_followed(tmp_path: Path) -> None:
    write(tmp_path, "today.cjm.yaml", TODAY, based_on="gone.cjm.yaml")  # a broken reference, one level down
    future = write(tmp_path, "future.cjm.yaml", FUTURE, state="future", based_on="today.cjm.yaml")
    assert rules(check_file(future)) == [("perverse-consequence", "commitment")]


def test_the_change_rules_are_configured_like_the_others(tmp_path: Path) -> None:
    write(tmp_path, "today.cjm.yaml", TODAY)
    future = write(tmp_path, "future.cjm.yaml", FUTURE, state="future", based_on="today.cjm.yaml")
    (tmp_path / ".cjm.toml").write_text('[rules]\nperverse-consequence = "error"\n', "utf-8")
    find_config.cache_clear()
    assert not check_file(future).valid
    (tmp_path / ".cjm.toml").write_text('[rules]\nperverse-consequence = "off"\n', "utf-8")
    find_config.cache_clear()
    assert check_file(future).diagnostics == []


def test_the_change_rules_are_silenced_like_the_others(tmp_path: Path) -> None:
    write(tmp_path, "today.cjm.yaml", TODAY)
    future = write(tmp_path, "future.cjm.yaml", FUTURE, state="future", based_on="today.cjm.yaml")
    [finding] = check_file(future).diagnostics
    lines = future.read_text("utf-8").splitlines()
    lines[finding.line - 1] += "  # cjm: disable=perverse-consequence"
    future.write_text("\n".join(lines) + "\n", "utf-8")
    assert check_file(future).diagnostics == []
    write(tmp_path, "future.cjm.yaml", FUTURE, state="future", based_on="today.cjm.yaml")
    assert check_file(future).diagnostics != []
    future.write_text("# cjm: disable=perverse-consequence\n" + future.read_text("utf-8"), "utf-8")
    assert check_file(future).diagnostics == []


def test_a_structural_error_holds_the_comparison_back(tmp_path: Path) -> None:
    write(tmp_path, "today.cjm.yaml", TODAY)
    broken = FUTURE.replace('"next": []', '"next": ["nowhere"]')
    future = write(tmp_path, "future.cjm.yaml", broken, state="future", based_on="today.cjm.yaml")
    result = check_file(future)
    assert [d.rule for d in result.diagnostics] == ["unknown-reference"] and result.changes is None


def test_validate_reports_it_in_every_format(tmp_path: Path) -> None:
    write(tmp_path, "today.cjm.yaml", TODAY)
    write(tmp_path, "future.cjm.yaml", FUTURE, state="future", based_on="today.cjm.yaml")
    text = cjm("validate", ".", cwd=tmp_path)
    assert text.returncode == 0 and "warning [perverse-consequence] trial got better" in text.stdout
    assert cjm("validate", "--strict", ".", cwd=tmp_path).returncode == 1
    github = cjm("validate", "--format", "github", ".", cwd=tmp_path).stdout
    assert github.startswith("::warning file=future.cjm.yaml,") and "title=cjm perverse-consequence" in github
    files = json.loads(cjm("validate", "--format", "json", ".", cwd=tmp_path).stdout)["files"]
    [finding] = next(f for f in files if f["path"] == "future.cjm.yaml")["diagnostics"]
    assert finding["phase"] == "commitment" and finding["id"] == "first-invoice"


def test_a_map_without_based_on_does_not_load_the_diff() -> None:
    """cjm validate runs on every commit: only a map with `based_on` pays for cjm.diff."""
    code = ("import sys, io, contextlib\nfrom cjm.cli.entry import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['validate', {str(REPO / 'sample_maps' / 'b2b-saas-trial.cjm.yaml')!r}])\n"
            "print(' '.join(m for m in sys.modules if m.startswith('cjm.')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout.split()
    assert "cjm.check.engine" in loaded and not [m for m in loaded if m.startswith("cjm.diff")]
