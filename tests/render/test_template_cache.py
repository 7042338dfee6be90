"""Compiled templates are kept in the user's cache folder and used from there; a cache folder that
cannot be made or written changes nothing but speed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Environment

from cjm.check.engine import check_file
from cjm.render.environment import cache_dir, shared_environment
from cjm.render.html import render_html
from tests.harness import REPO

SAMPLE = REPO / "sample_maps" / "streaming-subscription.cjm.yaml"


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the templates Jinja compiles from their text, in a fresh environment."""
    names: list[str] = []
    compile_templates = Environment.compile

    def counting(self: Environment, source: object, name: str | None = None, *args: object,
                 **kwargs: object) -> object:
        names.append(str(name))
        return compile_templates(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Environment, "compile", counting)
    shared_environment.cache_clear()
    yield names
    shared_environment.cache_clear()


def _page() -> str:
    shared_environment.cache_clear()
    return render_html(check_file(SAMPLE))


def test_templates_compile_once_then_load_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        compiled: list[str]) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = _page()
    assert "map.html.j2" in compiled and cache_dir().is_relative_to(tmp_path / "cjm")
    assert len(list(cache_dir().glob("*.cache"))) == len(compiled)
    compiled.clear()
    assert _page() == first
    assert compiled == []


def test_an_edited_template_compiles_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            compiled: list[str]) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    own = tmp_path / "templates"
    own.mkdir()
    (own / "legend.html.j2").write_text("<p>legend one</p>\n", encoding="utf-8")
    result = check_file(SAMPLE)
    assert "legend one" in render_html(result, own)
    (own / "legend.html.j2").write_text("<p>legend two</p>\n", encoding="utf-8")
    shared_environment.cache_clear()
    compiled.clear()
    assert "legend two" in render_html(result, own)
    assert compiled == ["legend.html.j2"]


@pytest.mark.parametrize("cache", ["a-file", "read-only"])
def test_an_unusable_cache_folder_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  compiled: list[str], cache: str) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "good"))
    expected = _page()
    home = tmp_path / cache
    if cache == "a-file":
        home.write_text("not a folder", encoding="utf-8")
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", str(home))
        cache_dir().mkdir(parents=True)
        (cache_dir() / "x.cache").write_bytes(b"damaged")
        for folder in (cache_dir(), *cache_dir().parents):
            if folder == tmp_path:
                break
            folder.chmod(0o555)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    assert _page() == expected
    if cache == "read-only":
        for folder in (cache_dir(), *cache_dir().parents):
            if folder == tmp_path:
                break
            folder.chmod(0o755)


def test_a_damaged_cache_file_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                compiled: list[str]) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = _page()
    for file in cache_dir().glob("*.cache"):
        file.write_bytes(file.read_bytes()[:20])
    compiled.clear()
    assert _page() == expected
    assert "map.html.j2" in compiled
