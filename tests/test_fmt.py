"""cjm.fmt: the canonical layout keeps every value and every comment, and is a fixed point."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cjm.fmt import (
    TOP_KEYS,
    TOUCHPOINT_KEYS,
    FormatterError,
    NotFormattable,
    comments_of,
    format_text,
    same_data,
)
from cjm.loader import load_text

SAMPLES = sorted(Path(__file__).resolve().parent.parent.glob("sample_maps/**/*.cjm.yaml"))
MARKER = re.compile(r"#\s?c\d+\b")


def loaded(text: str) -> Any:
    result = load_text(text)
    assert not result.findings, result.findings
    return result.data


def assert_formats_faithfully(text: str) -> str:
    """The laws of fmt, on one text: same data, same comments, idempotent, canonical ending."""
    once = format_text(text)
    assert same_data(loaded(text), loaded(once))
    assert sorted(comments_of(text)) == sorted(comments_of(once))
    for marker in set(MARKER.findall(text)):
        assert once.count(marker) == text.count(marker), marker
    assert format_text(once) == once
    assert once.endswith("\n") and not once.endswith("\n\n")
    assert "\ufeff" not in once
    return once


def ruamel_reads(text: str) -> bool:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        YAML(typ="safe", pure=True).compose(text)
    except YAMLError:
        return False
    return True


# --- every sample map ------------------------------------------------------------------------


def test_there_are_sample_maps_including_needs_work() -> None:
    assert len(SAMPLES) >= 7
    assert any("needs-work" in str(path) for path in SAMPLES)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_map_keeps_data_and_every_comment(path: Path) -> None:
    text = path.read_text("utf-8")
    once = assert_formats_faithfully(text)
    assert len(comments_of(once)) == len(comments_of(text)) > 0


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_map_comment_lines_keep_their_text(path: Path) -> None:
    text = path.read_text("utf-8")
    original = [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]
    once = format_text(text)
    formatted = [line.strip() for line in once.splitlines() if line.lstrip().startswith("#")]
    assert sorted(original) == sorted(formatted)


# --- the layout ------------------------------------------------------------------------------


def test_keys_follow_the_spec_order_and_unknown_keys_keep_theirs() -> None:
    text = ("x-b: 2\nstages: []\nzeta: 1\ntitle: T\nx-a: 1\ncjm: 1\n"
            "persona: {prosumer: false, name: M}\nphases: [trial]\n")
    assert format_text(text) == ("cjm: 1\ntitle: T\npersona:\n  name: M\n  prosumer: false\n"
                                 "phases: [trial]\nstages: []\nx-b: 2\nzeta: 1\nx-a: 1\n")


def test_touchpoint_keys_in_order_and_flow_touchpoints_become_block() -> None:
    text = ("cjm: 1\ntitle: T\nstages:\n- touchpoints:\n"
            "  - {emotion: 1, title: B, id: a, x-n: 1, step: share}\n  phase: trial\n  goal: G\n  name: N\n")
    assert format_text(text) == (
        "cjm: 1\ntitle: T\nstages:\n  - phase: trial\n    name: N\n    goal: G\n    touchpoints:\n"
        "      - id: a\n        title: B\n        step: share\n        emotion: 1\n        x-n: 1\n")


def test_short_lists_and_metrics_stay_flow() -> None:
    text = ("cjm: 1\ntitle: T\nstages:\n  - phase: a\n    touchpoints:\n      - id: a\n        title: B\n"
            "        pain_points: [one, two]\n        metrics: {reach: 120000, ctr: 0.021}\n")
    assert format_text(text) == text


def test_values_keep_their_spelling() -> None:
    text = ("cjm: 1\ntitle: 'Quoted: yes'\nbrand: \"Double # not a comment\"\nowner: '0.021'\n"
            "description: >-\n  Folded text\n  over two lines.\nstate: current\n"
            "tags: ['1', \"true\", null-ish, '2026-01-05']\nstages:\n  - phase: a\n    touchpoints:\n"
            "      - id: a\n        title: B\n        doing: |\n          Line one\n          Line two\n"
            "        metrics: {ctr: 0.021, big: 1_000, ratio: 1.50}\n")
    assert format_text(text) == text
    data = loaded(format_text(text))
    assert data["owner"] == "0.021" and data["tags"][:2] == ["1", "true"]
    assert data["stages"][0]["touchpoints"][0]["metrics"]["ctr"] == 0.021


def test_floats_keep_every_digit() -> None:
    """ruamel.yaml alone writes 1.898412569502271e-236 back as 1.898412569502270e-236."""
    text = ("cjm: 1\ntitle: T\nstages:\n  - phase: a\n    touchpoints:\n      - id: a\n        title: B\n"
            "        metrics: {tiny: 1.898412569502271e-236, third: 0.33333333333333331, big: 1.5E+16, "
            "half: .5, minus: -.inf}\n")
    assert format_text(text) == text


def test_four_space_indentation_becomes_two() -> None:
    text = "cjm: 1\ntitle: T\nstages:\n    -   phase: a\n        touchpoints:\n            -   id: a\n" \
           "                title: B\n"
    assert format_text(text) == "cjm: 1\ntitle: T\nstages:\n  - phase: a\n    touchpoints:\n" \
                                "      - id: a\n        title: B\n"


def test_a_keep_scalar_at_the_end_needs_no_end_marker() -> None:
    assert format_text("title: Wait...\n") == "title: Wait...\n"
    assert format_text("a: |+\n    more\n  \n  # note\n") == "a: |+\n  more\n\n# note\n"


def test_trailing_newline_bom_and_crlf() -> None:
    assert format_text("\ufeffcjm: 1\r\ntitle: T\r\nstages: []") == "cjm: 1\ntitle: T\nstages: []\n"


# --- comments --------------------------------------------------------------------------------


def test_modeline_and_header_stay_on_top_when_the_first_key_moves() -> None:
    text = ("# yaml-language-server: $schema=../.cjm/journey-map.schema.json\n"
            "# cjm: disable=step-order\ntitle: T\ncjm: 1\nstages: []\n")
    assert format_text(text) == ("# yaml-language-server: $schema=../.cjm/journey-map.schema.json\n"
                                 "# cjm: disable=step-order\ncjm: 1\ntitle: T\nstages: []\n")


def test_comments_above_a_moved_key_move_with_it() -> None:
    text = ("cjm: 1\nstages: []   # none yet\n# The title is\n# what people see first.\ntitle: T  # short\n"
            "# who\npersona:\n  # her role\n  role: R\n  # her name\n  name: M # first name only\n")
    assert format_text(text) == (
        "cjm: 1\n# The title is\n# what people see first.\ntitle: T  # short\n# who\npersona:\n"
        "  # her name\n  name: M # first name only\n  # her role\n  role: R\nstages: []   # none yet\n")


def test_moved_touchpoint_keys_carry_their_comments() -> None:
    text = ("cjm: 1\ntitle: T\nstages:\n  - phase: a\n    touchpoints:\n      - title: B  # the title\n"
            "        # the emotion, agreed in the workshop\n        emotion: 1\n        # id below\n"
            "        id: b   # unique\n")
    assert format_text(text) == (
        "cjm: 1\ntitle: T\nstages:\n  - phase: a\n    touchpoints:\n      # id below\n"
        "      - id: b   # unique\n        title: B  # the title\n"
        "        # the emotion, agreed in the workshop\n        emotion: 1\n")


def test_commented_out_touchpoint_stays_at_the_end_of_its_list() -> None:
    text = ("cjm: 1\ntitle: T\nstages:\n  - touchpoints:\n      - id: a\n        title: A\n"
            "      # - id: b\n      #   title: B\n    phase: a\n")
    assert format_text(text) == (
        "cjm: 1\ntitle: T\nstages:\n  - phase: a\n    touchpoints:\n      - id: a\n        title: A\n"
        "      # - id: b\n      #   title: B\n")


def test_comment_inside_a_flow_list_turns_it_to_block() -> None:
    text = "cjm: 1\ntitle: T\ntags: [a,  # first\n  # before b\n  b]\nstages: []\n"
    assert format_text(text) == "cjm: 1\ntitle: T\ntags:\n  - a  # first\n  # before b\n  - b\nstages: []\n"


def test_block_scalar_header_comment_and_hash_in_text() -> None:
    text = ("cjm: 1\ntitle: T   # main\ndescription: |  # literal\n  # this is text, not a comment\n"
            "  #hashtag\nbrand: 'A # B'\nstages: []\n# the end\n")
    once = assert_formats_faithfully(text)
    assert "  # this is text, not a comment\n" in once
    assert comments_of(once) == ["# main", "# literal", "# the end"]


def test_blank_lines_are_kept_single() -> None:
    stage_b = "  - phase: b\n    touchpoints: []\n"
    text = f"cjm: 1\ntitle: T\n\n\n# stages\nstages:\n  - phase: a\n    touchpoints: []\n\n{stage_b}\n"
    want = f"cjm: 1\ntitle: T\n\n# stages\nstages:\n  - phase: a\n    touchpoints: []\n\n{stage_b}"
    assert format_text(text) == want


def test_anchors_aliases_and_merges_keep_their_data() -> None:
    text = ("x-defaults: &tp {channel: web, emotion: 1}\ncjm: 1\ntitle: T\nstages:\n  - phase: a\n"
            "    touchpoints:\n      - <<: *tp\n        title: B  # merged\n        id: b\n")
    assert_formats_faithfully(text)


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, rule", [
    ("cjm: 1\ntitle: [unclosed\n", "yaml-syntax"),
    ("cjm: 1\ntitle: A\ntitle: B\nstages: []\n", "duplicate-key"),
    ("cjm: 1\ntitle: !!python/object:os.system x\n", "yaml-syntax"),
    ("", "yaml-syntax"),
])
def test_broken_yaml_is_refused_with_its_findings(text: str, rule: str) -> None:
    with pytest.raises(NotFormattable) as caught:
        format_text(text)
    assert caught.value.findings and caught.value.findings[0].rule == rule


def test_a_lost_value_is_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import cjm.fmt

    for writer in ("canonical_fast", "round_trip_text"):  # either way of writing the layout
        monkeypatch.setattr(cjm.fmt, writer, lambda *args: "cjm: 1\n")
        with pytest.raises(FormatterError):
            format_text("cjm: 1\ntitle: T\n" if writer == "canonical_fast" else "cjm: 1\ntitle: !!str T\n")


def test_same_data_is_strict() -> None:
    assert same_data({"a": [1, 0.5]}, {"a": [1, 0.5]})
    assert not same_data({"a": 1}, {"a": True})
    assert not same_data({"a": 1}, {"a": 1.0})
    assert same_data(float("nan"), float("nan"))


# --- generated maps --------------------------------------------------------------------------

WORDS = st.text(alphabet="abcdefghij klmnop:#'\"-é✓,.!?{}[]&*%@`|>", min_size=1, max_size=24)
PLAIN = st.text(alphabet="abcdefghijklmnop", min_size=1, max_size=8)
SCALARS = st.one_of(WORDS, st.integers(-3, 120000), st.sampled_from([0.021, 1.5, -0.25]), st.booleans(),
                    st.none(), PLAIN)
STYLES = ("plain", "single", "double", "literal", "folded")
INDENTS = [(2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (3, 5, 2)]


@st.composite
def shuffled_map(draw: st.DrawFn, keys: tuple[str, ...], value: st.SearchStrategy[Any]) -> dict[str, Any]:
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    extra = draw(st.lists(st.sampled_from(["x-note", "x-owner", "zzz-unknown"]), unique=True, max_size=2))
    return {key: draw(value) for key in draw(st.permutations(chosen + extra))}


def touchpoints() -> st.SearchStrategy[dict[str, Any]]:
    fields = st.one_of(SCALARS, st.lists(PLAIN, max_size=3), st.dictionaries(PLAIN, SCALARS, max_size=2))
    return st.builds(lambda tp, i: {"id": f"tp-{i}", **tp},
                     shuffled_map(TOUCHPOINT_KEYS[1:], fields), st.integers(0, 999))


def stages() -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(lambda stage, tps: {**stage, "touchpoints": tps},
                     shuffled_map(("phase", "name", "goal"), PLAIN), st.lists(touchpoints(), max_size=3))


def maps() -> st.SearchStrategy[dict[str, Any]]:
    top = shuffled_map(tuple(k for k in TOP_KEYS if k not in ("stages", "persona")), SCALARS)
    persona = shuffled_map(("name", "role", "quote", "goals", "prosumer"), SCALARS)
    return st.builds(lambda m, p, s: {**m, "persona": p, "stages": s}, top, persona,
                     st.lists(stages(), max_size=3))


def styled(draw: st.DrawFn, value: Any, in_flow: bool) -> Any:
    """`value` as ruamel objects with a random flow/block style and scalar style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if isinstance(value, (dict, list)):
        flow = in_flow or draw(st.booleans())
        out: Any = CommentedMap() if isinstance(value, dict) else CommentedSeq()
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            converted = styled(draw, item, flow)
            if isinstance(out, CommentedMap):
                out[key] = converted
            else:
                out.append(converted)
        if flow:
            out.fa.set_flow_style()
        else:
            out.fa.set_block_style()
        return out
    if not isinstance(value, str):
        return value
    style = draw(st.sampled_from(STYLES[:3] if in_flow else STYLES))
    if style in ("literal", "folded") and (value != value.strip() or not value.strip()):
        style = "double"
    kinds = {"single": SingleQuotedScalarString, "double": DoubleQuotedScalarString,
             "literal": LiteralScalarString, "folded": FoldedScalarString}
    return kinds[style](value) if style in kinds else value


def dump(draw: st.DrawFn, data: dict[str, Any]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096
    mapping, sequence, offset = draw(st.sampled_from(INDENTS))
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    data = styled(draw, data, False)
    data.fa.set_block_style()
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


@st.composite
def commented_maps(draw: st.DrawFn) -> tuple[str, Any]:
    data = draw(maps())
    lines = dump(draw, {"cjm": 1, "title": "T", **data}).splitlines()
    for count in range(1, draw(st.integers(0, 12)) + 1):
        at = draw(st.integers(0, len(lines)))
        body = draw(st.text(alphabet="abc xyz#:'\"é-", max_size=12))
        text = f"# c{count} {body}".rstrip()
        kind = draw(st.sampled_from(["line", "eol", "blank"]))
        if kind == "eol" and at < len(lines) and lines[at].strip():
            lines[at] += " " * draw(st.integers(1, 3)) + text
        elif kind == "blank":
            lines.insert(at, "")
        else:
            lines.insert(at, " " * draw(st.integers(0, 10)) + text)
    return "\n".join(lines) + "\n", data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented_maps())
def test_generated_maps_keep_data_and_comments_and_are_idempotent(case: tuple[str, Any]) -> None:
    text, _ = case
    assume(not load_text(text).findings)  # a comment dropped into a block scalar is text, not a comment
    assume(ruamel_reads(text))  # e.g. ruamel.yaml writes `{a: :-}` but cannot read it back
    assert_formats_faithfully(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_generated_maps_without_comments_end_in_canonical_order(data: dict[str, Any]) -> None:
    from ruamel.yaml import YAML

    stream = io.StringIO()
    YAML(typ="rt", pure=True).dump({"cjm": 1, "title": "T", **data}, stream)
    once = format_text(stream.getvalue())
    top = [line.split(":")[0] for line in once.splitlines() if re.match(r"[a-z]", line)]
    known = [key for key in TOP_KEYS if key in top]
    assert top[: len(known)] == known
    assert same_data(loaded(once), loaded(stream.getvalue()))


YAMLISH = st.text(alphabet="ab:-[]{},#'\"|>+ \n\t?%0.1~", max_size=60)


@settings(max_examples=300)
@given(YAMLISH)
def test_any_text_is_formatted_faithfully_or_refused_never_crashes(text: str) -> None:
    try:
        once = format_text(text)
    except NotFormattable as refused:
        assert refused.findings
        return
    assert same_data(load_text(text).data, load_text(once).data)
    assert sorted(comments_of(text)) == sorted(comments_of(once))
    assert format_text(once) == once


@settings(max_examples=150)
@given(st.text(alphabet="a:-[]{}#!&*?<>%\n 1", max_size=30))
def test_tags_anchors_and_directives_never_crash(text: str) -> None:
    with contextlib.suppress(NotFormattable, FormatterError):  # refused, or caught by the final check
        format_text(text)


# Hand-written YAML lines: indentless and deep lists, flow lists holding comments, block scalars
# holding `#` lines, comments at every indentation (commented-out entries), blank lines.
LINE_KEYS = ["cjm", "title", "stages", "phase", "name", "touchpoints", "id", "step", "x-a", "zz", "persona"]
LINE_VALUES = ["1", "0.021", "plain text", "'q # x'", '"dq: y"', "a#b", "~", "true", "'multi\n  line'"]


@st.composite
def comment_line(draw: st.DrawFn, indent: int) -> str:
    return " " * draw(st.integers(0, indent + 4)) + f"# c{draw(st.integers(0, 99))}"


@st.composite
def yaml_block(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for key in draw(st.lists(st.sampled_from(LINE_KEYS), min_size=1, max_size=4, unique=True)):
        lines += draw(st.lists(st.one_of(comment_line(indent), st.just("")), max_size=2))
        nested = ["map", "list", "flow", "flow-comments"] if depth < 3 else []
        kind = draw(st.sampled_from(["scalar", "block", *nested]))
        eol = draw(st.sampled_from(["", "  # e", "   # cjm: disable=step-order"]))
        if kind == "scalar":
            lines.append(f"{pad}{key}: {draw(st.sampled_from(LINE_VALUES))}{eol}")
        elif kind == "map":
            lines.append(f"{pad}{key}:{eol}")
            lines += draw(yaml_block(indent + draw(st.sampled_from([2, 4])), depth + 1))
        elif kind == "list":
            lines.append(f"{pad}{key}:{eol}")
            lines += draw(yaml_list(indent + draw(st.sampled_from([0, 2, 4])), depth))
        elif kind == "flow":
            lines.append(f"{pad}{key}: {draw(st.sampled_from(['[a, b]', '{x: 1, y: [2]}', '[]']))}{eol}")
        elif kind == "flow-comments":
            lines += [f"{pad}{key}: [a,{eol}", draw(comment_line(indent)), f"{pad}  b, {{c: d,  # in",
                      f"{pad}   e: f}}]"]
        else:
            lines.append(f"{pad}{key}: {draw(st.sampled_from(['|', '>-', '|+']))}{eol}")
            lines += [" " * (indent + 2) + draw(st.sampled_from(["text", "# text", "", "  more"]))
                      for _ in range(draw(st.integers(1, 3)))]
    return lines


@st.composite
def yaml_list(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            value = draw(st.sampled_from(LINE_VALUES)).replace("\n", "\n" + " " * (indent + 2))
            lines.append(" " * indent + "- " + value + draw(st.sampled_from(["", "  # item"])))
        else:
            item = draw(yaml_block(indent + 2, depth + 1))
            first = next(i for i, line in enumerate(item) if line.strip() and line.strip()[0] != "#")
            item[first] = " " * indent + "- " + item[first][indent + 2:]
            lines += item
        if draw(st.booleans()):
            lines.append(draw(comment_line(indent)))
    return lines


@settings(max_examples=200)
@given(yaml_block(0, 0))
def test_hand_written_yaml_keeps_data_and_comments_and_is_idempotent(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    try:
        format_text(text)
    except NotFormattable:
        assume(False)  # repeated keys, or a comment that ends a block scalar too early
    assert_formats_faithfully(text)


def test_a_flow_touchpoint_with_a_disable_comment_stays_on_its_line() -> None:
    disable = "  # cjm: disable=no-advocate-story\n"
    text = ("cjm: 1\ntitle: T\nphases: [referral]\nstages:\n  - phase: referral\n    touchpoints:\n"
            f"      - {{title: We post, id: post, step: share, actor: brand}}{disable}")
    once = format_text(text)
    assert f"      - {{id: post, title: We post, actor: brand, step: share}}{disable}" in once
    from cjm.check.engine import check_text

    rules = [d.rule for d in check_text(once).diagnostics]
    assert rules == [d.rule for d in check_text(text).diagnostics] and "no-advocate-story" not in rules


@pytest.mark.parametrize(("text", "expected"), [
    ("cjm: 1\ntitle: T\ndescription: |\n  line one\n  line two",
     "cjm: 1\ntitle: T\ndescription: |-\n  line one\n  line two\n"),
    ("cjm: 1\ntitle: T\ndescription: >\n  folded\n  text",
     "cjm: 1\ntitle: T\ndescription: >-\n  folded\n  text\n"),
    ("cjm: 1\ntitle: T\t\nstages: []  \t\n", "cjm: 1\ntitle: T\nstages: []\n"),
    ("cjm: 1\ntitle: T\ndescription: |\n  keep\t\n  this\nstages: []\n",
     "cjm: 1\ntitle: T\ndescription: |\n  keep\t\n  this\nstages: []\n"),
    ("cjm: 1\ntitle: T\nx-k: {1: one, true: yes, 0: zero, false: no}\nstages: []\n",
     "cjm: 1\ntitle: T\nstages: []\nx-k: {1: one, 'true': yes, 0: zero, 'false': no}\n"),
    ("cjm: 1\ntitle: T\nx-a: &k key\nx-b: {*k : v}\nstages: []\n",
     "cjm: 1\ntitle: T\nstages: []\nx-a: &k key\nx-b: {*k : v}\n"),
    ("cjm: 1\n!!str title: T\nstages: []\nx-a: [!!str 3, !!str &n 4, *n]\nx-b: {c: !!str 5}\n",
     "cjm: 1\ntitle: T\nstages: []\nx-a: ['3', &n '4', *n]\nx-b: {c: '5'}\n"),
])
def test_corners_validate_accepts_are_formatted_with_the_same_data(text: str, expected: str) -> None:
    """A `|` block at the end of a file with no final newline, a trailing tab, an alias as a flow key,
    keys `1` and `true` in one mapping, `!!str` tags on keys and values (ruamel.yaml writes `!!%20str`)."""
    assert format_text(text) == expected
    assert format_text(expected) == expected


@pytest.mark.parametrize(("name", "parses"), [("sample.cjm.yaml", 0), ("anchored.cjm.yaml", 1)])
def test_fmt_parses_a_map_with_ruamel_once_at_most(name: str, parses: int, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """ruamel.yaml's pure-Python parser reads a map only when cjm.fmt.fast declines it (an anchor on a
    mapping, here), and then once (its round trip); every other read is libyaml's."""
    from ruamel.yaml.composer import Composer

    from tests.harness import REPO, cjm

    calls: list[int] = []
    compose = Composer.compose_document

    def counting(self: Composer) -> object:
        calls.append(1)
        return compose(self)

    monkeypatch.setattr(Composer, "compose_document", counting)
    sample = (REPO / "sample_maps" / "streaming-subscription.cjm.yaml").read_text("utf-8")
    anchored = sample.replace("persona:\n", "persona: &who\n", 1) + "x-who: *who\n"
    (tmp_path / name).write_text(anchored if parses else sample, "utf-8")
    done = cjm("fmt", "--check", tmp_path / name)
    assert done.returncode == 0, done.stderr
    assert len(calls) == parses


def test_a_value_starting_with_a_colon_in_a_flow_list() -> None:
    """`[:0]` is the text ':0' (YAML 1.2, as cjm validate reads it): formatted by the round trip
    without comments; with comments (placed with libyaml, which refuses it) refused in one line
    saying to quote it, never exit 3."""
    text = "cjm: 1\ntitle: T\nstages: []\nx-a: [:0]\n"
    assert load_text(format_text(text)).data == load_text(text).data
    with pytest.raises(NotFormattable, match=r"put the value in quotes, as in \[':0'\]") as refused:
        format_text("cjm: 1\ntitle: T  # c\nstages: []\nx-a: [:0]\n")
    where = refused.value.findings[0].pos
    assert refused.value.own and (where.line, where.column) == (4, 7)


def test_the_unprintable_characters_are_those_outside_the_printable_ones() -> None:
    """cjm.fmt.fast writes its pattern as the few characters outside PRINTABLE (quick to compile)."""
    import re
    import sys

    from cjm.fmt import fast

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert fast._UNPRINTABLE.findall(every) == re.findall(f"[^{fast.PRINTABLE}]", every)
