"""The `dyadwatch` command. Each group of subcommands lives in its own module and
registers itself on the shared Typer app.

Conventions: data on stdout, messages and errors on stderr; library modules log (the
`logging` module, configured here: warnings by default, `-v` info, `-vv` debug, `-q` errors
only) and this package prints. Exit status: 0 when the run completed (rejected and failed
documents included), 1 when it could not go on (a one-line message; the traceback only with
`--verbose`), 2 for a usage error or a missing input, 130 after Ctrl-C and 143 after SIGTERM."""
from __future__ import annotations

import logging
import sys

import typer

from .. import __version__
from .common import OPTIONS

ENV_HELP = """Environment: DYADWATCH_DB the database URL (default sqlite:///dyadwatch.db);
DYADWATCH_CACHE where built KB indices are cached (default ~/.cache/dyadwatch);
DYADWATCH_TOKEN the upload token of `serve --allow-upload`; NO_COLOR=1 plain output."""

app = typer.Typer(help="Defence-diplomacy events from news pages.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False, epilog=ENV_HELP)

_MODULES = ("docs", "extract", "store_cmds", "serve", "kb_cmds")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dyadwatch {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    verbose: int = typer.Option(0, "-v", "--verbose", count=True,
                                help="more messages on stderr (-vv: debug); tracebacks of errors"),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="errors only: no progress, no summary lines"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="print the version and exit"),
) -> None:
    OPTIONS.verbose, OPTIONS.quiet = verbose, quiet and not verbose
    setup_logging(verbose, OPTIONS.quiet)


def setup_logging(verbose: int, quiet: bool) -> None:
    """The `dyadwatch` loggers to stderr, one line per message."""
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logger = logging.getLogger("dyadwatch")
    for h in list(logger.handlers):
        if getattr(h, "dyadwatch_cli", False):
            logger.removeHandler(h)
    handler = logging.StreamHandler(sys.stderr)
    handler.dyadwatch_cli = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("dyadwatch: %(levelname)s: %(message)s" if verbose < 2 else
                                           "dyadwatch: %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


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


def main(argv: list[str] | None = None) -> None:
    """Run the command; an error that stops the run is one line on stderr (exit 1), with the
    traceback only under --verbose."""
    try:
        code = app(args=argv, standalone_mode=False)
    except typer.Abort as exc:  # Ctrl-C outside ingest's own handling (the parser wraps it)
        if OPTIONS.verbose and exc.__cause__ is not None:
            import traceback

            traceback.print_exception(exc.__cause__)
        sys.stderr.write("dyadwatch: interrupted\n")
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors: the parser's message, status 2
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        else:
            sys.stderr.write(f"dyadwatch: {exc}\n")
        sys.exit(getattr(exc, "exit_code", 2))
    except KeyboardInterrupt:
        sys.stderr.write("dyadwatch: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:  # `dyadwatch events --format jsonl | head`
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:  # noqa: BLE001 - the run cannot go on: say why in one line
        if OPTIONS.verbose:
            import traceback

            traceback.print_exc()
        msg = " ".join(str(exc).split()) or type(exc).__name__
        hint = "" if OPTIONS.verbose else " (--verbose shows the traceback)"
        sys.stderr.write(f"dyadwatch: error: {type(exc).__name__}: {msg[:300]}{hint}\n")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
