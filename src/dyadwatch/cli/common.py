"""What the commands that read pages share: their inputs and options, and the one-line error
for a path that does not exist."""
from __future__ import annotations

import signal
from dataclasses import dataclass
from pathlib import Path

import typer

from ..pipeline import DEFAULT_MAX_BYTES

PATHS = typer.Argument(..., help="files, folders, .jsonl files, or - for standard input")
WORKERS = typer.Option(1, "--workers", help="local worker processes")
DASK = typer.Option(None, "--dask", help="address of a Dask scheduler (tcp://host:8786)")
MAX_BYTES = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="reject pages larger than this")
DB_HELP = "database URL (default: sqlite:///dyadwatch.db in the current folder)"
DB = typer.Option(None, "--db", help=DB_HELP, envvar="DYADWATCH_DB", show_envvar=True)


@dataclass
class Options:
    """The options of `dyadwatch` itself (before the command): -v, -q."""

    verbose: int = 0
    quiet: bool = False


OPTIONS = Options()


def info(msg: str) -> None:
    """A message for the user on stderr (not data), unless --quiet."""
    if not OPTIONS.quiet:
        typer.echo(msg, err=True)


def fail(cmd: str, msg: str, code: int = 1) -> typer.Exit:
    typer.echo(f"dyadwatch {cmd}: {msg}", err=True)
    return typer.Exit(code)


def require_extra(cmd: str, extra: str, what: str) -> None:
    """Stop the run (exit status 1) before anything is read when an optional dependency is missing."""
    from ..extras import MissingExtra, require

    try:
        require(extra, what)
    except MissingExtra as exc:
        raise fail(cmd, str(exc), 1) from None


def require_paths(cmd: str, paths: list[str]) -> None:
    """Stop the run (exit status 2) before anything is read when an input does not exist."""
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise fail(cmd, f"{p}: no such file or folder", 2)


class StopOnSignal:
    """SIGINT and SIGTERM ask the run to stop after the current document (a flag the loop
    reads); a second one stops it at once. `code` is the exit status to end with (130, 143)."""

    def __init__(self, cmd: str) -> None:
        self.cmd = cmd
        self.signum: int | None = None
        self._old: dict[int, object] = {}

    def __call__(self) -> bool:
        return self.signum is not None

    @property
    def code(self) -> int:
        return 128 + (self.signum or signal.SIGINT)

    def _handle(self, signum: int, frame: object) -> None:  # noqa: ARG002
        if self.signum is not None:  # the second one: stop now (the open transaction rolls back)
            raise KeyboardInterrupt
        self.signum = signum
        typer.echo(f"dyadwatch {self.cmd}: {signal.Signals(signum).name}: stopping after the current document "
                   "(again to stop at once)", err=True)

    def __enter__(self) -> "StopOnSignal":
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)  # type: ignore[arg-type]
