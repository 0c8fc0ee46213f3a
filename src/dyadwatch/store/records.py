"""Event objects <-> database rows. The round trip is exact: `event_from_rows(rows_of(ev))`
gives an Event whose `to_record()` equals `ev.to_record()` (participants in stored order,
sources sorted by doc_id as `merge.absorb` keeps them)."""
from __future__ import annotations

import calendar
import datetime as dt
import unicodedata
from dataclasses import asdict
from typing import Any

from ..merge import date_parts
from ..model import Document, Event, Evidence, Location, Participant, SignedDocument, Source
from .models import DocumentRow, EventRow, ParticipantRow, SourceRow


def countries_key(countries: list[str]) -> str:
    """The merge bucket's country part (`merge.bucket_keys`: sorted, as given): "CHN,RUS"."""
    return ",".join(sorted(countries))


def date_bounds(date: str, strict: bool = True) -> tuple[str, str, int, int | None]:
    """'2024-05' -> ('2024-05-01', '2024-05-31', 2024, 5): the days a (partial) date covers.
    Not strict (what is stored): an impossible day or month widens to its month or year."""
    parts = [int(p) for p in date.split("-")]
    y = parts[0]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        if strict:
            raise ValueError(f"not a date: {date}")
        parts = parts[:1]
    if len(parts) == 1:
        return f"{y:04d}-01-01", f"{y:04d}-12-31", y, None
    m = parts[1]
    last = calendar.monthrange(y, m)[1]
    if len(parts) == 2 or not 1 <= parts[2] <= last:
        if len(parts) > 2 and strict:
            raise ValueError(f"not a date: {date}")
        return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}", y, m
    d = dt.date(y, m, parts[2]).isoformat()
    return d, d, y, m


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form for matching, Cyrillic included ('Mojsilović' ->
    'mojsilovic', 'Ёлкин' -> 'елкин', 'Шойгу' -> 'шоигу'): stored text and queries are folded
    alike, so 'шойгу', 'ШОЙГУ' and 'Шоигу' all find 'Шойгу'."""
    text = unicodedata.normalize("NFKD", (text or "").casefold())
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c))).replace("’", "'")


def search_text(ev: Event) -> str:
    bits: list[str] = [ev.id, ev.kind, ev.mode or "", ev.setting or "", " ".join(ev.countries), " ".join(ev.topics)]
    for p in ev.participants:
        bits += [p.name, p.role or "", p.rank or "", p.entity_id or "", p.country or ""]
    if ev.location:
        bits += [ev.location.name, ev.location.country or ""]
    for s in ev.sources:
        bits += [s.title or "", s.url or "", s.doc_id]
    for d in ev.documents:
        bits += [d.type, d.title or ""]
    return "\n".join(fold(b) for b in bits if b)


def fill_event_row(row: EventRow, ev: Event, now: dt.datetime) -> None:
    """Copy an Event's fields (not participants or sources) into its row."""
    start, end = date_bounds(ev.date, strict=False)[:2] if ev.date else (None, None)
    year, month, _ = date_parts(ev.date)  # the merge bucket, exactly as merge.bucket_keys computes it
    row.id = ev.id
    row.kind = ev.kind
    row.mode = ev.mode
    row.date = ev.date
    row.date_precision = ev.date_precision
    row.date_basis = ev.date_basis
    row.date_start, row.date_end, row.year, row.month = start, end, year, month
    row.countries = list(ev.countries)
    row.countries_key = countries_key(ev.countries)
    row.countries_order = ",".join(ev.countries)
    row.location = asdict(ev.location) if ev.location else None
    row.setting = ev.setting
    row.topics = list(ev.topics)
    row.signed = [asdict(d) for d in ev.documents]
    row.referenced = bool(ev.referenced)
    row.plover = dict(ev.plover)
    row.cameo = ev.cameo
    row.confidence = float(ev.confidence)
    row.n_sources = len(ev.sources)
    row.search_text = search_text(ev)
    row.updated_at = now


def participant_row(event_id: str, position: int, p: Participant) -> ParticipantRow:
    return ParticipantRow(event_id=event_id, position=position, name=p.name, name_folded=fold(p.name),
                          country=p.country, role=p.role, rank=p.rank, entity_id=p.entity_id)


def source_row(event_id: str, s: Source, document_pk: int | None) -> SourceRow:
    return SourceRow(event_id=event_id, doc_id=s.doc_id, document_pk=document_pk, url=s.url,
                     published=s.published, lang=s.lang, title=s.title,
                     evidence=[asdict(e) for e in s.evidence])


def event_from_rows(row: EventRow, participants: list[ParticipantRow], sources: list[SourceRow] | None
                    ) -> Event:
    """The Event of a row; `sources=None` leaves them out (enough for `merge.compatible`)."""
    return Event(
        id=row.id, kind=row.kind, mode=row.mode, date=row.date, date_precision=row.date_precision,
        date_basis=row.date_basis,
        countries=list(row.countries),
        participants=[Participant(name=p.name, country=p.country, role=p.role, rank=p.rank, entity_id=p.entity_id)
                      for p in sorted(participants, key=lambda p: p.position)],
        location=Location(**row.location) if row.location is not None else None,
        setting=row.setting, topics=list(row.topics or []),
        documents=[SignedDocument(**d) for d in row.signed or []],
        referenced=bool(row.referenced), plover=dict(row.plover or {}), cameo=row.cameo,
        sources=[Source(doc_id=s.doc_id, url=s.url, published=s.published, lang=s.lang, title=s.title,
                        evidence=[Evidence(**e) for e in s.evidence or []])
                 for s in sorted(sources or [], key=lambda s: s.doc_id)],
        confidence=row.confidence,
    )


def document_dict(row: DocumentRow, with_text: bool = False) -> dict[str, Any]:
    out = {
        "doc_id": row.doc_id, "path": row.path, "status": row.status, "reason": row.reason, "lang": row.lang,
        "published": row.published.isoformat() if row.published else None, "title": row.title,
        "source": row.source, "url": row.url, "content_hash": row.content_hash,
        "events": row.n_events,
        **({"stage": row.stage, "error_type": row.error_type, "attempts": row.attempts}
           if row.status == "failed" else {}),
        "ingested_at": row.ingested_at.isoformat(timespec="seconds") if row.ingested_at else None,
    }
    if with_text:
        out["text"] = row.text
    return out


def document_row(doc: Document, content_hash: str, now: dt.datetime) -> DocumentRow:
    return DocumentRow(doc_id=doc.doc_id, path=doc.path, status=doc.status, reason=doc.reason, stage=doc.stage,
                       error_type=doc.error_type, attempts=0,
                       lang=doc.lang or "unknown", published=doc.published, title=doc.title, source=doc.source,
                       url=doc.url, content_hash=content_hash, text=doc.text or "", meta=None,
                       n_events=0, ingested_at=now)
