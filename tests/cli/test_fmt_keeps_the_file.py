"""`cjm fmt` rewrites a file the user owns: it keeps the file itself, not only its text."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from cjm.fmt import format_text
from tests.harness import cjm

UNTIDY = ("title: Untidy\ncjm: 1\nstages:\n- touchpoints:\n  - {title: An ad, id: ad, step: connect}"
          "  # first contact\n  phase: awareness\n")
TIDY = format_text(UNTIDY)


@pytest.fixture
def untidy(tmp_path: Path) -> Path:
    path = tmp_path / "map.cjm.yaml"
    path.write_text(UNTIDY, "utf-8")
    return path


def test_a_symlink_stays_a_symlink_and_its_target_is_formatted(untidy: Path) -> None:
    link = untidy.with_name("link.cjm.yaml")
    link.symlink_to(untidy.name)
    done = cjm("fmt", "link.cjm.yaml", cwd=untidy.parent)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == untidy.name
    assert untidy.read_text("utf-8") == TIDY


def test_hard_links_stay_one_file(untidy: Path) -> None:
    other = untidy.with_name("other.cjm.yaml")
    os.link(untidy, other)
    assert cjm("fmt", untidy.name, cwd=untidy.parent).returncode == 0
    assert os.stat(untidy).st_ino == os.stat(other).st_ino
    assert other.read_text("utf-8") == TIDY
    assert sorted(p.name for p in untidy.parent.iterdir()) == ["map.cjm.yaml", "other.cjm.yaml"]


def test_mode_is_kept(untidy: Path) -> None:
    os.chmod(untidy, 0o640)
    assert cjm("fmt", untidy.name, cwd=untidy.parent).returncode == 0
    assert stat.S_IMODE(untidy.stat().st_mode) == 0o640


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_owner_is_kept_when_root_formats_someone_elses_map(untidy: Path) -> None:
    os.chown(untidy, 4321, 4321)
    assert cjm("fmt", untidy.name, cwd=untidy.parent).returncode == 0
    assert (untidy.stat().st_uid, untidy.stat().st_gid) == (4321, 4321)


def test_a_read_only_map_is_refused_and_untouched(untidy: Path) -> None:
    os.chmod(untidy, 0o444)
    done = cjm("fmt", untidy.name, cwd=untidy.parent)
    assert done.returncode == 2
    assert "map.cjm.yaml: the file is read-only, so cjm fmt leaves it alone" in done.stderr
    assert untidy.read_text("utf-8") == UNTIDY
    assert cjm("fmt", "--check", untidy.name, cwd=untidy.parent).returncode == 1  # checking is fine


def test_a_save_made_while_fmt_runs_is_never_overwritten(untidy: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import cjm.fmt as formatter

    real = formatter.format_text

    def format_while_the_user_saves(text: str, name: str = "<map>", **options: Any) -> str:
        result = real(text, name, **options)
        untidy.write_text(UNTIDY + "# my new note\n", "utf-8")  # the editor saves meanwhile
        return result

    monkeypatch.setattr(formatter, "format_text", format_while_the_user_saves)
    done = cjm("fmt", untidy.name, cwd=untidy.parent)
    assert done.returncode == 1
    assert "the file changed while cjm fmt was formatting it" in done.stderr
    assert untidy.read_text("utf-8") == UNTIDY + "# my new note\n"
    assert sorted(p.name for p in untidy.parent.iterdir()) == ["map.cjm.yaml"]


def test_a_file_name_of_the_longest_legal_length_is_formatted(tmp_path: Path) -> None:
    name = "m" * (255 - len(".cjm.yaml")) + ".cjm.yaml"
    (tmp_path / name).write_text(UNTIDY, "utf-8")
    done = cjm("fmt", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / name).read_text("utf-8") == TIDY


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        assert cjm("init", "new.cjm.yaml", cwd=tmp_path).returncode == 0
        (tmp_path / "m.cjm.yaml").write_text(TIDY, "utf-8")
        assert cjm("render", "m.cjm.yaml", "-o", "out", "--to", "html", cwd=tmp_path).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out" / "m.html").stat().st_mode) == 0o640
