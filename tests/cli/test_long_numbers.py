"""Whole numbers of any length are findings at their position in every command, never exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.loader.scalars import MAX_DIGITS, LongNumber, resolve_plain
from tests.harness import cjm

MAP = ("cjm: 1\ntitle: T\nstages:\n  - phase: awareness\n    touchpoints:\n"
       "      - {{id: a, title: A, step: connect, {field}: {value}}}\n")
NUMBERS = {
    "hex emotion": ("emotion", "0x" + "f" * 5000),
    "decimal emotion": ("emotion", "9" * 5000),
    "octal metric": ("metrics", "{reach: 0o" + "7" * 5000 + "}"),
    "tagged metric": ("metrics", "{reach: !!int " + "1" * 6000 + "}"),
}


COMMANDS = [["validate"], ["score"], ["render", "-o", "out"], ["fmt"], ["fmt", "--check"]]


@pytest.mark.parametrize("case", NUMBERS)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_long_number_is_a_finding_in_every_command(tmp_path: Path, case: str, command: list[str]) -> None:
    field, value = NUMBERS[case]
    (tmp_path / "m.cjm.yaml").write_text(MAP.format(field=field, value=value), "utf-8")
    done = cjm(*command, "m.cjm.yaml", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    out = done.stdout + done.stderr
    where = "\n  6:" if command == ["score"] else "m.cjm.yaml:6:"  # the scorecard names the file once, above
    assert where in out and "digits; cjm reads whole numbers of up to 4,300 digits" in out


def test_the_finding_points_at_the_number_and_says_the_fix(tmp_path: Path) -> None:
    (tmp_path / "m.cjm.yaml").write_text(MAP.format(field="emotion", value="9" * 5000), "utf-8")
    done = cjm("validate", "m.cjm.yaml", cwd=tmp_path)
    assert "m.cjm.yaml:6:51: error [schema] this number has 5,000 digits" in done.stdout
    assert "put it in quotes to make it text" in done.stdout


def test_numbers_up_to_the_limit_are_numbers() -> None:
    assert resolve_plain("9" * MAX_DIGITS) == int("9" * MAX_DIGITS)
    assert isinstance(resolve_plain("9" * (MAX_DIGITS + 1)), LongNumber)
    assert isinstance(resolve_plain("-" + "9" * (MAX_DIGITS + 1)), LongNumber)
    assert resolve_plain("0x" + "f" * 3000) == int("f" * 3000, 16)
    assert isinstance(resolve_plain("0x" + "f" * 3600), LongNumber)
