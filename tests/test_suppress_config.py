"""`# cjm: disable=` comments, and `[tool.cjm]` / `.cjm.toml` configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.check.config import Config, ConfigError, find_config, parse_config
from cjm.check.engine import check_file
from cjm.check.result import FileResult
from cjm.check.suppress import parse_suppressions
from cjm.diagnostic import Severity
from tests.helpers import dedent, run

TWO_DIPS = '''
    cjm: 1
    title: Acme
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {{id: a, title: A, step: connect, emotion: -1}}{first}
          - {{id: b, title: B, step: share, actor: customer, emotion: -2}}{second}
    '''


ABOUT_THE_WHOLE_MAP = ("no-narrative",)
"""Infos every map without an open role gets; these tests are about other rules (no-narrative
has its own tests)."""


def found(result: FileResult) -> list[tuple[str, int]]:
    return [(d.rule, d.line) for d in result.diagnostics if d.rule not in ABOUT_THE_WHOLE_MAP]


def two_dips(first: str = "", second: str = "", top: str = "") -> list[tuple[str, int]]:
    return found(run(top + dedent(TWO_DIPS.format(first=first, second=second))))


# --- suppressions -------------------------------------------------------------------------


def test_without_comments_both_dips_and_the_missing_steps_are_found() -> None:
    assert two_dips() == [("missing-step", 5),
                          ("unrecovered-dip", 7), ("unrecovered-dip", 8)]


def test_end_of_line_comment_silences_that_rule_on_that_line_only() -> None:
    assert two_dips(first="  # cjm: disable=unrecovered-dip") == [
        ("missing-step", 5), ("unrecovered-dip", 8)]


def test_end_of_line_comment_for_another_rule_silences_nothing() -> None:
    assert two_dips(first="  # cjm: disable=spectator-phase") == two_dips()


def test_several_rules_and_spacing() -> None:
    result = run('''
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trial    #cjm:disable = missing-step, spectator-phase
            touchpoints:
              - {id: a, title: A, step: connect, engagement: spectator}
        ''')
    assert found(result) == [("no-advocate-story", 7)]


def test_comment_on_its_own_line_at_the_top_silences_the_file() -> None:
    top = "# Acme journey\n# cjm: disable=unrecovered-dip\n\n"
    assert two_dips(top=top) == [("missing-step", 8)]
    assert two_dips(top="---\n# cjm: disable=unrecovered-dip\n") == [
        ("missing-step", 7)]


def test_comment_on_its_own_line_below_the_top_silences_nothing() -> None:
    text = dedent(TWO_DIPS.format(first="", second="")).replace(
        "stages:\n", "# cjm: disable=unrecovered-dip\nstages:\n")
    assert [rule for rule, _ in found(run(text))].count("unrecovered-dip") == 2


def test_comments_apply_to_yaml_lines_even_after_a_unicode_line_separator() -> None:
    top = '# cjm: disable=missing-step\nx-note: "pasted\u2028text"\n'
    assert two_dips(top=top) == [("unrecovered-dip", 9), ("unrecovered-dip", 10)]
    text = dedent(TWO_DIPS.format(first="  # cjm: disable=unrecovered-dip", second=""))
    assert found(run('x-note: "pasted\u2028text"\n' + text)) == [
        ("missing-step", 6), ("unrecovered-dip", 9)]


def test_all_silences_every_rule_that_can_be_silenced() -> None:
    assert two_dips(first="  # cjm: disable=all", second="  # cjm: disable=all") == [
        ("missing-step", 5)]
    assert two_dips(top="# cjm: disable=all\n") == []
    assert run("# cjm: disable=all\n" + dedent(TWO_DIPS.format(first="", second=""))).diagnostics == []


def test_structural_rules_cannot_be_silenced() -> None:
    result = run('''
        # cjm: disable=all, duplicate-id, unknown-phase, schema
        cjm: 1
        title: Acme
        phases: [trial]
        stages:
          - phase: trail  # cjm: disable=unknown-phase
            touchpoints:
              - {id: a, title: A, colour: red}  # cjm: disable=schema
              - {id: a, title: B}  # cjm: disable=duplicate-id,all
        ''')
    assert sorted(found(result)) == [("duplicate-id", 9), ("schema", 8), ("unknown-phase", 6)]


def test_parse_suppressions() -> None:
    lines = ["# header", "# cjm: disable=a, b", "", "key: 1  # cjm: disable=c", "# cjm: disable=d",
             "x: '# not cjm'"]
    found_ = parse_suppressions(lines)
    assert found_.file_rules == {"a", "b"}
    assert found_.line_rules == {4: {"c"}, 5: {"d"}}
    assert found_.silences("a", 99) and found_.silences("c", 4)
    assert not found_.silences("c", 5) and not found_.silences("d", 4)


# --- configuration ------------------------------------------------------------------------

SPECTATOR_MAP = '''
    cjm: 1
    title: Acme
    phases: [trial]
    stages:
      - phase: trial
        touchpoints:
          - {id: a, title: A, step: connect, engagement: spectator}
          - {id: b, title: B, step: inform}
          - {id: c, title: C, step: entertain}
          - {id: d, title: D, step: share, actor: customer, emotion: -1}
    '''


def write_map(folder: Path, text: str = SPECTATOR_MAP) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "acme.cjm.yaml"
    path.write_text(dedent(text), encoding="utf-8")
    return path


def severities(result: FileResult) -> dict[str, Severity]:
    return {d.rule: d.severity for d in result.diagnostics if d.rule not in ABOUT_THE_WHOLE_MAP}


def test_defaults_without_config(tmp_path: Path) -> None:
    result = check_file(write_map(tmp_path / "maps"))
    assert result.config == Config()
    assert severities(result) == {"spectator-phase": Severity.WARNING,
                                  "unrecovered-dip": Severity.WARNING}
    assert result.valid and not result.failed and result.judged(strict=True).failed


def test_cjm_toml_found_walking_up_stamps_severities(tmp_path: Path) -> None:
    (tmp_path / ".cjm.toml").write_text(
        '[rules]\nspectator-phase = "error"\nunrecovered-dip = "info"\nmissing-step = "off"\n')
    result = check_file(write_map(tmp_path / "a" / "b"))
    assert result.config.source == str(tmp_path / ".cjm.toml")
    assert severities(result) == {"spectator-phase": Severity.ERROR,
                                  "unrecovered-dip": Severity.INFO}
    assert not result.valid and result.failed


def test_off_drops_the_finding(tmp_path: Path) -> None:
    (tmp_path / ".cjm.toml").write_text(
        '[tool.cjm.rules]\nspectator-phase = "off"\nunrecovered-dip = "OFF"\n')
    result = check_file(write_map(tmp_path))
    assert found(result) == []
    assert not result.judged(strict=True).failed


def test_pyproject_tool_cjm(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.cjm.rules]\nunrecovered-dip = "warning"\n'
        'spectator-phase = "info"\n')
    result = check_file(write_map(tmp_path / "docs" / "journeys"))
    assert severities(result) == {"spectator-phase": Severity.INFO,
                                  "unrecovered-dip": Severity.WARNING}


def test_pyproject_without_tool_cjm_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".cjm.toml").write_text("fail_under = 10\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(tmp_path / "sub").fail_under == 10.0


def test_nearest_folder_wins_and_cjm_toml_beats_pyproject(tmp_path: Path) -> None:
    (tmp_path / ".cjm.toml").write_text("fail_under = 10\n")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.cjm]\nfail_under = 20\n")
    assert find_config(inner).fail_under == 20.0
    (inner / ".cjm.toml").write_text("[tool.cjm]\nfail_under = 30\n")
    find_config.cache_clear()  # configs are cached per folder for the life of the process
    assert find_config(inner).fail_under == 30.0


@pytest.mark.parametrize("toml", [
    "[tool.cjm]\nfail_under = 60\n",
    "[tool]\ncjm = { fail_under = 60 }\n",
    "[ tool . cjm ]\nfail_under = 60\n",
    '[tool."cjm"]\nfail_under = 60\n',
    'tool.cjm.fail_under = 60\n',
])
def test_every_toml_spelling_of_tool_cjm_is_read(tmp_path: Path, toml: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n{toml}'
                                             if toml.startswith("[") else toml)
    assert find_config(tmp_path).fail_under == 60.0


def test_fail_under_from_config_fails_the_map(tmp_path: Path) -> None:
    (tmp_path / ".cjm.toml").write_text("[tool.cjm]\nfail_under = 60\n")
    path = write_map(tmp_path, '''
        cjm: 1
        title: Acme
        phases: [trial, referral]
        stages:
          - phase: trial
            touchpoints:
              - {id: a, title: A, step: connect}
              - {id: b, title: B, step: share, actor: customer}
        ''')
    result = check_file(path)
    assert result.score is not None and result.score.score == 12.5  # 50 x 50 / 100, and an empty phase
    assert result.valid
    assert result.failed and result.why_failed == ["score 12.5 is below fail_under 60"]
    assert not result.judged(fail_under=10).failed  # the command line wins over config
    assert result.judged(fail_under=20).why_failed == ["score 12.5 is below --fail-under 20"]


def test_phases_from_config_when_the_map_has_none(tmp_path: Path) -> None:
    (tmp_path / ".cjm.toml").write_text('phases = ["discover", "buy"]\n')
    path = write_map(tmp_path, '''
        cjm: 1
        title: Acme
        stages:
          - phase: discover
            touchpoints:
              - {id: a, title: A, step: connect}
              - {id: b, title: B, step: inform}
              - {id: c, title: C, step: entertain}
              - {id: d, title: D, step: share, actor: customer}
        ''')
    result = check_file(path)
    assert result.journey is not None and result.journey.phases == ["discover", "buy"]
    assert [(d.rule, d.phase) for d in result.diagnostics if d.rule not in ABOUT_THE_WHOLE_MAP] == [
        ("empty-phase", "buy")]
    assert result.score is not None and result.score.score == 25.0  # (100 x 50 / 100 + 0) / 2


@pytest.mark.parametrize(("toml", "words"), [
    ('[tool.cjm.rules]\nno-such-rule = "error"\n', "unknown rule 'no-such-rule'"),
    ('[tool.cjm.rules]\nmissing-step = "fatal"\n', "unknown severity 'fatal'"),
    ('[tool.cjm.rules]\nduplicate-id = "warning"\n', "'duplicate-id' is a structural rule"),
    ('[tool.cjm.rules]\nyaml-syntax = "off"\n', "'yaml-syntax' is a structural rule"),
    ("[tool.cjm\nfail_under = 3\n", "cannot read config"),
    ("[tool.cjm]\nfail_under = 120\n", "fail_under must be a number from 0 to 100"),
    ('[tool.cjm]\nfail_under = "high"\n', "fail_under must be a number from 0 to 100"),
    ("[tool.cjm]\nphases = []\n", "phases must be a non-empty list"),
    ('[tool.cjm]\nphases = "trial"\n', "phases must be a non-empty list"),
    ("[tool.cjm]\nfail_undr = 3\n", "unknown key 'fail_undr'"),
    ('[tool.cjm]\nrules = "strict"\n', "must be a table"),
    ("[tool.cjm]\nfail_under = " + "1" * 5000 + "\n", "line 2, column 14: a number of 5,000 digits"),
    ("[tool.cjm]\nx = " + "[" * 2000 + "]" * 2000 + "\n", "line 2, column 105: the config nests deeper"),
    ("[tool.cjm]\nx = " + "{a=" * 2000 + "1" + "}" * 2000 + "\n", "the config nests deeper than 100 levels"),
    ("\ufeff[tool.cjm]\nfail_under = 3\n", "line 1, column 1: the file starts with a byte-order mark (BOM)"),
    ('[tool.cjm.rules]\nunrecoverd-dip = "off"\n',
     "unknown rule 'unrecoverd-dip' (did you mean 'unrecovered-dip'?)"),
    ("[tool.cjm]\nfail_undr = 3\n", "did you mean 'fail_under'?"),
    ('[tool.cjm.rules]\nstep-order = { severity = "off", max_words = 3 }\n',
     "rule 'step-order' has no option 'max_words'; it takes only `severity`"),
    ('[tool.cjm.rules]\nlong-message = { max_wrds = 3 }\n', "did you mean 'max_words'?"),
    ('[tool.cjm.rules]\nlong-message = { max_words = 2.5 }\n', "max_words must be a whole number"),
    ("[tool]\ncjm = 3\n", "must be a table"),
])
@pytest.mark.parametrize("name", [".cjm.toml", "pyproject.toml"])
def test_bad_config_raises_config_error_with_the_file_name(
        tmp_path: Path, name: str, toml: str, words: str) -> None:
    (tmp_path / name).write_text(toml)
    with pytest.raises(ConfigError) as caught:
        find_config(tmp_path)
    message = str(caught.value)
    assert message.startswith(str(tmp_path / name)), message
    assert words in message, message


@pytest.mark.parametrize("name", [".cjm.toml", "pyproject.toml"])
def test_a_config_that_is_not_utf8_names_the_byte(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"[tool.cjm]\nfail_under = 3\n# caf\xe9\n")
    with pytest.raises(ConfigError, match=r"line 3, column 6: byte 0xe9 is not UTF-8 text"):
        find_config(tmp_path)


def test_a_rule_table_sets_severity_and_options() -> None:
    config = parse_config({"rules": {"long-message": {"severity": "error", "max_words": 6},
                                     "open-role": {"severity": "info"}}}, "x.toml")
    assert config.rules == {"long-message": Severity.ERROR, "open-role": Severity.INFO}
    assert config.options == {"long-message": {"max_words": 6}}
    only_option = parse_config({"rules": {"long-message": {"max_words": 4}}}, "x.toml")
    assert only_option.rules == {} and only_option.options == {"long-message": {"max_words": 4}}


def test_a_config_error_is_exit_2_with_the_file_and_the_fix(tmp_path: Path) -> None:
    from tests.harness import cjm

    (tmp_path / ".cjm.toml").write_text('[rules]\nlong-message = { max_wrds = 3 }\n')
    (tmp_path / "m.cjm.yaml").write_text("cjm: 1\ntitle: T\nstages: []\n")
    done = cjm("validate", "m.cjm.yaml", cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (f"cjm: error: {tmp_path / '.cjm.toml'}: rule 'long-message' has no option "
                           "'max_wrds' (did you mean 'max_words'?); it takes: severity, max_words\n")


def test_parse_config_accepts_every_severity_word() -> None:
    config = parse_config({"rules": {"missing-step": "error", "step-order": "Warning",
                                     "empty-phase": " info ", "unrecovered-dip": "off"}}, "x.toml")
    assert config.rules == {"missing-step": Severity.ERROR, "step-order": Severity.WARNING,
                            "empty-phase": Severity.INFO, "unrecovered-dip": Severity.OFF}
    assert config.source == "x.toml"
