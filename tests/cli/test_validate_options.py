"""validate's quick reading of its arguments (cjm.cli.options) agrees with argparse's, on every plain
command line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm.cli.errors import UsageError
from cjm.cli.validate import FORMATS, OPTIONS, _quick, build_parser, parse


def _argparse(argv: list[str]) -> tuple[object, ...]:
    ns, extra = build_parser().parse_known_intermixed_args(argv)
    assert not extra
    return (ns.paths or ["."], ns.format, ns.strict, ns.fail_under, ns.quiet, int(ns.max_annotations))


def _values(option_flags: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    option = next(o for o in OPTIONS if o.flags == option_flags)
    if option.flag:
        return st.sampled_from(option.flags).map(lambda flag: [flag])
    value = (st.sampled_from(FORMATS) if option.choices
             else st.integers(0, 100).map(str) if option.score else st.integers(1, 50).map(str))
    return st.tuples(st.sampled_from(option.flags), value, st.booleans()).map(joined)


def joined(given: tuple[str, str, bool]) -> list[str]:
    """A flag and its value as two arguments, or as one: `--format=json`, `-fjson`."""
    flag, value, together = given
    return [f"{flag}={value}" if flag.startswith("--") else flag + value] if together else [flag, value]


PATH = st.sampled_from(["maps", "a.cjm.yaml", "dir/b.cjm.yml", ".", "-"])
ARGUMENT = st.one_of(PATH.map(lambda p: [p]), *(_values(o.flags) for o in OPTIONS))


@given(st.lists(ARGUMENT, max_size=8))
def test_the_quick_reading_is_argparse_s(parts: list[list[str]]) -> None:
    argv = [word for part in parts for word in part]
    quick = _quick(argv)
    assert quick is not None, argv
    assert (quick.paths, quick.format, quick.strict, quick.fail_under, quick.quiet,
            quick.max_annotations) == _argparse(argv)


@pytest.mark.parametrize("argv", [["--format", "yaml"], ["--fail-under", "101"], ["--strict=yes"],
                                  ["--max-annotations", "0"], ["--frmat", "json"], ["-f=json"],
                                  ["--fail-under"], ["--version"], ["-x"], ["--format", "--strict"]])
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    assert _quick(argv) is None


def test_argparse_explains_what_the_quick_reading_refuses() -> None:
    with pytest.raises(UsageError, match="'yaml' is not one of text, json, github, sarif"):
        parse(["--format", "yaml"])
    assert parse(["-fjson", "a.cjm.yaml"]).format == "json"
    assert parse(["a.cjm.yaml", "--strict", "b.cjm.yaml"]).paths == ["a.cjm.yaml", "b.cjm.yaml"]
