"""The `dyadwatch` command. Each group of subcommands lives in its own module and
registers itself on the shared Typer app."""
from __future__ import annotations

import typer

app = typer.Typer(help="Defence-diplomacy events from news pages.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)

_MODULES = ("docs", "extract", "store_cmds", "serve", "kb_cmds")


def _register() -> None:
    import importlib

    for name in _MODULES:
        try:
            mod = importlib.import_module(f"dyadwatch.cli.{name}")
        except ModuleNotFoundError as exc:  # a module not written yet
            if exc.name == f"dyadwatch.cli.{name}":
                continue
            raise
        mod.register(app)


_register()


def main() -> None:
    app()

