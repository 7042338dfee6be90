"""The typer app for every command but the hook's fast path."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Optional

import typer

from cjm import __version__
from cjm.cli import fmt as fmt_command
from cjm.cli import render_command, score_command, validate_command
from cjm.cli.errors import EXIT_OK, UsageError
from cjm.cli.typer_options import typer_option

app = typer.Typer(
    name="cjm",
    help="Customer journey maps as code: validate, score the engagement sequence, render.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cjm {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Customer journey maps as code: validate, score the engagement sequence, render."""


app.command(name="validate", epilog=validate_command.EPILOG)(validate_command.validate)
app.command(name="score")(score_command.score)
app.command(name="render")(render_command.render)


@app.command()
def schema(
    path: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        help="With --write: the file to write (default: .cjm/journey-map.schema.json at the top of the "
             "repository).", show_default=False)] = None,
    write: Annotated[bool, typer.Option(
        "--write", help="Save the schema into the repository for editors, instead of printing it.")] = False,
) -> int:
    """Print the JSON Schema of the map format, or save it for editors (--write)."""
    from cjm.cli.editor import run_schema

    return run_schema(path, write)


@app.command()
def rules(
    rule: Annotated[Optional[str], typer.Argument(help="One rule id, for its full text.")] = None,  # noqa: UP045
    markdown: Annotated[bool, typer.Option("--markdown", help="The docs/rules.md reference.")] = False,
) -> int:
    """List the rules, or explain one, with a failing and a passing example."""
    from cjm.cli.rules import run_rules

    return run_rules(rule, markdown)


ORDER = ("init", "validate", "score", "fmt", "render", "preview", "diff", "export", "import", "rules",
         "schema")
"""The order of `cjm --help`: the first thing a new user does first."""


def _ordered(names: Iterable[str]) -> list[str]:
    return sorted(names, key=lambda name: (ORDER.index(name) if name in ORDER else len(ORDER), name))


def _click_message(exc: Exception) -> str:
    """click's `No such option: --fial-under (Possible options: --fail-under)` in cjm's words:
    `no such option: --fial-under (did you mean --fail-under?); see `cjm score --help``."""
    import re

    format_message = getattr(exc, "format_message", None)
    message = str(format_message() if format_message else exc)
    message = re.sub(r" \(Possible options: ([^,)]+)\)$", r" (did you mean \1?)", message)
    message = re.sub(r"\. Did you mean '([^']+)'\?$", r" (did you mean '\1'?)", message)
    message = message[:1].lower() + message[1:].rstrip(".")
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", None) or "cjm"
    return f"{message}; see `{path} --help`"


def run_app(args: list[str]) -> int:
    """Run the typer app without letting click exit the process."""
    from typer._click.exceptions import ClickException  # typer 0.26-0.28 bundle their own click

    command = typer.main.get_command(app)
    assert isinstance(command, typer.core.TyperGroup)
    command.commands = {name: command.commands[name] for name in _ordered(command.commands)}
    try:
        result = command.main(args, prog_name="cjm", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        raise KeyboardInterrupt from None
    except ClickException as exc:
        raise UsageError(_click_message(exc)) from None
    return int(result) if isinstance(result, int) else EXIT_OK


@app.command("diff")
def diff_command(
    paths: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        metavar="OLD NEW | PATH...", help="Two map files; with --base, map files or folders (default: .).",
        show_default=False)] = None,
    base: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--base", metavar="REF", help="Compare each map under PATH with its version at git revision REF.",
    )] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text, json or github.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings the change brings fail too.")] = False,
) -> int:
    """What changed between two versions of a map, and what got worse."""
    from cjm.cli.diff import run_diff

    return run_diff(paths or [], base, format, strict)


@app.command()
def init(
    path: Annotated[str, typer.Argument(help="The new map file.")] = "journey.cjm.yaml",
    title: Annotated[Optional[str], typer.Option("--title", help="The map's title.")] = None,  # noqa: UP045
    persona: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--persona", help="The persona's name.")] = None,
    phases: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--phases", help="Comma-separated phases, e.g. awareness,trial,referral.")] = None,
    from_sample: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--from", help="Start from a shipped sample map (name or 'list').")] = None,
) -> int:
    """Start a new map from a template (never overwrites a file)."""
    from cjm.cli.init import run_init

    return run_init(path, title, persona, phases, from_sample)


@app.command(help=fmt_command.HELP)
def fmt(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help=fmt_command.PATHS_HELP)],
    check: Annotated[bool, typer_option(fmt_command.OPTIONS, "check")] = False,
) -> int:
    return fmt_command.run_fmt(paths, check)


@app.command()
def preview(
    path: Annotated[str, typer.Argument(help="The map to preview.")],
    port: Annotated[int, typer.Option("--port", help="0 picks a free port.")] = 0,
    open_browser: Annotated[bool, typer.Option("--open/--no-open",
                                               help="Open the page in a browser.")] = False,
) -> int:
    """Serve the rendered map on localhost and reload it when the file changes."""
    from cjm.cli.preview import run_preview

    return run_preview(path, port, open_browser)


@app.command()
def export(
    path: Annotated[str, typer.Argument(metavar="MAP", help="The map file.")],
    to: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--to", help="mermaid or csv (default: from the suffix of -o).")] = None,
    out: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--out", "-o", help="The file to write (default: stdout).")] = None,
    markdown: Annotated[bool, typer.Option(
        "--markdown", help="Mermaid in a ```mermaid fence, ready for a README.")] = False,
) -> int:
    """The map as a Mermaid journey diagram or a CSV of its touchpoints."""
    from cjm.cli.export import run_export

    return run_export(path, to, out, markdown)


@app.command(name="import")
def import_(
    source: Annotated[str, typer.Argument(
        metavar="FILE", help="A CSV of touchpoints or a Mermaid journey; - for stdin.")],
    out: Annotated[str, typer.Option("--out", "-o", help="The new map file (never overwritten).")],
    title: Annotated[Optional[str], typer.Option("--title", help="The map's title.")] = None,  # noqa: UP045
    persona: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--persona", help="The persona's name.")] = None,
) -> int:
    """A new map from a CSV of touchpoints or a Mermaid journey diagram (never overwrites a file)."""
    from cjm.cli.import_ import run_import

    return run_import(source, out, title, persona)
