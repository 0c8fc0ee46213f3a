"""The Store: documents and merged events in a SQL database (API in docs/store-api.md).

Ingest = the pipeline of `extract`, one document at a time, with the merge index kept in the
database: each new event is compared (`merge.compatible`) with the stored events of its merge
buckets, tried in the order `merge.EventIndex` would try them, and folded in with `merge.absorb`,
or stored under the id `EventIndex` would give it. Documents are processed in input order, so a
folder ingested in one run, in several runs, or after a kill gives the records `extract` gives.

Each document is written in one transaction with its events: a document row exists only with
its events, and a killed run leaves only whole documents behind; the next run skips them
(content hash) and continues."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..faults import failure, inject
from ..model import Document, Event
from ..pipeline import DEFAULT_MAX_BYTES
from ..timing import stage
from . import db
from .models import DocumentRow, EntityRow, EventCountryRow, EventRow, ParticipantRow, SourceRow
from .records import (
    date_bounds,
    document_dict,
    document_row,
    event_from_rows,
    fill_event_row,
    fold,
    participant_row,
    source_row,
)

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    already_stored: int = 0
    rejected: int = 0
    failed: int = 0
    retried: int = 0  # documents that had failed in an earlier run and are stored now
    events_new: int = 0
    events_updated: int = 0
    updated_ids: set[str] = field(default_factory=set, repr=False)
    new_ids: set[str] = field(default_factory=set, repr=False)
    interrupted: bool = False  # stopped by a signal after a whole document

    def __str__(self) -> str:
        retried = f" ({self.retried} retried)" if self.retried else ""
        return (f"documents: {self.read} read, {self.new} new{retried}, {self.already_stored} already stored, "
                f"{self.rejected} rejected, {self.failed} failed; "
                f"events: {self.events_new} new, {self.events_updated} updated")

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("read", "new", "already_stored", "rejected", "failed", "retried",
                                              "events_new", "events_updated")}


@dataclass
class _Outcome:
    status: str  # "new" | "rejected" | "failed" | "exists"
    new_ids: list[str] = field(default_factory=list)
    updated_ids: list[str] = field(default_factory=list)
    retried: bool = False  # a failed record of this document was replaced


def _base_key(doc: Document) -> str:
    if doc.content_hash:
        return doc.content_hash
    h = hashlib.sha256()
    parts = (doc.doc_id, doc.path or "") if doc.status == "failed" else \
        (doc.doc_id, doc.status, doc.reason or "", doc.text or "")
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return "nohash:" + h.hexdigest()


def document_key(doc: Document) -> str:
    """What identifies a stored document: the sha256 of its raw bytes. A rejected page is keyed by
    its bytes and its name (two different empty or broken files are both listed), and a page
    without a hash by its name and cleaned text. A failed document is keyed apart ("failed:" and
    its bytes), so the next run does not take it for stored and tries it again."""
    base = _base_key(doc)
    if doc.status == "failed":
        return "failed:" + base
    if doc.status != "ok":
        return "rejected:" + hashlib.sha256(f"{base}\0{doc.doc_id}".encode("utf-8", "surrogatepass")).hexdigest()
    return base


def _clean_str(s: str) -> str:
    """Text both databases accept, with every character offset kept: NUL (refused by PostgreSQL)
    and lone surrogates (not UTF-8) become one replacement character each."""
    if "\x00" in s:
        s = s.replace("\x00", "\ufffd")
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = "".join(c if not 0xD800 <= ord(c) <= 0xDFFF else "\ufffd" for c in s)
    return s


def _sanitize(obj: Any) -> Any:
    if isinstance(obj, str):
        return _clean_str(obj)
    if isinstance(obj, list):
        return [_sanitize(x) for x in obj]
    if isinstance(obj, dict):
        return {(_clean_str(k) if isinstance(k, str) else k): _sanitize(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            setattr(obj, f.name, _sanitize(getattr(obj, f.name)))
        return obj
    return obj


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def _date_arg(value: str | None, end: bool) -> str | None:
    if not value:
        return None
    start, stop, _, _ = date_bounds(str(value).strip())
    return stop if end else start


class Store:
    """Documents and events in a database; see docs/store-api.md."""

    def __init__(self, url: str | None = None, *, echo: bool = False, migrate: bool = True) -> None:
        self.url = db.resolve_url(url)
        self.engine = db.make_engine(self.url, echo=echo)
        if migrate:
            db.upgrade(self.engine)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(db.writer(self.engine), expire_on_commit=False)

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with self._read() as s:
            try:
                yield s
            finally:
                s.rollback()

    # ------------------------------------------------------------------ writing
    def has_document(self, doc: Document) -> bool:
        key = document_key(doc)
        with stage("store"), self._reading() as s:
            return s.scalar(sa.select(DocumentRow.pk).where(DocumentRow.content_hash == key)) is not None

    def add_document(self, doc: Document, events: list[Event]) -> tuple[int, int]:
        """Store one document and merge its events, in one transaction: (events_new, events_updated).
        A document already stored (same content hash) changes nothing: (0, 0)."""
        out = self._add(doc, events)
        return len(out.new_ids), len(out.updated_ids)

    def _add(self, doc: Document, events: list[Event]) -> _Outcome:
        with stage("store"):
            return self._add_with_retry(doc, events)

    def _add_with_retry(self, doc: Document, events: list[Event]) -> _Outcome:
        for attempt in (1, 2):
            d, evs = _sanitize(copy.deepcopy(doc)), _sanitize(copy.deepcopy(list(events)))
            try:
                with self._write() as s, s.begin():
                    db.lock_for_write(s.connection())
                    return self._store_document(s, d, evs)
            except IntegrityError:
                # another writer stored this page or one of its events first: try again once,
                # now seeing what it committed
                if attempt == 2:
                    raise
            except OperationalError as exc:  # SQLite: busy beyond the timeout / PG: serialisation
                if attempt == 2 or not _retryable(exc):
                    raise
        raise AssertionError("unreachable")

    def _store_document(self, s: Session, doc: Document, events: list[Event]) -> _Outcome:
        key = document_key(doc)
        now = _now()
        if doc.status == "failed":
            return self._store_failure(s, doc, key, now)
        if s.scalar(sa.select(DocumentRow.pk).where(DocumentRow.content_hash == key)) is not None:
            return _Outcome("exists")
        # an earlier run failed on this page (same bytes, or the same file): it is replaced now
        gone = s.execute(sa.delete(DocumentRow).where(DocumentRow.status == "failed", sa.or_(
            DocumentRow.content_hash == "failed:" + _base_key(doc),
            sa.and_(DocumentRow.doc_id == doc.doc_id, DocumentRow.path == doc.path)))).rowcount  # type: ignore[attr-defined]
        drow = document_row(doc, key, now)
        s.add(drow)
        s.flush()
        inject("store", doc.text)
        merger = _DbMerger(s, now, drow.pk)
        touched: list[str] = []
        for ev in events if doc.ok else []:
            rid = merger.add(ev)
            if rid not in touched:
                touched.append(rid)
        drow.n_events = len(touched)
        s.flush()
        return _Outcome("new" if doc.ok else "rejected", new_ids=list(merger.new_ids),
                        updated_ids=[i for i in merger.updated_ids if i not in merger.new_ids],
                        retried=bool(gone))

    @staticmethod
    def _store_failure(s: Session, doc: Document, key: str, now: dt.datetime) -> _Outcome:
        """A failed document: its record (no events), or the earlier record of it updated."""
        row = s.scalars(sa.select(DocumentRow).where(DocumentRow.content_hash == key)).first()
        if row is None:
            row = document_row(doc, key, now)
            row.attempts = 1
            s.add(row)
        else:
            row.reason, row.stage, row.error_type = doc.reason, doc.stage, doc.error_type
            row.attempts = (row.attempts or 0) + 1
            row.ingested_at = now
        s.flush()
        return _Outcome("failed")

    def _add_isolated(self, doc: Document, events: list[Event]) -> _Outcome:
        """`_add`, and when storing this document raises (a bug, bad data), the document stored
        as failed instead. Errors of the database itself (connection lost, disk full) stop the run."""
        try:
            return self._add(doc, events)
        except (OperationalError, InterfaceError):
            raise
        except Exception as exc:
            log.warning("%s: storing it failed (%s: %s); stored as failed", doc.doc_id, type(exc).__name__, exc)
            failed = dataclasses.replace(doc)
            failed.mark_failed(failure("store", exc))
            return self._add(failed, [])

    def ingest(self, paths: list[str], *, progress: bool = True, workers: int = 1, dask_address: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, stop: Callable[[], bool] | None = None) -> IngestSummary:
        """Read, clean and extract every new document under `paths` and store it with its events.
        Documents already stored (same content) are skipped and counted; documents that failed
        in an earlier run are tried again. A document any stage fails on is stored as `failed`
        (stage, exception type and message) and the run goes on. `stop()` is asked after each
        stored document (a signal handler's flag): when true the run ends there, with
        `summary.interrupted`. Raises FileNotFoundError for a path that does not exist (before
        anything is stored)."""
        from ..parallel import process_documents
        from ..pipeline import load_documents

        paths = [str(p) for p in paths]
        missing = [p for p in paths if p != "-" and not os.path.exists(p)]
        if missing:
            raise FileNotFoundError(f"no such file or folder: {missing[0]}")
        summary = IngestSummary()
        bar = _Progress(progress)

        def fresh(docs: Iterable[Document]) -> Iterator[Document]:
            for doc in docs:
                if stop is not None and stop():
                    return
                summary.read += 1
                if doc.status != "failed" and self.has_document(doc):
                    summary.already_stored += 1
                    bar.advance(summary)
                    continue
                yield doc

        with bar:
            for doc, events in process_documents(fresh(load_documents(paths, max_bytes=max_bytes)),
                                                 workers=workers, dask_address=dask_address):
                out = self._add_isolated(doc, events)
                if out.status == "exists":
                    summary.already_stored += 1
                elif out.status == "rejected":
                    summary.rejected += 1
                elif out.status == "failed":
                    summary.failed += 1
                else:
                    summary.new += 1
                summary.retried += out.retried
                summary.new_ids.update(out.new_ids)
                summary.updated_ids.update(i for i in out.updated_ids if i not in summary.new_ids)
                summary.events_new = len(summary.new_ids)
                summary.events_updated = len(summary.updated_ids)
                bar.advance(summary)
                if stop is not None and stop():
                    summary.interrupted = True
                    break
        return summary

    # ------------------------------------------------------------------ events
    def _event_filters(self, *, country: str | None = None, pair: tuple[str, str] | list[str] | None = None,
                       person: str | None = None, since: str | None = None, until: str | None = None,
                       kind: str | None = None, mode: str | None = None, q: str | None = None) -> list:
        conds: list = []
        for code in ([country] if country else []) + list(pair or []):
            conds.append(EventRow.id.in_(sa.select(EventCountryRow.event_id)
                                         .where(EventCountryRow.country == code.strip().upper())))
        if person:
            person = person.strip()
            who = [ParticipantRow.entity_id == person]
            if person.startswith("name:"):
                who = [sa.and_(ParticipantRow.entity_id.is_(None),
                               ParticipantRow.name_folded == fold(person[5:]))]
            elif fold(person):
                who.append(ParticipantRow.name_folded.contains(fold(person), autoescape=True))
            conds.append(EventRow.id.in_(sa.select(ParticipantRow.event_id).where(sa.or_(*who))))
        if since:
            conds.append(EventRow.date_end >= _date_arg(since, end=False))
        if until:
            conds.append(EventRow.date_start <= _date_arg(until, end=True))
        if kind:
            conds.append(EventRow.kind == kind)
        if mode:
            conds.append(EventRow.mode.is_(None) if mode in ("none", "null", "unknown") else EventRow.mode == mode)
        if q and fold(q).strip():
            for word in fold(q).split():
                conds.append(EventRow.search_text.contains(word, autoescape=True))
        return conds

    def query_events(self, *, country: str | None = None, pair: tuple[str, str] | None = None,
                     person: str | None = None, since: str | None = None, until: str | None = None,
                     kind: str | None = None, mode: str | None = None, q: str | None = None,
                     limit: int | None = None, offset: int = 0) -> tuple[list[dict], int]:
        """(contract records, total matching), in the order `extract` writes them (date, countries, id).
        `pair` matches events with both countries among their sides (bilateral or multilateral);
        `person` is an entity id, "name:<canonical name>" or part of a name (case-insensitive)."""
        conds = self._event_filters(country=country, pair=pair, person=person, since=since, until=until,
                                    kind=kind, mode=mode, q=q)
        with self._reading() as s:
            total = s.scalar(sa.select(sa.func.count()).select_from(EventRow).where(*conds)) or 0
            stmt = sa.select(EventRow).where(*conds).order_by(*_OUTPUT_ORDER)
            if offset:
                stmt = stmt.offset(offset)
            if limit is not None:
                stmt = stmt.limit(limit)
            rows = list(s.scalars(stmt))
            return [e.to_record() for e in _load_events(s, rows)], total

    def iter_events(self, batch: int = 500, **filters: Any) -> Iterator[dict]:
        """Every matching record, in output order, a batch at a time (exports)."""
        offset = 0
        while True:
            recs, _ = self.query_events(limit=batch, offset=offset, **filters)
            yield from recs
            if len(recs) < batch:
                return
            offset += batch

    def get_event(self, event_id: str) -> dict | None:
        with self._reading() as s:
            row = s.get(EventRow, event_id)
            if row is None:
                return None
            return _load_events(s, [row])[0].to_record()

    # ------------------------------------------------------------------ documents
    def list_documents(self, *, status: str | None = None, limit: int | None = None, offset: int = 0
                       ) -> tuple[list[dict], int]:
        cols = [c for c in DocumentRow.__table__.c if c.name != "text"]
        conds = [DocumentRow.status == status] if status else []
        with self._reading() as s:
            total = s.scalar(sa.select(sa.func.count()).select_from(DocumentRow).where(*conds)) or 0
            stmt = sa.select(*cols).where(*conds).order_by(DocumentRow.pk).offset(offset or 0)
            if limit is not None:
                stmt = stmt.limit(limit)
            out = []
            for r in s.execute(stmt):
                row = DocumentRow(**{c.name: getattr(r, c.name) for c in cols})
                out.append(document_dict(row))
            return out, total

    def get_document(self, doc_id: str) -> dict | None:
        with self._reading() as s:
            row = s.scalars(sa.select(DocumentRow).where(DocumentRow.doc_id == doc_id)
                            .order_by((DocumentRow.status == "ok").desc(), DocumentRow.pk).limit(1)).first()
            return document_dict(row, with_text=True) if row else None

    # ------------------------------------------------------------------ people
    def get_person(self, person_id: str) -> dict | None:
        """A KB entity id ("p:shoigu-sergei") or "name:<canonical name>" for people the KB lacks."""
        with self._reading() as s:
            if person_id.startswith("name:"):
                name = person_id[5:]
                cond = sa.and_(ParticipantRow.entity_id.is_(None), ParticipantRow.name_folded == fold(name))
            else:
                cond = ParticipantRow.entity_id == person_id
            prow = list(s.scalars(sa.select(ParticipantRow).where(cond)))
            if not prow:
                return None
            ent = s.get(EntityRow, person_id) if not person_id.startswith("name:") else None
            ids = sorted({p.event_id for p in prow})
            rows = list(s.scalars(sa.select(EventRow).where(EventRow.id.in_(ids))
                                  .order_by(*_OUTPUT_ORDER)))
            records = [e.to_record() for e in _load_events(s, rows)]
            by_event = {p.event_id: p for p in prow}
            roles: list[str] = []
            for r in records:  # roles in date order, each once
                role = by_event[r["id"]].role
                if role and role not in roles:
                    roles.append(role)
            first = prow[0]
            return {"id": person_id, "name": ent.name if ent else first.name,
                    "country": ent.country if ent else first.country, "roles": roles, "events": records}

    # ------------------------------------------------------------------ stats
    def stats(self, kind: str | None = "meeting") -> dict:
        """Counts for `dyadwatch stats` and the web: per pair (country set), year and mode of the
        events of `kind` (meetings by default; None = every kind), plus totals."""
        conds = [EventRow.kind == kind] if kind else []
        with self._reading() as s:
            def grouped(*cols: Any) -> list:
                stmt = sa.select(*cols, sa.func.count()).where(*conds).group_by(*cols)
                return list(s.execute(stmt))

            pairs = sorted(({"pair": k.replace(",", "-"), "count": n} for k, n in grouped(EventRow.countries_key)),
                           key=lambda d: (-d["count"], d["pair"]))
            # undated events have no year: counted apart, not as a year
            years = sorted(({"year": y, "count": n} for y, n in grouped(EventRow.year) if y is not None),
                           key=lambda d: d["year"])
            modes = sorted(({"mode": m, "count": n} for m, n in grouped(EventRow.mode)),
                           key=lambda d: (-d["count"], d["mode"] or "~"))
            pair_years = sorted(({"pair": k.replace(",", "-"), "year": y, "count": n}
                                 for k, y, n in grouped(EventRow.countries_key, EventRow.year) if y is not None),
                                key=lambda d: (d["pair"], d["year"]))
            kinds: list[dict[str, Any]] = sorted(
                ({"kind": k, "count": n} for k, n in
                 s.execute(sa.select(EventRow.kind, sa.func.count()).group_by(EventRow.kind))),
                key=lambda d: (-d["count"], d["kind"]))
            count = sa.func.count
            return {
                "kind": kind, "pairs": pairs, "years": years, "modes": modes, "pair_years": pair_years,
                "kinds": kinds,
                "selected": s.scalar(sa.select(count()).select_from(EventRow).where(*conds)) or 0,
                "undated": s.scalar(sa.select(count()).select_from(EventRow)
                                    .where(*conds, EventRow.date.is_(None))) or 0,
                "events": s.scalar(sa.select(count()).select_from(EventRow)) or 0,
                "documents": s.scalar(sa.select(count()).select_from(DocumentRow)) or 0,
                "rejected": s.scalar(sa.select(count()).select_from(DocumentRow)
                                     .where(DocumentRow.status == "rejected")) or 0,
                "failed": s.scalar(sa.select(count()).select_from(DocumentRow)
                                   .where(DocumentRow.status == "failed")) or 0,
            }

    def entities(self) -> list[dict]:
        with self._reading() as s:
            return [{"id": e.id, "name": e.name, "country": e.country}
                    for e in s.scalars(sa.select(EntityRow).order_by(EntityRow.id))]


# merge.output_order: by date, undated last (NULLs sort differently in SQLite and PostgreSQL)
_OUTPUT_ORDER = (EventRow.date.is_(None), EventRow.date, EventRow.countries_order, EventRow.id)


def _retryable(exc: OperationalError) -> bool:
    msg = str(exc.orig).lower() if exc.orig else str(exc).lower()
    return "locked" in msg or "busy" in msg or "deadlock" in msg or "serializ" in msg


def _load_events(s: Session, rows: list[EventRow]) -> list[Event]:
    """Events of rows, with participants and sources, in the rows' order."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    parts: dict[str, list[ParticipantRow]] = {i: [] for i in ids}
    srcs: dict[str, list[SourceRow]] = {i: [] for i in ids}
    for chunk in _chunks(ids, 500):
        for p in s.scalars(sa.select(ParticipantRow).where(ParticipantRow.event_id.in_(chunk))):
            parts[p.event_id].append(p)
        for src in s.scalars(sa.select(SourceRow).where(SourceRow.event_id.in_(chunk))):
            srcs[src.event_id].append(src)
    return [event_from_rows(r, parts[r.id], srcs[r.id]) for r in rows]


def _chunks(seq: list, n: int) -> Iterator[list]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


class _DbMerger:
    """`merge.EventIndex.add`, with the index in the database (within one write transaction)."""

    def __init__(self, s: Session, now: dt.datetime, document_pk: int) -> None:
        self.s = s
        self.now = now
        self.document_pk = document_pk
        self.new_ids: list[str] = []
        self.updated_ids: list[str] = []
        self._seq: int | None = None

    def _next_seq(self) -> int:
        if self._seq is None:
            self._seq = self.s.scalar(sa.select(sa.func.max(EventRow.bucket_seq))) or 0
        self._seq += 1
        return self._seq

    def _candidates(self, ev: Event) -> list[EventRow]:
        """Stored events in the buckets `EventIndex.find` probes, in the order it probes them."""
        from ..merge import ALL_DATED, probe_keys

        probes = probe_keys(ev)
        kind, countries = probes[0][0], ",".join(probes[0][1])
        order = {(k[2], k[3]): i for i, k in reversed(list(enumerate(probes)))}
        every_dated = order.get(ALL_DATED)
        months = [EventRow.year.is_not(None) if (y, m) == ALL_DATED
                  else EventRow.year.is_(None) if y is None
                  else sa.and_(EventRow.year == y, EventRow.month == m) if m is not None
                  else sa.and_(EventRow.year == y, EventRow.month.is_(None)) for (y, m) in order]
        rows = self.s.scalars(sa.select(EventRow).where(EventRow.kind == kind, EventRow.countries_key == countries,
                                                        sa.or_(*months)))

        def rank(r: EventRow) -> tuple[int, int]:
            at = order.get((r.year, r.month), every_dated) if r.year is not None else order[(None, None)]
            return (at if at is not None else len(order), r.bucket_seq)

        return sorted(rows, key=rank)

    def _participants(self, ids: list[str]) -> dict[str, list[ParticipantRow]]:
        out: dict[str, list[ParticipantRow]] = {i: [] for i in ids}
        for chunk in _chunks(ids, 500):
            for p in self.s.scalars(sa.select(ParticipantRow).where(ParticipantRow.event_id.in_(chunk))):
                out[p.event_id].append(p)
        return out

    def add(self, ev: Event) -> str:
        from ..merge import absorb, choose

        cands = self._candidates(ev)
        parts = self._participants([c.id for c in cands]) if cands else {}
        events = [event_from_rows(row, parts[row.id], None) for row in cands]
        hit = choose(ev, events)
        if hit is not None:
            row = cands[next(i for i, e in enumerate(events) if e is hit)]
            return self._absorb_into(row, parts[row.id], ev, absorb)
        return self._insert(ev)

    def _absorb_into(self, row: EventRow, prows: list[ParticipantRow], ev: Event, absorb) -> str:  # noqa: ANN001
        srows = list(self.s.scalars(sa.select(SourceRow).where(SourceRow.event_id == row.id)))
        into = event_from_rows(row, prows, srows)
        before_parts = [dataclasses.astuple(p) for p in into.participants]
        had_docs = {s.doc_id for s in into.sources}
        old_bucket = (row.year, row.month)
        absorb(into, ev)
        fill_event_row(row, into, self.now)
        if (row.year, row.month) != old_bucket:  # EventIndex moves it to the end of its new bucket
            row.bucket_seq = self._next_seq()
        after_parts = [dataclasses.astuple(p) for p in into.participants]
        if after_parts[:len(before_parts)] == before_parts:
            for i, p in enumerate(into.participants[len(before_parts):], start=len(before_parts)):
                self.s.add(participant_row(row.id, i, p))
        else:  # not expected from absorb (it only appends), but stay exact
            self.s.execute(sa.delete(ParticipantRow).where(ParticipantRow.event_id == row.id))
            self.s.flush()
            for i, p in enumerate(into.participants):
                self.s.add(participant_row(row.id, i, p))
        for src in into.sources:
            if src.doc_id not in had_docs:
                self.s.add(source_row(row.id, src, self.document_pk))
        self._entities(into)
        self.s.flush()
        if row.id not in self.updated_ids:
            self.updated_ids.append(row.id)
        return row.id

    def _insert(self, ev: Event) -> str:
        if not ev.id or self._taken(ev.id):
            base = "ev-" + hashlib.sha1(ev.key().encode("utf-8")).hexdigest()[:16]
            taken = set(self.s.scalars(sa.select(EventRow.id).where(
                sa.or_(EventRow.id == base, EventRow.id.like(base + "-%")))))
            ev.assign_id(taken)
        row = EventRow(created_at=self.now)
        fill_event_row(row, ev, self.now)
        row.bucket_seq = self._next_seq()
        self.s.add(row)
        self.s.flush()
        for code in sorted(set(ev.countries)):
            self.s.add(EventCountryRow(event_id=ev.id, country=code))
        for i, p in enumerate(ev.participants):
            self.s.add(participant_row(ev.id, i, p))
        seen: set[str] = set()
        for src in ev.sources:
            if src.doc_id in seen:
                continue
            seen.add(src.doc_id)
            self.s.add(source_row(ev.id, src, self.document_pk))
        self._entities(ev)
        self.s.flush()
        self.new_ids.append(ev.id)
        return ev.id

    def _taken(self, ident: str) -> bool:
        return self.s.scalar(sa.select(EventRow.id).where(EventRow.id == ident)) is not None

    def _entities(self, ev: Event) -> None:
        for p in ev.participants:
            if p.entity_id and self.s.get(EntityRow, p.entity_id) is None:
                self.s.add(EntityRow(id=p.entity_id, name=p.name, country=p.country))


class _Progress:
    """A rich progress line on stderr when it is a terminal (stdout stays for data); nothing otherwise."""

    def __init__(self, wanted: bool) -> None:
        self.on = bool(wanted) and sys.stderr.isatty()
        self._p: Any = None  # a rich Progress on a terminal
        self._task: Any = None

    def __enter__(self) -> "_Progress":
        if self.on:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._p = Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(bar_width=None),
                               TextColumn("{task.fields[line]}"), TimeElapsedColumn(), transient=True,
                               console=Console(stderr=True))
            self._p.__enter__()
            self._task = self._p.add_task("ingest", total=None, line="")
        return self

    def advance(self, summary: IngestSummary) -> None:
        if self._p is not None:
            self._p.update(self._task, completed=summary.read,
                           line=f"{summary.read} read, {summary.new} new, {summary.already_stored} known, "
                                f"{summary.rejected} rejected, {summary.failed} failed, {summary.events_new} events")

    def __exit__(self, *exc: object) -> None:
        if self._p is not None:
            self._p.__exit__(*exc)
