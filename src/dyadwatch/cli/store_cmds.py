"""`dyadwatch ingest | events | documents | export | stats`: the store on the command line."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .common import DASK, DB, MAX_BYTES, OPTIONS, PATHS, WORKERS, StopOnSignal, info, require_extra, require_paths
from .common import fail as _fail


def _open(cmd: str, db: str | None):
    """The Store, or a one-line error when the database cannot be opened."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    from ..store import Store

    try:
        return Store(db)
    except (DBAPIError, ArgumentError, NoSuchModuleError) as exc:
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise _fail(cmd, f"cannot open database {db or ''}: {first}".replace("  ", " ")) from None


def _console():
    import shutil

    from rich.console import Console

    # piped or captured output (make run in a log, CI) gets a readable width, not 80 columns
    width = None if sys.stdout.isatty() else max(shutil.get_terminal_size((160, 24)).columns, 160)
    return Console(soft_wrap=False, width=width)


def _participants_cell(rec: dict) -> str:
    return "\n".join(f"{p['name']} ({p['country']})" if p.get("country") else p["name"]
                     for p in rec.get("participants") or [])


def _place_cell(rec: dict) -> str:
    loc = rec.get("location")
    if not loc:
        return ""
    return f"{loc['name']}, {loc['country']}" if loc.get("country") else loc["name"]


def register(app: typer.Typer) -> None:  # noqa: C901 - one function per command, registered together

    @app.command()
    def ingest(
        paths: list[str] = PATHS,
        db: str | None = DB,
        workers: int = WORKERS,
        dask: str | None = DASK,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        """Store new documents and their events (safe to re-run or kill).

        Pages already stored are skipped; failed ones are tried again. Ctrl-C or SIGTERM: stop
        after the current document's transaction (exit 130 / 143); a rerun continues."""
        require_paths("ingest", paths)
        if dask:
            require_extra("ingest", "dask", "--dask")
        store = _open("ingest", db)
        try:
            with StopOnSignal("ingest") as stop:
                summary = store.ingest(paths, progress=not OPTIONS.quiet, workers=workers, dask_address=dask,
                                       max_bytes=max_bytes, stop=stop)
        except FileNotFoundError as exc:
            raise _fail("ingest", str(exc), 2) from None
        finally:
            store.close()
        if not OPTIONS.quiet:
            typer.echo(str(summary))
        if summary.failed:
            info(f"dyadwatch ingest: {summary.failed} document(s) failed: dyadwatch documents --status failed")
        if summary.interrupted:
            info("dyadwatch ingest: interrupted; what is listed above is stored: run it again to continue")
            raise typer.Exit(stop.code)

    @app.command()
    def events(
        db: str | None = DB,
        country: str | None = typer.Option(None, "--country", help="events with this side (alpha-3: RUS)"),
        pair: str | None = typer.Option(None, "--pair", help="events with both sides, e.g. RUS,CHN"),
        person: str | None = typer.Option(None, "--person", help="a participant: part of a name, or a KB id"),
        since: str | None = typer.Option(None, "--since", help="on or after YYYY[-MM[-DD]]"),
        until: str | None = typer.Option(None, "--until", help="on or before YYYY[-MM[-DD]]"),
        kind: str | None = typer.Option(None, "--kind", help="meeting, exercise, port_call"),
        mode: str | None = typer.Option(None, "--mode", help="in_person, video, phone (none: not stated)"),
        q: str | None = typer.Option(None, "--q", help="words anywhere: names, places, settings, titles"),
        fmt: str = typer.Option("table", "--format", help="table, jsonl or csv"),
        limit: int | None = typer.Option(None, "--limit", help="at most this many (table: 200 unless given)"),
    ) -> None:
        """List stored events (jsonl: the contract's records, as `dyadwatch extract` writes them)."""
        if fmt not in ("table", "jsonl", "csv"):
            raise _fail("events", f"unknown format {fmt!r}: table, jsonl or csv", 2)
        pair_t = None
        if pair:
            pair_t = tuple(c.strip().upper() for c in pair.split(",") if c.strip())
            if len(pair_t) != 2:
                raise _fail("events", f"--pair wants two codes like RUS,CHN, not {pair!r}", 2)
        from ..store.records import date_bounds

        for name, value in (("--since", since), ("--until", until)):
            try:
                if value:
                    date_bounds(value.strip())
            except (ValueError, TypeError):
                raise _fail("events", f"{name} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", 2) from None
        filters = dict(country=country, pair=pair_t, person=person, since=since, until=until, kind=kind,
                       mode=mode, q=q)
        store = _open("events", db)
        try:
            if fmt == "table":
                recs, total = store.query_events(limit=limit if limit is not None else 200, **filters)
                _events_table(recs, total)
                return
            if limit is not None:
                recs, _ = store.query_events(limit=limit, **filters)
            else:
                recs = store.iter_events(**filters)
            from ..store.export import write_csv, write_jsonl

            (write_jsonl if fmt == "jsonl" else write_csv)(recs, sys.stdout)
        finally:
            store.close()

    def _events_table(recs: list[dict], total: int) -> None:
        from rich.table import Table

        table = Table(title=f"{total} event{'s' if total != 1 else ''}", show_lines=False)
        for col in ("date", "kind", "mode", "countries", "participants", "place", "docs", "id"):
            table.add_column(col, overflow="fold", no_wrap=col in ("date", "id"))
        for r in recs:
            table.add_row(r["date"] or "undated", r["kind"] + (" (ref.)" if r.get("referenced") else ""), r.get("mode") or "",
                          "–".join(r["countries"]), _participants_cell(r), _place_cell(r), str(len(r["sources"])),
                          r["id"])
        con = _console()
        con.print(table)
        if len(recs) < total:
            con.print(f"{len(recs)} of {total} shown: use --limit N, or --format jsonl for all")

    @app.command()
    def documents(
        db: str | None = DB,
        status: str | None = typer.Option(None, "--status", help="ok, rejected or failed"),
        fmt: str = typer.Option("table", "--format", help="table or jsonl"),
        limit: int | None = typer.Option(None, "--limit", help="at most this many"),
    ) -> None:
        """List stored documents with their status (and why, for rejected and failed ones).

        A failed one names the stage and the exception; the next ingest of it tries it again."""
        if fmt not in ("table", "jsonl"):
            raise _fail("documents", f"unknown format {fmt!r}: table or jsonl", 2)
        if status not in (None, "ok", "rejected", "failed"):
            raise _fail("documents", f"unknown status {status!r}: ok, rejected or failed", 2)
        store = _open("documents", db)
        try:
            docs, total = store.list_documents(status=status, limit=limit)
        finally:
            store.close()
        if fmt == "jsonl":
            for d in docs:
                sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
            return
        from rich.table import Table

        table = Table(title=f"{total} document{'s' if total != 1 else ''}"
                            + (f" ({status})" if status else ""))
        for col in ("doc_id", "status", "lang", "published", "events", "title / reason"):
            table.add_column(col, overflow="fold")
        for d in docs:
            table.add_row(d["doc_id"], d["status"], d["lang"], d["published"] or "", str(d["events"]),
                          (d["title"] or "") if d["status"] == "ok" else (d["reason"] or ""),
                          style={"ok": None, "rejected": "yellow"}.get(d["status"], "red"))
        _console().print(table)

    @app.command()
    def export(
        output: str = typer.Option(..., "-o", "--output", help="the file to write (- for stdout, not parquet)"),
        fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv, parquet or plover (POLECAT-style JSON Lines)"),
        db: str | None = DB,
    ) -> None:
        """Write every stored event to a file."""
        from ..store.export import FORMATS
        from ..store.export import export as do_export

        if fmt not in FORMATS:
            raise _fail("export", f"unknown format {fmt!r}: {', '.join(FORMATS)}", 2)
        if fmt == "parquet" and output == "-":
            raise _fail("export", "parquet needs a file: -o FILE.parquet", 2)
        if fmt == "parquet":
            require_extra("export", "parquet", "export --format parquet")
        store = _open("export", db)
        try:
            n = do_export(store.iter_events(), fmt, output)
        finally:
            store.close()
        if output != "-":
            info(f"{n} events written to {output} ({fmt})")

    @app.command()
    def stats(
        db: str | None = DB,
        kind: str = typer.Option("meeting", "--kind", help="which events to count (all: every kind)"),
        plot: Path | None = typer.Option(None, "--plot", help="also draw a chart: FILE.html (plotly, offline) or FILE.png"),
    ) -> None:
        """Meetings per pair, per year and per mode (tables, and a chart with --plot)."""
        from rich.table import Table

        from ..store.plot import PlotError, write_plot

        if plot is not None and plot.suffix.lower() not in (".html", ".htm", ".png"):
            raise _fail("stats", f"--plot {plot}: use a .html (or .png) file", 2)
        if plot is not None and plot.suffix.lower() == ".png":
            require_extra("stats", "plot", "stats --plot FILE.png (an HTML chart, --plot FILE.html, does not)")
        store = _open("stats", db)
        try:
            st = store.stats(kind=None if kind == "all" else kind)
        finally:
            store.close()
        what = "Events" if kind == "all" else ("Meetings" if kind == "meeting" else f"Events ({kind})")
        con = _console()
        con.print(f"{st['selected']} {what.lower()} · {st['events']} events · {st['documents']} documents "
                  f"({st['rejected']} rejected, {st['failed']} failed)")
        t = Table(title=f"{what} per pair", min_width=30)
        t.add_column("pair")
        t.add_column("count", justify="right")
        years = [y["year"] for y in st["years"]]
        for y in years:
            t.add_column(str(y), justify="right")
        by_pair_year = {(r["pair"], r["year"]): r["count"] for r in st["pair_years"]}
        for p in st["pairs"]:
            t.add_row(p["pair"], str(p["count"]), *[str(by_pair_year.get((p["pair"], y), "")) for y in years])
        con.print(t)
        t = Table(title=f"{what} per year", min_width=30)
        t.add_column("year")
        t.add_column("count", justify="right")
        for y in st["years"]:
            t.add_row(str(y["year"]), str(y["count"]))
        con.print(t)
        t = Table(title=f"{what} per mode", min_width=30)
        t.add_column("mode")
        t.add_column("count", justify="right")
        for m in st["modes"]:
            t.add_row(m["mode"] or "not stated", str(m["count"]))
        con.print(t)
        if plot is not None:
            try:
                write_plot(st, plot)
            except PlotError as exc:
                raise _fail("stats", str(exc), 1) from None
            info(f"chart written to {plot}")

