"""cjm.records: the parts of @dataclass that cjm uses, without its start-up cost."""

from __future__ import annotations

import pickle

import pytest

from cjm.diagnostic import Diagnostic, Finding, Pos, Severity
from cjm.records import field, record, replace


@record
class Sample:
    name: str
    count: int = 0
    tags: list[str] = field(factory=list)


@record(hashable=True)
class Point:
    x: int
    y: int


@record
class Derived:
    items: list[int]
    total: int = 0

    def __post_init__(self) -> None:
        self.total = sum(self.items)


def test_arguments_by_position_or_name_with_defaults() -> None:
    assert Sample("a").count == 0 and Sample("a", 2).count == 2 and Sample(name="a", count=3).count == 3
    first, second = Sample("a"), Sample("b")
    first.tags.append("x")
    assert second.tags == [], "each record gets its own default list"


@pytest.mark.parametrize("call", [lambda: Sample(), lambda: Sample("a", 1, [], 4),  # type: ignore[call-arg]
                                  lambda: Sample("a", nme="b"),  # type: ignore[call-arg]
                                  lambda: Sample("a", name="b")])  # type: ignore[misc]
def test_wrong_arguments_are_type_errors(call: object) -> None:
    with pytest.raises(TypeError):
        call()  # type: ignore[operator]


def test_equality_hash_and_repr_come_from_the_fields() -> None:
    assert Sample("a", 1) == Sample("a", 1) and Sample("a", 1) != Sample("a", 2)
    assert Point(1, 2) == Point(1, 2) and len({Point(1, 2), Point(1, 2), Point(2, 1)}) == 2
    assert repr(Sample("a")) == "Sample(name='a', count=0, tags=[])"
    with pytest.raises(TypeError):
        hash(Sample("a"))  # like a dataclass that is not frozen


def test_replace_and_post_init() -> None:
    assert replace(Sample("a", 1), count=5) == Sample("a", 5)
    assert Derived([1, 2, 3]).total == 6


def test_diagnostics_are_values_that_pickle() -> None:
    finding = Finding("schema", "wrong", Pos(3, 4), hint="fix it")
    diagnostic = Diagnostic.from_finding(finding, Severity.ERROR)
    for value in (Pos(3, 4), finding, diagnostic):
        assert pickle.loads(pickle.dumps(value)) == value
    assert Pos(3, 4) == Pos(3, 4) and hash(Pos(3, 4)) == hash(Pos(3, 4)) and Pos(3, 4) != Pos(4, 3)
    assert repr(Pos(1, 2)) == "Pos(line=1, column=2)"
