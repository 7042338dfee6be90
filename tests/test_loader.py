"""cjm.loader: plain data with 1-based positions, and findings instead of exceptions."""

from __future__ import annotations

import codecs
import math
import sys
import warnings
from pathlib import Path

import pytest

import cjm.loader
from cjm.check.config import Config
from cjm.check.engine import check_file
from cjm.diagnostic import Pos
from cjm.loader import MAX_DEPTH, Loaded, load_bytes, load_file, load_text
from cjm.loader.read import UnreadableFile
from tests.helpers import dedent


def load(src: str) -> Loaded:
    return load_text(dedent(src), "map.cjm.yaml")


def only_finding(loaded: Loaded) -> tuple[str, int, int, str]:
    assert len(loaded.findings) == 1, loaded.findings
    f = loaded.findings[0]
    return f.rule, f.pos.line, f.pos.column, f.message


# --- positions -----------------------------------------------------------------------------

BLOCK = '''
    cjm: 1
    title: Acme
    stages:
      - phase: awareness
        touchpoints:
          - id: demo
            title: Demo
            next:
              - landing
    '''


def test_block_style_positions_of_values_keys_and_items() -> None:
    loaded = load(BLOCK)
    assert loaded.findings == []
    values, keys = loaded.positions.values, loaded.positions.keys
    assert values[()] == Pos(1, 1)
    assert values[("cjm",)] == Pos(1, 6)
    assert keys[("title",)] == Pos(2, 1)
    assert values[("title",)] == Pos(2, 8)
    assert values[("stages", 0)] == Pos(4, 5)
    assert keys[("stages", 0, "phase")] == Pos(4, 5)
    assert values[("stages", 0, "phase")] == Pos(4, 12)
    assert values[("stages", 0, "touchpoints", 0)] == Pos(6, 9)
    assert keys[("stages", 0, "touchpoints", 0, "title")] == Pos(7, 9)
    assert values[("stages", 0, "touchpoints", 0, "next", 0)] == Pos(9, 13)


def test_flow_style_positions_of_values_keys_and_items() -> None:
    loaded = load('''
        cjm: 1
        title: Acme
        stages: [{phase: trial, touchpoints: [{id: a, title: A, next: [b, c]}]}]
        ''')
    values, keys = loaded.positions.values, loaded.positions.keys
    assert values[("stages",)] == Pos(3, 9)
    assert values[("stages", 0)] == Pos(3, 10)
    assert keys[("stages", 0, "phase")] == Pos(3, 11)
    assert values[("stages", 0, "phase")] == Pos(3, 18)
    assert values[("stages", 0, "touchpoints", 0)] == Pos(3, 39)
    assert keys[("stages", 0, "touchpoints", 0, "id")] == Pos(3, 40)
    assert values[("stages", 0, "touchpoints", 0, "next", 1)] == Pos(3, 67)


def test_positions_of_and_key_fall_back_to_the_nearest_parent() -> None:
    positions = load(BLOCK).positions
    assert positions.of(("stages", 0, "touchpoints", 0, "emotion")) == Pos(6, 9)
    assert positions.key(("stages", 0, "touchpoints", 0, "emotion")) == Pos(6, 9)
    assert positions.key(("stages",)) == Pos(3, 1)


def test_columns_count_characters_not_bytes() -> None:
    loaded = load('''
        title: "Café ☕"
        brand: Acme
        ''')
    assert loaded.positions.values[("brand",)] == Pos(2, 8)
    loaded = load('title: ☕☕ x: y\n')
    assert only_finding(loaded)[1:3] == (1, 12)


# --- duplicate keys, aliases, merges -----------------------------------------------------


def test_duplicate_key_keeps_the_first_value_and_points_at_the_second_key() -> None:
    loaded = load('''
        title: first
        brand: Acme
        title: second
        ''')
    assert loaded.data == {"title": "first", "brand": "Acme"}
    assert only_finding(loaded) == ("duplicate-key", 3, 1,
                                    "the key 'title' is repeated (first at line 1)")
    assert loaded.positions.values[("title",)] == Pos(1, 8)


def test_alias_bomb_is_a_finding() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append("bomb: [" + ", ".join(["*a8"] * 9) + "]")
    loaded = load_text("\n".join(lines) + "\n")
    rule, _, _, message = only_finding(loaded)
    assert rule == "yaml-syntax"
    assert "more than 250,000 values" in message
    assert loaded.data is None


def test_normal_alias_and_merge_work() -> None:
    loaded = load('''
        base: &base {channel: social, emotion: 1}
        names: &names [a, b]
        copy: *names
        tp:
          <<: *base
          emotion: 2
        many:
          <<: [*base, {owner: me, channel: email}]
        ''')
    assert loaded.findings == []
    assert loaded.data["copy"] == ["a", "b"]
    assert loaded.data["tp"] == {"emotion": 2, "channel": "social"}
    assert loaded.data["many"] == {"channel": "social", "emotion": 1, "owner": "me"}
    assert loaded.positions.keys[("tp", "emotion")] == Pos(6, 3)


def test_reused_anchor_refers_to_the_latest_and_warns_nothing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = load_text("a: &x 1\nb: &x 2\nc: *x\n")
    assert loaded.findings == []
    assert loaded.data == {"a": 1, "b": 2, "c": 2}


def test_explicit_key_keeps_its_own_position_over_a_merged_one() -> None:
    loaded = load('''
        base: &base {colour: red, size: 1}
        tp:
          <<: *base
          colour: blue
        ''')
    assert loaded.data["tp"] == {"colour": "blue", "size": 1}
    assert loaded.positions.keys[("tp", "colour")] == Pos(4, 3)
    assert loaded.positions.values[("tp", "colour")] == Pos(4, 11)


@pytest.mark.parametrize("src", [
    "a: &a [*a]\n",
    "a: &a {b: *a}\n",
    "a: &a {<<: *a}\n",
])
def test_an_alias_inside_itself_is_a_finding(src: str) -> None:
    loaded = load_text(src)
    rule, line, _, message = only_finding(loaded)
    assert (rule, line) == ("yaml-syntax", 1)
    assert message == ("the alias *a is inside the value of its own anchor &a, so it would repeat itself "
                       "without end")
    assert loaded.data is None


def test_an_alias_of_an_earlier_anchor_of_the_same_name_inside_a_new_one_is_inside_itself() -> None:
    """YAML: an alias names the latest anchor before it, here the one still open."""
    assert "inside the value of its own anchor" in only_finding(load_text("a: &a 1\nb: &a [*a]\n"))[3]


def test_nesting_past_the_limit_through_aliases_is_a_finding() -> None:
    lines = ["a0: &a0 " + "[" * 40 + "]" * 40]
    lines += [f"a{i}: &a{i} " + "[" * 40 + f"*a{i - 1}" + "]" * 40 for i in range(1, 40)]
    loaded = load_text("\n".join(lines) + "\n")
    assert only_finding(loaded)[0] == "yaml-syntax"
    chain = ["a0: &a0 {x: 1}"] + [f"a{i}: &a{i} {{<<: *a{i - 1}}}" for i in range(1, 600)]
    assert only_finding(load_text("\n".join(chain) + "\n"))[0] == "yaml-syntax"


# --- tags and nesting ---------------------------------------------------------------------


@pytest.mark.parametrize(("value", "shown"), [
    ("!!python/object:os.system echo", "!!python/object:os.system"),
    ("!!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
    ("!!binary aGVsbG8=", "!!binary"),
    ("!foo bar", "!foo"),
    ("!foo {a: 1}", "!foo"),
    ("!!set {a, b}", "!!set"),
])
def test_tags_are_refused(value: str, shown: str) -> None:
    loaded = load_text(f"cjm: 1\ntitle: {value}\n")
    rule, line, column, message = only_finding(loaded)
    assert (rule, line, column) == ("yaml-syntax", 2, 8)
    assert f"'{shown}'" in message
    assert loaded.data is None


@pytest.mark.parametrize("src", ["!foo title: x\n", "!!python/object:os.system title: x\n",
                                 "? !!binary aGk=\n: 1\n"])
def test_tags_on_keys_are_refused(src: str) -> None:
    rule, _, _, message = only_finding(load_text(src))
    assert rule == "yaml-syntax" and "is not allowed in a journey map" in message


def test_merging_something_other_than_a_mapping_is_a_finding() -> None:
    loaded = load_text("a:\n  <<: [1, {b: 2}]\n  c: 3\n")
    assert only_finding(loaded)[:3] == ("yaml-syntax", 2, 3)  # at the `<<` key
    assert loaded.data == {"a": {"c": 3, "b": 2}}


def test_a_plain_equals_sign_is_text() -> None:
    assert load_text("title: =\n=: x\n").data == {"title": "=", "=": "x"}


def test_standard_tags_on_scalars_are_fine() -> None:
    assert load_text("a: !!str 12\nb: !!int '3'\n").data == {"a": "12", "b": 3}


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 200])
def test_nesting_deeper_than_the_limit(depth: int) -> None:
    rule, _, _, message = only_finding(load_text("a: " + "[" * depth + "]" * depth + "\n"))
    assert rule == "yaml-syntax"
    assert f"deeper than {MAX_DEPTH} levels" in message
    block = "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v\n"
    assert only_finding(load_text(block))[0] == "yaml-syntax"


def test_nesting_up_to_the_limit_loads() -> None:
    depth = MAX_DEPTH - 1  # plus the top-level mapping
    loaded = load_text("a: " + "[" * depth + "]" * depth + "\n")
    assert loaded.findings == []


# --- bytes and files ----------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "line", "column"), [
    (b"title: caf\xe9\n", 1, 11),
    (b"cjm: 1\ntitle: \xff\xfe\n", 2, 8),
    ("cjm: 1\ntitle: café ".encode() + b"\xc3\x28\n", 2, 13),
    (codecs.BOM_UTF8 + b"cjm: 1\nbrand: \x80\n", 2, 8),
])
def test_non_utf8_bytes_point_at_the_bad_byte(raw: bytes, line: int, column: int) -> None:
    loaded = load_bytes(raw, "map.cjm.yaml")
    rule, got_line, got_column, message = only_finding(loaded)
    assert (rule, got_line, got_column) == ("yaml-syntax", line, column)
    assert "not UTF-8" in message
    assert f"byte 0x{_first_bad_byte(raw):02x}" in message


def _first_bad_byte(raw: bytes) -> int:
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return body[exc.start]
    raise AssertionError("valid UTF-8")


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\x00" * 64, b"\x00" * 7])
def test_binary_file(raw: bytes) -> None:
    loaded = load_bytes(raw, "logo.cjm.yaml")
    assert only_finding(loaded) == ("yaml-syntax", 1, 1,
                                    "this is a binary file, not a YAML journey map")


def test_bom_is_allowed() -> None:
    loaded = load_bytes(codecs.BOM_UTF8 + b"cjm: 1\ntitle: Acme\n")
    assert loaded.findings == []
    assert loaded.data == {"cjm": 1, "title": "Acme"}
    assert loaded.positions.values[("title",)] == Pos(2, 8)


@pytest.mark.parametrize("boms", [2, 3])
@pytest.mark.parametrize("fast", [True, False])
def test_byte_order_marks_at_the_start_are_not_counted(boms: int, fast: bool) -> None:
    """libyaml skips one BOM without counting it: with two, every position was one character early."""
    loaded = load_bytes(codecs.BOM_UTF8 * boms + b"cjm: 1\ntitle: Acme\n", fast=fast)
    assert loaded.findings == [] and loaded.data == {"cjm": 1, "title": "Acme"}
    assert (loaded.positions.keys[("cjm",)], loaded.positions.values[("title",)]) == (Pos(1, 1), Pos(2, 8))
    assert load_text("\ufeff" * boms + "cjm: 1\ntitle: Acme\n", fast=fast).positions == loaded.positions


@pytest.mark.parametrize("raw", [b"", b"\n\n", b"# only a comment\n", codecs.BOM_UTF8])
def test_empty_file(raw: bytes) -> None:
    assert only_finding(load_bytes(raw))[:3] == ("yaml-syntax", 1, 1)


def test_a_file_of_spaces_tabs_and_blank_lines_is_empty() -> None:
    """YAML 1.2 reads a line of tabs as blank; libyaml stops at the tab: the finding is at the tab."""
    assert only_finding(load_bytes(b" \n  \t\n   \n")) == (
        "yaml-syntax", 2, 3, "the file is empty: it holds only spaces, tabs and blank lines")


@pytest.mark.parametrize(("src", "data"), [
    ("x: [:0]\n", {"x": [":0"]}),
    ("x: [a, :b, c]\n", {"x": ["a", ":b", "c"]}),
    ("x: {:0: 1, y: 2}\n", {"x": {":0": 1, "y": 2}}),
    ("x: [\n  :a]\n", {"x": [":a"]}),
    ("x: [:0]\ny: 'a,:b'  # ,:c\nz: |\n  [,:d\n", {"x": [":0"], "y": "a,:b", "z": "[,:d\n"}),
    ('x: ["\\ue000", :0]\n', {"x": ["\ue000", ":0"]}),
])
def test_a_colon_may_start_a_plain_value_in_a_flow_collection(src: str, data: object) -> None:
    """YAML 1.2 reads `[:0]` as the text ':0'; libyaml alone calls it an error. Positions stay."""
    loaded = load_text(src)
    assert loaded.findings == [] and loaded.data == data
    assert loaded.positions.values[("x",)] == Pos(1, 4)


def test_an_error_after_a_colon_that_starts_a_value_is_the_one_reported() -> None:
    assert only_finding(load_text("x: [:0]\ny: [\n"))[:3] == ("yaml-syntax", 2, 5)


def test_file_bigger_than_max_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cjm.loader, "MAX_BYTES", 100)
    path = tmp_path / "big.cjm.yaml"
    path.write_text("title: " + "x" * 200 + "\n", encoding="utf-8")
    loaded = load_file(path)
    rule, line, column, message = only_finding(loaded)
    assert (rule, line, column) == ("yaml-syntax", 1, 1)
    assert "208 bytes" in message and "100 bytes" in message
    assert loaded.data is None
    assert only_finding(load_text("title: " + "x" * 200))[0] == "yaml-syntax"
    assert load_text("title: ok\n").findings == []


def test_a_path_that_is_not_a_readable_file_is_a_usage_error(tmp_path: Path) -> None:
    """Not a finding in the map (exit 1) but a problem with the path (exit 2), said in words."""
    with pytest.raises(UnreadableFile, match="no such file"):
        load_file(tmp_path / "missing.cjm.yaml")
    with pytest.raises(UnreadableFile, match="is a folder, not a file"):
        load_file(tmp_path)
    with pytest.raises(UnreadableFile, match="is a device, not a file"):
        load_file("/dev/null")


def test_load_file_reads_utf8(tmp_path: Path) -> None:
    path = tmp_path / "m.cjm.yaml"
    path.write_bytes("title: Café\n".encode())
    loaded = load_file(path)
    assert (loaded.path, loaded.data, loaded.lines) == (str(path), {"title": "Café"}, ["title: Café"])


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_lines_are_the_lines_yaml_counts(eol: str) -> None:
    text = eol.join(["cjm: 1", 'title: "Acme\u2028Notes\x85"', "brand: [x", ""])
    loaded = load_text(text)
    assert loaded.lines == ["cjm: 1", 'title: "Acme\u2028Notes\x85"', "brand: [x"]
    rule, line, _, _ = only_finding(loaded)
    # where the unclosed list starts: the third line, as cjm counts lines (U+2028 and NEL
    # inside the title are not line breaks)
    assert rule == "yaml-syntax" and line == 3


# --- scalars: YAML 1.2, dates stay text ---------------------------------------------------


def test_dates_stay_text() -> None:
    data = load_text("a: 2026-01-01\nb: 2026-01-01T10:00:00Z\nc: 2026-1-1\n").data
    assert data == {"a": "2026-01-01", "b": "2026-01-01T10:00:00Z", "c": "2026-1-1"}


def test_yaml_1_2_scalars() -> None:
    data = load('''
        yes_: yes
        no_: no
        on_: on
        off_: off
        y_: y
        true_: true
        cap: True
        octal12: 0o17
        octal11: 017
        hex: 0x1F
        float: 1.5e3
        inf: -.inf
        nan: .NaN
        null_: ~
        empty:
        version: 1.10
        ''').data
    assert data["yes_"] == "yes" and data["no_"] == "no"
    assert data["on_"] == "on" and data["off_"] == "off" and data["y_"] == "y"
    assert data["true_"] is True and data["cap"] is True
    assert (data["octal12"], data["octal11"], data["hex"]) == (15, 17, 31)
    assert data["float"] == 1500.0
    assert data["inf"] == -math.inf and math.isnan(data["nan"])
    assert data["null_"] is None and data["empty"] is None
    assert data["version"] == 1.1


def test_keys_are_text() -> None:
    assert load_text("1: a\ntrue: b\nnull: c\n").data == {"1": "a", "true": "b", "null": "c"}


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_named_not_called_binary(codec: str) -> None:
    [finding] = load_bytes("cjm: 1\ntitle: Café\nstages: []\n".encode(codec)).findings
    assert finding.message.startswith(f"the file is {codec[:6].upper()} text")
    assert "save it as UTF-8" in finding.message


def test_the_value_limit_counts_what_aliases_repeat_not_what_is_written() -> None:
    """250,000 values written out load (the size limit bounds them); aliases repeating that many do not."""
    written = "x:\n" + "".join(f"  - {i}\n" for i in range(260_000))
    assert load_text(written).findings == []
    bomb = "a: &a [" + ", ".join(["1"] * 1000) + "]\nb: [" + ", ".join(["*a"] * 300) + "]\n"
    [finding] = load_text(bomb).findings
    assert finding.message == "the aliases in this map repeat more than 250,000 values"


def test_a_valid_map_just_under_the_size_limit_validates(tmp_path: Path) -> None:
    """About 10 MB of touchpoints written out (no aliases): no limit stops it (issue 16)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import gen_maps

    path = tmp_path / "big.cjm.yaml"
    path.write_text(gen_maps.generate_big_map(cjm.loader.MAX_BYTES - 64 * 1024), "utf-8")
    assert cjm.loader.MAX_BYTES - 128 * 1024 < path.stat().st_size <= cjm.loader.MAX_BYTES
    result = check_file(path, Config())
    assert result.valid
    assert result.diagnostics == []  # generated maps have no warning either


def test_an_alias_of_a_list_as_a_key_is_named_plainly() -> None:
    loaded = load_text("a: &a [x, y]\n*a : 1\n")
    assert [f.message for f in loaded.findings] == ["a key must be plain text, not a list or mapping"]
