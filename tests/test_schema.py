"""cjm.schema: messages for people, and agreement with the jsonschema reference."""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator
from typing import Any

import jsonschema  # type: ignore[import-untyped, unused-ignore]
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cjm.diagnostic import Finding, Pos
from cjm.loader.positions import Path, Positions
from cjm.schema import SUPPORTED, check, schema
from tests.helpers import run


def schema_findings(src: str) -> list[tuple[int, int, str, str | None]]:
    return [(d.line, d.column, d.message, d.hint) for d in run(src).diagnostics if d.rule == "schema"]


ONE_TOUCHPOINT = '''
    cjm: 1
    title: Acme
    stages:
      - phase: awareness
        touchpoints:
          - id: demo
            title: Demo
            {line}
    '''


def touchpoint_with(line: str) -> list[tuple[int, int, str, str | None]]:
    return schema_findings(ONE_TOUCHPOINT.replace("{line}", line))


# --- messages -----------------------------------------------------------------------------


def test_unknown_key_with_did_you_mean_at_the_key() -> None:
    [(line, column, message, hint)] = touchpoint_with("emotoin: 1")
    assert (line, column) == (8, 9)
    assert message == ("unknown key 'emotoin' in stages[0].touchpoints[0] (touchpoint 'demo' in stage "
                       "'awareness'); did you mean 'emotion'?")
    assert hint is not None and "emotion" in hint and "x-" in hint


def test_unknown_key_without_a_close_match() -> None:
    [(_, _, message, _)] = touchpoint_with("zzzz: 1")
    assert message == ("unknown key 'zzzz' in stages[0].touchpoints[0] "
                       "(touchpoint 'demo' in stage 'awareness')")


def test_enum_with_a_suggestion_and_the_allowed_list() -> None:
    [(line, column, message, hint)] = touchpoint_with("step: conect")
    assert (line, column) == (8, 15)
    assert message == ("stages[0].touchpoints[0].step (touchpoint 'demo' in stage 'awareness') is the text "
                       "'conect'; did you mean 'connect'?")
    assert hint == "allowed values: connect, inform, entertain, share"


def test_enum_without_a_suggestion_lists_the_allowed_values() -> None:
    [(_, _, message, _)] = touchpoint_with("engagement: 3")
    assert message == ("stages[0].touchpoints[0].engagement (touchpoint 'demo' in stage 'awareness') is the "
                       "number 3, which is not one of: spectator, participant, engaged")


def test_range() -> None:
    [(line, column, message, _)] = touchpoint_with("emotion: 3")
    assert (line, column) == (8, 18)
    assert message == ("stages[0].touchpoints[0].emotion (touchpoint 'demo' in stage 'awareness') is 3; "
                       "it must be from -2 to 2")


def test_numbers_too_large_for_a_float() -> None:
    huge = 10**400
    data = {"cjm": huge, "title": huge, "stages": [{"phase": "p", "touchpoints": [
        {"id": "a", "title": "A", "emotion": huge, "metrics": {"reach": huge}}]}]}
    messages = [f.message for f in check(data, Positions())]
    assert messages == [f"cjm must be 1, not the number {huge}",
                        f"title should be text, not the number {huge}",
                        f"stages[0].touchpoints[0].emotion (touchpoint 'a' in stage 'p') is {huge}; "
                        "it must be from -2 to 2"]


def test_missing_required_key_at_the_mapping() -> None:
    findings = schema_findings('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - channel: social
                step: connect
        ''')
    assert findings == [
        (6, 9, "stages[0].touchpoints[0] (touchpoint 1 in stage 'awareness') is missing the required key "
         "'id'", "add `id: ...` here"),
        (6, 9, "stages[0].touchpoints[0] (touchpoint 1 in stage 'awareness') is missing the required key "
         "'title'", "add `title: ...` here"),
    ]


def test_missing_top_level_key() -> None:
    assert schema_findings("cjm: 1\nstages: []\n") == [
        (1, 1, "the map is missing the required key 'title'", "add `title: ...` here")]


def test_wrong_type_names_the_full_path() -> None:
    findings = schema_findings('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints: []
          - phase: trial
            touchpoints:
              - {id: a, title: A, emotion: high}
        ''')
    assert findings == [(8, 36, "stages[1].touchpoints[0].emotion (touchpoint 'a' in stage 'trial') should "
                         "be a whole number, not the text 'high'", None)]


def test_wrong_type_hints() -> None:
    [(_, _, message, hint)] = schema_findings("cjm: 1\ntitle: [a]\nstages: []\n")
    assert (message, hint) == ("title should be text, not a list", "write one value: `title: a`")
    [(_, _, message, hint)] = schema_findings("cjm: 1\ntitle: 12\nstages: []\n")
    assert (message, hint) == ("title should be text, not the number 12",
                               "put the value in quotes to make it text")
    [(_, _, message, hint)] = schema_findings("cjm: 1\ntitle: T\nstages: awareness\n")
    assert message == "stages should be a list, not the text 'awareness'"
    assert hint is not None and "`[a, b]`" in hint


def test_const_pattern_unique_min_items_and_empty_messages() -> None:
    assert [m for _, _, m, _ in schema_findings("cjm: 2\ntitle: ''\nphases: []\nstages: []\n")] == [
        "cjm must be 1, not the number 2",
        "title is empty",
        "phases needs at least 1 item(s)",
    ]
    [(_, _, message, hint)] = schema_findings('''
        cjm: 1
        title: T
        stages:
          - phase: awareness
            touchpoints:
              - {id: ok, title: A}
              - {id: Demo One, title: B}
        ''')
    assert message.startswith("stages[0].touchpoints[1].id (touchpoint 'B' in stage 'awareness') "
                              "'Demo One' is not allowed here: ")
    assert hint == "for example 'demo-one'"
    [(line, column, message, _)] = schema_findings(
        "cjm: 1\ntitle: T\nphases: [trial, trial]\nstages: []\n")
    assert (line, column, message) == (3, 17, "phases lists the text 'trial' twice")


def test_top_level_must_be_a_mapping() -> None:
    [(_, _, message, _)] = schema_findings("- cjm: 1\n")
    assert message == "the map should be a group of `key: value` lines, not a list"


def test_x_keys_are_allowed_anywhere_a_mapping_is() -> None:
    assert schema_findings('''
        cjm: 1
        title: Acme
        x-top: {any: [thing]}
        persona: {name: Maya, x-p: 1}
        narrative: {story: S, x-n: [1, 2]}
        stages:
          - phase: awareness
            x-s: true
            touchpoints:
              - id: a
                title: A
                x-t: {deep: {er: null}}
                metrics: {reach: 3, x-m: [not, a, number]}
        ''') == []


def test_the_schema_uses_only_supported_keywords() -> None:
    assert set(keywords(schema())) <= SUPPORTED


def keywords(node: Any) -> Iterator[str]:
    """The keywords of a schema node and of every schema below it."""
    if not isinstance(node, dict):
        return
    for keyword, value in node.items():
        yield keyword
        if keyword in ("properties", "patternProperties", "$defs"):
            for sub in value.values():
                yield from keywords(sub)
        elif keyword in ("items", "additionalProperties"):
            yield from keywords(value)


# --- agreement with the reference implementation ------------------------------------------

VALIDATOR = jsonschema.Draft202012Validator(schema())
STEPS = ["connect", "inform", "entertain", "share"]
IDS = st.from_regex(r"\A[a-z0-9][a-z0-9_-]{0,8}\Z")
TEXT = st.text(max_size=8)
NONEMPTY = st.text(min_size=1, max_size=8)
TEXTS = st.lists(TEXT, max_size=3)


@st.composite
def touchpoints(draw: st.DrawFn) -> dict[str, Any]:
    tp: dict[str, Any] = {"id": draw(IDS), "title": draw(TEXT.filter(bool))}
    optional = {
        "channel": TEXT, "actor": st.sampled_from(["brand", "customer", "advocate", "partner"]),
        "step": st.sampled_from(STEPS), "storytelling": st.sampled_from(["corporate", "advocate"]),
        "engagement": st.sampled_from(["spectator", "participant", "engaged"]),
        "emotion": st.integers(-2, 2), "doing": TEXT, "pain_points": TEXTS,
        "moment_of_truth": st.booleans(), "backstage": TEXTS, "next": st.lists(IDS, max_size=2),
        "metrics": st.dictionaries(TEXT, st.one_of(st.integers(), st.floats(), TEXT), max_size=2),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=5)):
        tp[key] = draw(optional[key])
    return tp


@st.composite
def valid_maps(draw: st.DrawFn) -> dict[str, Any]:
    phases = draw(st.lists(TEXT.filter(bool), min_size=1, max_size=4, unique=True))
    stages = [
        {"phase": draw(st.sampled_from(phases)),
         "touchpoints": draw(st.lists(touchpoints(), min_size=1 - min(i, 1), max_size=3))}
        for i in range(draw(st.integers(0, 3)))
    ]
    doc: dict[str, Any] = {"cjm": 1, "title": draw(TEXT.filter(bool)), "stages": stages}
    if draw(st.booleans()):
        doc["phases"] = phases
    if draw(st.booleans()):
        doc["persona"] = {"name": draw(TEXT.filter(bool)), "prosumer": draw(st.booleans()),
                          "goals": draw(TEXTS)}
    if draw(st.booleans()):
        doc["narrative"] = {"hero": draw(NONEMPTY), "story": draw(NONEMPTY)}
    if draw(st.booleans()):
        doc["state"] = draw(st.sampled_from(["current", "future"]))
        doc["tags"] = draw(TEXTS)
    return doc


TRICKY = st.sampled_from([
    None, True, False, 0, 1, -1, 1.0, 2.0, 2.5, -3, 3, 100, math.inf, math.nan, "", "x", "1",
    "Bad Id", "-lead", "ok\n", "conect", "Share", "awareness", [], [1], ["a", "a"], {}, {"x-a": 1},
]).map(copy.deepcopy)  # a fresh copy each time: mutations must not change the constants
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT | st.just(10**400),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)
KEYS = st.sampled_from([
    "cjm", "title", "stages", "phases", "persona", "name", "phase", "touchpoints", "id", "emotion",
    "step", "next", "metrics", "prosumer", "titel", "emotoin", "stage", "x-note", "x-", "X-up", "",
]) | TEXT


def all_paths(value: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    yield path, value
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, item in items:
        yield from all_paths(item, (*path, key))


NEAR_MISSES: dict[str, st.SearchStrategy[Any]] = {  # per field: values just off the schema
    "cjm": st.sampled_from([True, 1.0, 2, "1", 0, None]),
    "title": st.sampled_from(["", 0, None, [], "ok"]),
    "state": st.sampled_from(["past", "Current", 1, None]),
    "phases": st.sampled_from([[], ["a", "a"], [""], ["a", 1], "a", [True]]),
    "persona": st.sampled_from([{}, {"name": ""}, {"name": "M", "prosumer": 1}, {"name": "M", "x-a": 0},
                                {"name": "M", "prosumer": "yes"}, []]),
    "emotion": st.integers(-5, 5) | st.sampled_from([1.0, 2.5, -2.0, True, False, "1", math.nan, math.inf]),
    "step": st.sampled_from(["conect", "Connect", "share ", "", 1, None, True]),
    "actor": st.sampled_from(["customers", "Brand", 0, None]),
    "storytelling": st.sampled_from(["advocat", "", False]),
    "engagement": st.sampled_from(["engage", "spectator", 2]),
    "id": st.text(alphabet="abAZ09-_ .\n", max_size=6),
    "moment_of_truth": st.sampled_from([0, 1, "true", None, True]),
    "next": st.sampled_from(["a", [1], [None], [[]], ["a"]]),
    "metrics": st.sampled_from([{"a": None}, {"a": [1]}, {"a": True}, {"x-a": []}, [], {"a": 1.5}]),
}
FIELD_VALUES = {key: values.map(copy.deepcopy) for key, values in NEAR_MISSES.items()}
TOUCHPOINT_FIELDS = set(FIELD_VALUES) - {"cjm", "state", "phases", "persona"}


def mutate(draw: st.DrawFn, doc: dict[str, Any]) -> Any:
    """One random change: set a field to a near miss, replace/drop/add a value, or repeat an item."""
    nodes = dict(all_paths(doc))
    dicts = [p for p, v in nodes.items() if isinstance(v, dict)]
    lists = [p for p, v in nodes.items() if isinstance(v, list) and v]
    tps = [p for p in dicts if len(p) == 4 and p[0] == "stages" and p[2] == "touchpoints"]
    kind = draw(st.sampled_from(["field", "field", "replace", "drop", "add", "repeat"]))
    if kind == "field":
        key = draw(st.sampled_from(sorted(FIELD_VALUES)))
        owner: Path = draw(st.sampled_from(tps)) if key in TOUCHPOINT_FIELDS and tps else ()
        nodes[owner][key] = draw(FIELD_VALUES[key])
    elif kind == "replace":
        path = draw(st.sampled_from(sorted(nodes, key=repr)))
        new = draw(TRICKY | JSON_VALUES | st.integers(-5, 5))
        if not path:
            return new
        nodes[path[:-1]][path[-1]] = new
    elif kind == "drop":
        mapping = nodes[draw(st.sampled_from(dicts))]
        if mapping:
            del mapping[draw(st.sampled_from(sorted(mapping)))]
    elif kind == "add":
        nodes[draw(st.sampled_from(dicts))][draw(KEYS)] = draw(TRICKY | JSON_VALUES)
    elif lists:
        items = nodes[draw(st.sampled_from(lists))]
        items.append(copy.deepcopy(draw(st.sampled_from(items))))
    return doc


@st.composite
def near_valid_maps(draw: st.DrawFn) -> Any:
    doc: Any = draw(valid_maps())
    for _ in range(draw(st.sampled_from([1, 2, 3, 0]))):
        if isinstance(doc, dict):
            doc = mutate(draw, doc)
    return doc


def numbered_positions(doc: Any) -> Positions:
    """A distinct line for every node, so a finding's position tells its path."""
    positions = Positions()
    for line, (path, _) in enumerate(all_paths(doc), start=1):
        positions.values[path] = Pos(line, 1)
        if path and isinstance(path[-1], str):
            positions.keys[path] = Pos(line, 2)
    return positions


def reported_at(path: Path, doc: Any, positions: Positions, findings: list[Finding]) -> bool:
    """A finding at the node of `path`, or at one of its entries (unknown key, repeated item)."""
    value = dict(all_paths(doc))[path]
    children: list[str | int] = list(value) if isinstance(value, (dict, list)) else []
    if isinstance(value, list):
        children = list(range(len(value)))
    wanted = {positions.of(path)}
    wanted |= {positions.key((*path, c)) for c in children}
    return any(f.pos in wanted for f in findings)


def _map(**changes: Any) -> dict[str, Any]:
    tp = {"id": "a", "title": "A", **changes.pop("tp", {})}
    return {"cjm": 1, "title": "T", "stages": [{"phase": "p", "touchpoints": [tp]}], **changes}


@settings(max_examples=400)
@given(near_valid_maps())
@example(_map(tp={"emotion": -3}))
@example(_map(tp={"emotion": 2.5}))
@example(_map(tp={"emotion": True, "moment_of_truth": 1}))
@example(_map(tp={"id": "Bad Id", "title": ""}))
@example(_map(tp={"id": "ok\n"}))
@example(_map(phases=[]))
@example(_map(phases=["a", "b", "a"]))
@example(_map(cjm=True))
@example(_map(cjm=1.0))
@example(_map(persona={"prosumer": 0}))
@example(_map(tp={"metrics": {"a": None, "x-b": []}}))
@example([{"cjm": 1}])
def test_agrees_with_jsonschema(doc: Any) -> None:
    positions = numbered_positions(doc)
    findings = check(doc, positions)
    errors = list(VALIDATOR.iter_errors(doc))
    assert bool(findings) == bool(errors), ([f.message for f in findings], [e.message for e in errors])
    for error in errors:
        path = tuple(error.absolute_path)
        assert reported_at(path, doc, positions, findings), (path, error.message)


@given(valid_maps())
def test_generated_valid_maps_are_valid(doc: dict[str, Any]) -> None:
    assert check(doc, Positions()) == []
    assert list(VALIDATOR.iter_errors(doc)) == []
