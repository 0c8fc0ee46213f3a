"""`dyadwatch extract`: the contract's records for the given inputs, merged across documents."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..model import dumps_record
from ..pipeline import DEFAULT_MAX_BYTES


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        paths: list[str] = typer.Argument(..., help="files, folders, .jsonl files, or - for standard input"),
        output: Path | None = typer.Option(None, "-o", "--output", help="write JSON Lines here (default: stdout)"),
        workers: int = typer.Option(1, "--workers", help="local worker processes"),
        dask: str | None = typer.Option(None, "--dask", help="address of a Dask scheduler (tcp://host:8786)"),
        max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="reject pages larger than this"),
    ) -> None:
        """Extract meeting events (JSON Lines, one record per real-world event)."""
        from ..pipeline import extract_paths

        for p in paths:
            if p != "-" and not Path(p).exists():
                typer.echo(f"dyadwatch extract: {p}: no such file or folder", err=True)
                raise typer.Exit(2)
        docs, events = extract_paths(paths, max_bytes=max_bytes, workers=workers, dask_address=dask)
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            for ev in events:
                out.write(dumps_record(ev.to_record()) + "\n")
        finally:
            if output:
                out.close()
        rejected = [d for d in docs if not d.ok]
        for d in rejected:
            typer.echo(f"rejected {d.doc_id}: {d.reason}", err=True)
        typer.echo(f"documents: {len(docs)} read, {len(rejected)} rejected; events: {len(events)}", err=True)
