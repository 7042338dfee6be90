"""Paths that are not maps: named pipes, devices, links to them, unreadable folders and files.

Each gets a clear message and exit 2 at once (reading a FIFO would block forever,
/dev/zero would never end); the maps that can be read are still reported.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.harness import cjm

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
GOOD = ("cjm: 1\ntitle: Good\nstages:\n  - phase: awareness\n    touchpoints:\n"
        "      - {id: a, title: A, step: connect}\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.cjm.yaml").write_text(GOOD, "utf-8")
    return tmp_path


@posix_only
@pytest.mark.parametrize("command", [["validate"], ["score"], ["fmt"], ["fmt", "--check"],
                                     ["render", "-o", "out"], ["preview"]])
def test_a_fifo_named_as_a_map_is_refused_at_once(folder: Path, command: list[str]) -> None:
    os.mkfifo(folder / "pipe.cjm.yaml")
    done = cjm(*command, "pipe.cjm.yaml", cwd=folder)
    assert done.returncode == 2
    assert "pipe.cjm.yaml: is a named pipe (FIFO), not a file" in done.stderr


@posix_only
def test_a_fifo_inside_a_folder_is_named_and_nothing_hangs(folder: Path) -> None:
    os.mkfifo(folder / "pipe.cjm.yaml")
    done = cjm("validate", ".", cwd=folder)
    assert done.returncode == 2
    assert done.stderr == "cjm: error: pipe.cjm.yaml: is a named pipe (FIFO), not a file; cjm reads maps " \
                          "from regular files only\n"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_and_links_to_them_are_refused(folder: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} does not exist here")
    assert cjm("validate", device, cwd=folder).returncode == 2
    (folder / "link.cjm.yaml").symlink_to(device)
    done = cjm("validate", ".", cwd=folder)
    assert done.returncode == 2 and "link.cjm.yaml: is a device, not a file" in done.stderr


def test_a_link_to_a_regular_map_is_read(folder: Path) -> None:
    (folder / "link.cjm.yaml").symlink_to(folder / "good.cjm.yaml")
    done = cjm("validate", "--format", "json", "link.cjm.yaml", cwd=folder)
    assert done.returncode == 0, done.stderr


def test_an_unreadable_subfolder_is_named_not_skipped(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as root, chmod 000 would not stop cjm, so the refusal is simulated where the walk reads."""
    (folder / "private").mkdir()
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if str(path).endswith("private"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    done = cjm("validate", ".", cwd=folder)
    assert done.returncode == 2
    assert "private: cannot read this folder (Permission denied)" in done.stderr


def test_an_unreadable_map_is_named_the_others_are_checked(folder: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "secret.cjm.yaml").write_text(GOOD, "utf-8")
    real_open = os.open

    def guarded_open(path: object, flags: int, *args: object) -> int:
        if str(path).endswith("secret.cjm.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded_open)
    done = cjm("validate", "--format", "json", ".", cwd=folder)
    assert done.returncode == 2
    assert '"path": "good.cjm.yaml"' in done.stdout
    assert "cjm: error: secret.cjm.yaml: cannot read it (permission denied)" in done.stderr


def test_a_missing_map_for_preview_says_no_such_file(folder: Path) -> None:
    done = cjm("preview", "nope.cjm.yaml", cwd=folder)
    assert done.returncode == 2 and "nope.cjm.yaml: no such file or folder" in done.stderr


NAMES = [b"\xffnot-utf8.cjm.yaml", b"esc\x1b[2Jape.cjm.yaml", "café ✓ [bold]x[red].cjm.yaml".encode()]


@pytest.mark.parametrize("raw", NAMES, ids=["not-utf8", "escape", "markup"])
def test_file_names_of_any_bytes_work_in_every_format(tmp_path: Path, raw: bytes) -> None:
    """A real process under a strict UTF-8 locale, as CI runners have."""
    from urllib.parse import quote

    from cjm.fmt import format_text
    from tests.harness import cjm_process

    (tmp_path / os.fsdecode(raw)).write_text(format_text(GOOD), "utf-8")
    env = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    commands = [["validate", "--format", fmt, "."] for fmt in ("text", "json", "github", "sarif")]
    commands += [["score", "."], ["render", ".", "-o", "out"], ["fmt", "--check", "."]]
    for command in commands:
        done = cjm_process(*command, cwd=tmp_path, env=env)
        assert done.returncode == 0, (command, done.stderr)
        assert "\x1b" not in done.stdout + done.stderr, command
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".html", ".html", ".svg"]
    index = (tmp_path / "out" / "index.html").read_text("utf-8")  # the map's link, percent-encoded
    assert f'href="{quote(raw.removesuffix(b".cjm.yaml") + b".html")}"' in index
