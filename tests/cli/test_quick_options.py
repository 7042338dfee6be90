"""`cjm render`'s and `cjm fmt`'s options read two ways from one table (cjm.cli.render.OPTIONS,
cjm.cli.fmt.OPTIONS): the quick loop for a plain command line, the typer command for help,
completion and mistakes. (validate and score have theirs in test_validate_options and
test_score_cli.)"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm.cli import fmt as fmt_cli
from cjm.cli.options import Option, read_plain
from cjm.cli.render import OPTIONS, parse
from tests.cli.test_validate_options import joined
from tests.harness import cjm


@cache
def _command(name: str) -> Any:
    from typer.main import get_command

    from cjm.cli.app import app

    return get_command(app).commands[name]  # type: ignore[attr-defined]


def _render_command() -> Any:
    return _command("render")


PATH = st.sampled_from(["maps", "a.cjm.yaml", "dir/b.cjm.yml", "."])


@pytest.mark.parametrize(("name", "options"), [("render", OPTIONS), ("fmt", fmt_cli.OPTIONS)])
def test_both_readings_take_the_same_options(name: str, options: tuple[Option, ...]) -> None:
    command = _command(name)
    typer_flags = {flag for param in command.params for flag in (*param.opts, *param.secondary_opts)
                   if flag.startswith("-")}
    assert typer_flags == {flag for option in options for flag in option.flags}  # click adds --help itself
    helps = {param.opts[0]: param.help for param in command.params if getattr(param, "help", None)}
    assert all(helps[option.flags[0]] == option.help for option in options)


@given(st.lists(PATH.map(lambda p: [p]) | st.just(["--check"]), max_size=5))
def test_fmt_reads_what_click_reads(parts: list[list[str]]) -> None:
    argv = [word for part in parts for word in part]
    plain = read_plain(argv, fmt_cli.OPTIONS)
    assert plain is not None
    paths, values = plain
    if not paths:
        return  # fmt needs a path: the app says so
    params = _command("fmt").make_context("fmt", list(argv)).params
    assert (paths, bool(values.get("check"))) == (list(params["paths"]), params["check"])


@pytest.mark.parametrize(("args", "said"), [
    ([], "missing argument 'PATH...'"), (["--check"], "missing argument 'PATH...'"),
    (["--check=yes", "maps"], "option '--check' does not take a value"),
])
def test_a_fmt_mistake_is_worded_by_the_app(args: list[str], said: str) -> None:
    assert fmt_cli.main(args) is None
    done = cjm("fmt", *args)
    assert done.returncode == 2 and said in done.stderr, done.stderr


FOLDER = st.sampled_from(["out", "site/maps", "a b", "x=y"])
VALUE = {"--out": FOLDER, "-o": FOLDER, "--template-dir": FOLDER,
         "--dot": st.sampled_from(["dot", "/usr/bin/dot"]), "--to": st.sampled_from(["html", "svg"]),
         "--layout": st.sampled_from(["journey", "blueprint"]),
         "--poster": st.sampled_from(["A3", "A2", "A1"])}
OPTION = st.sampled_from(sorted(VALUE)).flatmap(
    lambda flag: st.tuples(st.just(flag), VALUE[flag], st.booleans()).map(joined))


@given(st.lists(PATH.map(lambda p: [p]), min_size=1, max_size=3), st.lists(OPTION, max_size=6),
       st.lists(PATH, max_size=2), st.sampled_from([None, "", "/opt/dot"]))
def test_the_quick_reading_is_the_app_s(paths: list[list[str]], options: list[list[str]], after: list[str],
                                        variable: str | None) -> None:
    """On every plain command line (paths after `--`, CJM_DOT set, empty or not), the loop reads
    what click reads."""
    argv = [word for part in [*options, *paths] for word in part] + (["--", *after] if after else [])
    with pytest.MonkeyPatch.context() as patch:
        if variable is None:
            patch.delenv("CJM_DOT", raising=False)
        else:
            patch.setenv("CJM_DOT", variable)
        quick = parse(argv)
        params = _render_command().make_context("render", list(argv)).params
    if quick is None:  # the one plain form the loop leaves to the app: `-ox=y` (argparse and click differ)
        assert any(word.startswith("-o") and "=" in word for word in argv), argv
        return
    assert (quick.paths, quick.out, quick.to, quick.template_dir, quick.dot, quick.layout, quick.poster) == (
        list(params["paths"]), params["out"], params["to"], params["template_dir"], params["dot"],
        params["layout"], params["poster"])


@pytest.mark.parametrize(("args", "said"), [
    ([], "missing argument 'PATH...'"),
    (["--to"], "option '--to' requires an argument"),
    (["maps", "--nope"], "no such option: --nope"),
    (["maps", "--to", "pdf"], "--to must be html or svg (default: both), not 'pdf'"),
    (["maps", "--layout", "grid"], "--layout must be journey or blueprint, not 'grid'"),
])
def test_a_mistake_is_worded_as_before(args: list[str], said: str) -> None:
    assert parse(args) is None
    done = cjm("render", *args)
    assert done.returncode == 2 and said in done.stderr, done.stderr


def test_a_plain_render_runs_without_typer_or_rich(tmp_path: Any) -> None:
    import subprocess
    import sys

    from tests.harness import REPO, environment

    code = ("import sys; from cjm.cli.entry import main; code = main(['render', 'sample_maps/"
            f"retail-store-visit.cjm.yaml', '-o', {str(tmp_path)!r}]); "
            "print(code, sorted(m for m in ('typer', 'click', 'rich') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=environment(), capture_output=True,
                          text=True, check=False)
    assert done.stdout.split("\n")[0] == "0 []", done.stderr
