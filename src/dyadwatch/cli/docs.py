"""`dyadwatch docs`: read and clean pages, one JSON object per input document."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..model import dumps_record
from ..pipeline import DEFAULT_MAX_BYTES
from .common import info


def register(app: typer.Typer) -> None:
    @app.command()
    def docs(
        paths: list[str] = typer.Argument(..., help="files, folders, .jsonl files, or - for standard input"),
        output: Path | None = typer.Option(None, "-o", "--output", help="write JSON Lines here (default: stdout)"),
        max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1,
                                      help="reject pages larger than this (they are not read)"),
    ) -> None:
        """Cleaned documents as JSON Lines: doc_id, path, status, reason, lang, published,
        title, source, url, content_hash, text. Rejected inputs are listed too, with a reason."""
        from ..clean import prepare
        from ..ingest import read_paths

        try:
            raws = read_paths(paths, max_bytes=max_bytes)
        except FileNotFoundError as exc:
            typer.echo(f"dyadwatch docs: {exc.filename}: no such file or folder", err=True)
            raise typer.Exit(2) from None
        try:
            out = open(output, "w", encoding="utf-8") if output else sys.stdout
        except OSError as exc:
            typer.echo(f"dyadwatch docs: cannot write {output}: {exc.strerror or exc}", err=True)
            raise typer.Exit(2) from None
        total = rejected = failed = 0
        try:
            for raw in raws:
                doc = prepare(raw)  # never raises: a page it fails on comes back failed
                total += 1
                rejected += doc.status == "rejected"
                failed += doc.status == "failed"
                out.write(dumps_record(doc.to_json()) + "\n")
        finally:
            if output:
                out.close()
            else:
                out.flush()
        info(f"documents: {total} read, {rejected} rejected, {failed} failed")
