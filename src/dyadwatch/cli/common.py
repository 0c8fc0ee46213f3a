"""What the commands that read pages share: their inputs and options, and the one-line error
for a path that does not exist."""
from __future__ import annotations

from pathlib import Path

import typer

from ..pipeline import DEFAULT_MAX_BYTES

PATHS = typer.Argument(..., help="files, folders, .jsonl files, or - for standard input")
WORKERS = typer.Option(1, "--workers", help="local worker processes")
DASK = typer.Option(None, "--dask", help="address of a Dask scheduler (tcp://host:8786)")
MAX_BYTES = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="reject pages larger than this")


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
