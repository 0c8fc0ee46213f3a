"""`dyadwatch extract`: the contract's records for the given inputs, merged across documents."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..model import dumps_record
from .common import DASK, MAX_BYTES, PATHS, WORKERS, info, require_extra, require_paths


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        paths: list[str] = PATHS,
        output: Path | None = typer.Option(None, "-o", "--output", help="write JSON Lines here (default: stdout)"),
        workers: int = WORKERS,
        dask: str | None = DASK,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        """Extract meeting events (JSON Lines, one record per real-world event).

        Rejected and failed documents are listed on stderr with their reasons; the run goes on."""
        from ..pipeline import extract_paths

        require_paths("extract", paths)
        if dask:
            require_extra("extract", "dask", "--dask")
        docs, events = extract_paths(paths, max_bytes=max_bytes, workers=workers, dask_address=dask)
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            for ev in events:
                out.write(dumps_record(ev.to_record()) + "\n")
        finally:
            if output:
                out.close()
        rejected = [d for d in docs if d.status == "rejected"]
        failed = [d for d in docs if d.status == "failed"]
        for d in rejected + failed:
            info(f"{d.status} {d.doc_id}: {d.reason}")
        info(f"documents: {len(docs)} read, {len(rejected)} rejected, {len(failed)} failed; events: {len(events)}")
