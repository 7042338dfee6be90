"""The typer app for every command but the hook's fast path."""

from __future__ import annotations


from typing import Annotated, Optional

import typer

from cjm import __version__
from cjm.cli.errors import EXIT_OK, EXIT_USAGE

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


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True,
                      "help_option_names": []},
    add_help_option=False,
)
def validate(ctx: typer.Context) -> int:
    """Check journey maps: structure, references and the engagement sequence."""
    from cjm.cli.validate import main as validate_main

    return validate_main(ctx.args)


@app.command()
def score(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Map files or folders.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    fail_under: Annotated[Optional[float], typer.Option(  # noqa: UP045 (typer on 3.10)
        "--fail-under", min=0, max=100, help="A map scoring below N fails.")] = None,
) -> int:
    """The engagement scorecard: per phase, the chain found, its score, what is missing."""
    from cjm.cli.score import run_score

    return run_score(paths, format, strict, fail_under)


@app.command()
def schema() -> int:
    """Print the JSON Schema of the map format (for editors and other tools)."""
    from cjm.schema import schema_text

    typer.echo(schema_text(), nl=False)
    return EXIT_OK


@app.command()
def rules(
    rule: Annotated[Optional[str], typer.Argument(help="One rule id, for its full text.")] = None,  # noqa: UP045
    markdown: Annotated[bool, typer.Option("--markdown", help="The docs/rules.md reference.")] = False,
) -> int:
    """List the rules, or explain one, with a failing and a passing example."""
    from cjm.cli.rules_cmd import run_rules

    return run_rules(rule, markdown)


def run_app(args: list[str]) -> int:
    """Run the typer app without letting click exit the process."""
    import click

    command = typer.main.get_command(app)
    try:
        result = command.main(args, prog_name="cjm", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.exceptions.Abort:
        raise KeyboardInterrupt from None
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    return int(result) if isinstance(result, int) else EXIT_OK



