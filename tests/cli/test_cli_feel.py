"""One CLI feel: validate's help like the others', completion everywhere, "did you mean" for every
name a user types (options, commands, rules, samples), the current folder by default, near-miss
file names named."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.cli.validate import OPTIONS, build_parser
from tests.harness import REPO, cjm, cjm_process

SAMPLE = REPO / "sample_maps" / "b2b-saas-trial.cjm.yaml"


def test_validate_help_looks_like_every_other_commands_help() -> None:
    validate = cjm("validate", "--help", env={"CJM_WIDTH": "80"})
    score = cjm("score", "--help", env={"CJM_WIDTH": "80"})
    assert validate.returncode == 0 and score.returncode == 0
    for out in (validate.stdout, score.stdout):
        assert "╭─ Options" in out and "Usage: cjm " in out
    assert "Exit codes: 0 nothing failed" in validate.stdout
    for option in OPTIONS:
        assert all(flag in validate.stdout for flag in option.flags)


def test_both_parsers_of_validate_take_the_same_options() -> None:
    """The argparse parser (running) and the typer command (help, completion) come from OPTIONS."""
    from typer.main import get_command

    from cjm.cli.app import app

    command = get_command(app).commands["validate"]  # type: ignore[attr-defined]
    typer_flags = {flag for param in command.params for flag in (*param.opts, *param.secondary_opts)
                   if flag.startswith("-")} | {"-h", "--help"}  # click adds its help option itself
    argparse_flags = {flag for action in build_parser()._actions for flag in action.option_strings}
    assert typer_flags == argparse_flags
    helps = {param.opts[0]: param.help for param in command.params if getattr(param, "help", None)}
    assert all(helps[option.flags[0]] == option.help for option in OPTIONS)


def test_init_comes_first_in_the_list_of_commands() -> None:
    out = cjm("--help", env={"CJM_WIDTH": "80"}).stdout
    commands = out[out.index("Commands"):]
    names = [line.split()[1] for line in commands.splitlines()[1:] if line.startswith("│ ") and
             line.split()[1].isalpha()]
    assert names[:3] == ["init", "validate", "score"]


@pytest.mark.parametrize(("words", "expected"), [
    ("cjm validate --st", {"--strict"}),
    ("cjm validate --format ", {"text", "json", "github", "sarif"}),
    ("cjm sc", {"score", "schema"}),
    ("cjm score --fa", {"--fail-under"}),
])
def test_shell_completion_works_for_every_command(words: str, expected: set[str]) -> None:
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    done = cjm(env={"_CJM_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)})
    assert set(done.stdout.split()) == expected


def test_completion_through_the_real_command() -> None:
    done = cjm_process(env={"_CJM_COMPLETE": "complete_bash", "COMP_WORDS": "cjm validate --fail",
                            "COMP_CWORD": "2"})
    assert done.stdout.split() == ["--fail-under"]


@pytest.mark.parametrize(("args", "said"), [
    (["validate", "--stirct"], "no such option: --stirct (did you mean '--strict'?)"),
    (["validate", "-f", "jsn"], "'jsn' is not one of text, json, github, sarif (did you mean 'json'?)"),
    (["validate", "--fail-under", "200"], "200 is not a score from 0 to 100"),
    (["score", "--fial-under", "3"], "no such option: --fial-under (did you mean --fail-under?)"),
    (["valdate"], "no such command 'valdate' (did you mean 'validate'?)"),
    (["rules", "missing-steps"], "unknown rule 'missing-steps' (did you mean 'missing-step'?)"),
    (["init", "--from", "retail", "x.cjm.yaml"], "no sample map called 'retail' "
     "(did you mean 'retail-store-visit'?)"),
])
def test_a_mistyped_name_gets_a_did_you_mean(tmp_path: Path, args: list[str], said: str) -> None:
    done = cjm(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert said in done.stderr and done.stderr.startswith("cjm: error: ")
    assert "--help" in done.stderr or "cjm rules" in done.stderr or "cjm init --from list" in done.stderr


def test_validate_and_score_with_no_path_check_the_current_folder(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "trial.cjm.yaml").write_bytes(SAMPLE.read_bytes())
    validate = cjm("validate", cwd=tmp_path)
    assert validate.returncode == 0 and "1 map checked" in validate.stdout
    assert cjm("score", cwd=tmp_path).returncode == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = cjm("validate", cwd=empty)
    assert nothing.returncode == 2 and "no *.cjm.yaml or *.cjm.yml maps in this folder" in nothing.stderr


def test_a_folder_without_maps_names_the_near_misses(tmp_path: Path) -> None:
    (tmp_path / "gym.yaml").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "Gym.CJM.yaml").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "mkdocs.yml").write_text("site_name: docs\n", "utf-8")  # YAML, but not a map
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", "utf-8")
    done = cjm("validate", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert ("Gym.CJM.yaml, gym.yaml look like maps but cjm reads only files whose names end in exactly "
            ".cjm.yaml or .cjm.yml: rename them") in done.stderr
    assert "mkdocs" not in done.stderr and "pre-commit" not in done.stderr
