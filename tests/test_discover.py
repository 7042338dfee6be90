"""cjm.check.discover: paths as text, spelled and sorted as pathlib does (validate imports no pathlib)."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm.check.discover import collect_maps, collect_sources, map_stem, spelled

PARTS = st.sampled_from(["", ".", "..", "a", "b.c", "x.cjm.yaml", ".hidden", "a."])


@pytest.mark.skipif(os.name == "nt", reason="POSIX spelling; Windows uses pathlib itself")
@given(st.booleans(), st.lists(PARTS, max_size=6), st.sampled_from(["", "/", "//"]))
def test_a_path_is_spelled_as_pathlib_spells_it(leading: bool, parts: list[str], root: str) -> None:
    raw = (root if leading else "") + "/".join(parts)
    assert spelled(raw) == str(PurePosixPath(raw))


@given(st.text(st.sampled_from("ab.-_"), max_size=8))
def test_the_stem_of_a_name_that_is_not_a_map_is_pathlibs(name: str) -> None:
    if name and "/" not in name and name not in (".", ".."):
        assert map_stem(name) == PurePosixPath(name).stem
        assert map_stem(f"dir/{name}.cjm.yaml") == name


def test_maps_in_a_folder_come_in_pathlibs_order(tmp_path: Path) -> None:
    for name in ("a/b.cjm.yaml", "a-c.cjm.yaml", "a.cjm.yml", "B.cjm.yaml", "a/.hidden/x.cjm.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("cjm: 1\n", encoding="utf-8")
    found = collect_sources([f"{tmp_path}//./"])
    expected = sorted(p for p in tmp_path.rglob("*.cjm.y*ml") if ".hidden" not in p.parts)
    assert [source.path for source in found] == [str(p) for p in expected]
    assert {source.folder for source in found} == {str(tmp_path)}
    assert collect_maps([str(tmp_path)]) == expected


def test_a_file_named_twice_is_checked_once_as_first_spelled(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "x.cjm.yaml").write_text("cjm: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = collect_sources(["./maps//x.cjm.yaml", "maps", "maps/../maps/x.cjm.yaml"])
    assert [(source.path, source.folder) for source in found] == [("maps/x.cjm.yaml", None)]
