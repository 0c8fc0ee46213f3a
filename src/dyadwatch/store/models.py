"""The database schema (SQLAlchemy 2 declarative models).

Alembic migrations in `migrations/versions/` create exactly these tables; a test compares the
two (`alembic check`-style), so a change here needs a new migration.

Design notes
- `events` keeps the fields of a contract record; lists and small objects are JSON columns
  (`json` on PostgreSQL, not `jsonb`, so key order survives and records come back byte-identical).
- `countries_key` (sorted, unique, comma-joined codes) plus `year`/`month` are the merge bucket of
  `dyadwatch.merge` and an indexed handle for queries; `event_countries` serves `--country`.
- `bucket_seq` replays the insertion order of `merge.EventIndex` buckets, so candidates are tried in
  the same order as `extract` tries them and `ingest` gives the same records.
- Text that is sorted on (`id`, `date`, `countries_order`) uses the "C" collation on PostgreSQL, so
  ordering is bytewise, as in SQLite and in Python.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def _bytewise(length: int) -> sa.types.TypeEngine:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


JSONType = sa.JSON(none_as_null=True)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (sa.CheckConstraint("status IN ('ok', 'rejected', 'failed')", name="status"),)

    pk: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(sa.String(512), index=True)
    path: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(16), index=True)
    reason: Mapped[str | None] = mapped_column(sa.Text)  # rejected/failed: why ("extract: KeyError: ...")
    stage: Mapped[str | None] = mapped_column(sa.String(32))  # failed: the stage that raised
    error_type: Mapped[str | None] = mapped_column(sa.String(128))  # failed: the exception's type
    attempts: Mapped[int] = mapped_column(sa.Integer, default=0, server_default="0")  # failed: runs failed on it
    lang: Mapped[str] = mapped_column(sa.String(16))
    published: Mapped[dt.date | None] = mapped_column(sa.Date)
    title: Mapped[str | None] = mapped_column(sa.Text)
    source: Mapped[str | None] = mapped_column(sa.Text)
    url: Mapped[str | None] = mapped_column(sa.Text)
    content_hash: Mapped[str] = mapped_column(sa.String(128), unique=True)
    text: Mapped[str] = mapped_column(sa.Text)
    meta: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    n_events: Mapped[int] = mapped_column(sa.Integer, default=0)
    ingested_at: Mapped[dt.datetime] = mapped_column(sa.DateTime)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        sa.Index("ix_events_bucket", "kind", "countries_key", "year", "month"),
        sa.Index("ix_events_order", "date", "countries_order", "id"),
    )

    id: Mapped[str] = mapped_column(_bytewise(64), primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(32))
    mode: Mapped[str | None] = mapped_column(sa.String(16), index=True)
    # date, its bounds and year are NULL for an undated event (a dated report may date it later)
    date: Mapped[str | None] = mapped_column(_bytewise(10))
    date_precision: Mapped[str | None] = mapped_column(sa.String(8))
    date_basis: Mapped[str | None] = mapped_column(sa.String(16))  # how the date was fixed
    date_start: Mapped[str | None] = mapped_column(sa.String(10), index=True)  # first day the date covers
    date_end: Mapped[str | None] = mapped_column(sa.String(10), index=True)  # last day the date covers
    year: Mapped[int | None] = mapped_column(sa.Integer, index=True)
    month: Mapped[int | None] = mapped_column(sa.Integer)
    countries: Mapped[list[str]] = mapped_column(JSONType)  # as the extractor gave them
    countries_key: Mapped[str] = mapped_column(sa.String(255))  # sorted unique, "CHN,RUS"
    countries_order: Mapped[str] = mapped_column(_bytewise(255))  # as given, "RUS,CHN": output order
    location: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    setting: Mapped[str | None] = mapped_column(sa.Text)
    topics: Mapped[list[str]] = mapped_column(JSONType)
    signed: Mapped[list[dict[str, Any]]] = mapped_column("documents", JSONType)
    referenced: Mapped[bool] = mapped_column(sa.Boolean)
    plover: Mapped[dict[str, Any]] = mapped_column(JSONType)
    cameo: Mapped[str] = mapped_column(sa.String(8))
    confidence: Mapped[float] = mapped_column(sa.Float(53))
    n_sources: Mapped[int] = mapped_column(sa.Integer)
    search_text: Mapped[str] = mapped_column(sa.Text)  # case-folded names, places, titles: for `q`
    bucket_seq: Mapped[int] = mapped_column(sa.BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(sa.DateTime)


class EventCountryRow(Base):
    __tablename__ = "event_countries"

    event_id: Mapped[str] = mapped_column(_bytewise(64), sa.ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    country: Mapped[str] = mapped_column(sa.String(8), primary_key=True, index=True)


class ParticipantRow(Base):
    __tablename__ = "participants"
    __table_args__ = (sa.UniqueConstraint("event_id", "position"),)

    pk: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(_bytewise(64), sa.ForeignKey("events.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(sa.Integer)
    name: Mapped[str] = mapped_column(sa.Text)
    name_folded: Mapped[str] = mapped_column(sa.Text, index=True)
    country: Mapped[str | None] = mapped_column(sa.String(8))
    role: Mapped[str | None] = mapped_column(sa.Text)
    rank: Mapped[str | None] = mapped_column(sa.Text)
    entity_id: Mapped[str | None] = mapped_column(sa.String(255), index=True)


class SourceRow(Base):
    __tablename__ = "sources"
    __table_args__ = (sa.UniqueConstraint("event_id", "doc_id"),)

    pk: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(_bytewise(64), sa.ForeignKey("events.id", ondelete="CASCADE"),
                                          index=True)
    doc_id: Mapped[str] = mapped_column(_bytewise(512), index=True)
    document_pk: Mapped[int | None] = mapped_column(sa.Integer, sa.ForeignKey("documents.pk"), index=True)
    url: Mapped[str | None] = mapped_column(sa.Text)
    published: Mapped[str | None] = mapped_column(sa.String(32))
    lang: Mapped[str] = mapped_column(sa.String(16))
    title: Mapped[str | None] = mapped_column(sa.Text)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)


class EntityRow(Base):
    """People of the knowledge base seen in stored events."""

    __tablename__ = "entities"

    id: Mapped[str] = mapped_column(sa.String(255), primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    country: Mapped[str | None] = mapped_column(sa.String(8))
