"""Initial schema: documents, events (+ event_countries), participants, sources, entities.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _bytewise(length: int) -> sa.types.TypeEngine:
    """Text compared byte by byte (collation "C" on PostgreSQL), as in SQLite and Python."""
    return sa.String(length=length).with_variant(sa.String(length=length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=512), nullable=False),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('lang', sa.String(length=16), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('content_hash', sa.String(length=128), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('meta', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_documents')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_documents_content_hash'))
    )
    op.create_index(op.f('ix_documents_doc_id'), 'documents', ['doc_id'], unique=False)
    op.create_index(op.f('ix_documents_status'), 'documents', ['status'], unique=False)
    op.create_table('entities',
    sa.Column('id', sa.String(length=255), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entities'))
    )
    op.create_table('events',
    sa.Column('id', _bytewise(64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=True),
    sa.Column('date', _bytewise(10), nullable=False),
    sa.Column('date_precision', sa.String(length=8), nullable=False),
    sa.Column('date_start', sa.String(length=10), nullable=False),
    sa.Column('date_end', sa.String(length=10), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=True),
    sa.Column('countries', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('countries_key', sa.String(length=255), nullable=False),
    sa.Column('countries_order', _bytewise(255), nullable=False),
    sa.Column('location', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('setting', sa.Text(), nullable=True),
    sa.Column('topics', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('documents', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('referenced', sa.Boolean(), nullable=False),
    sa.Column('plover', sa.JSON(none_as_null=True), nullable=False),
    sa.Column('cameo', sa.String(length=8), nullable=False),
    sa.Column('confidence', sa.Float(precision=53), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('bucket_seq', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    op.create_index('ix_events_bucket', 'events', ['kind', 'countries_key', 'year', 'month'], unique=False)
    op.create_index(op.f('ix_events_date_end'), 'events', ['date_end'], unique=False)
    op.create_index(op.f('ix_events_date_start'), 'events', ['date_start'], unique=False)
    op.create_index(op.f('ix_events_mode'), 'events', ['mode'], unique=False)
    op.create_index('ix_events_order', 'events', ['date', 'countries_order', 'id'], unique=False)
    op.create_index(op.f('ix_events_year'), 'events', ['year'], unique=False)
    op.create_table('event_countries',
    sa.Column('event_id', _bytewise(64), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_countries_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'country', name=op.f('pk_event_countries'))
    )
    op.create_index(op.f('ix_event_countries_country'), 'event_countries', ['country'], unique=False)
    op.create_table('participants',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', _bytewise(64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_folded', sa.Text(), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('rank', sa.Text(), nullable=True),
    sa.Column('entity_id', sa.String(length=255), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_participants_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_participants')),
    sa.UniqueConstraint('event_id', 'position', name=op.f('uq_participants_event_id_position'))
    )
    op.create_index(op.f('ix_participants_entity_id'), 'participants', ['entity_id'], unique=False)
    op.create_index(op.f('ix_participants_event_id'), 'participants', ['event_id'], unique=False)
    op.create_index(op.f('ix_participants_name_folded'), 'participants', ['name_folded'], unique=False)
    op.create_table('sources',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', _bytewise(64), nullable=False),
    sa.Column('doc_id', _bytewise(512), nullable=False),
    sa.Column('document_pk', sa.Integer(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('lang', sa.String(length=16), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('evidence', sa.JSON(none_as_null=True), nullable=False),
    sa.ForeignKeyConstraint(['document_pk'], ['documents.pk'], name=op.f('fk_sources_document_pk_documents')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_sources_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_sources')),
    sa.UniqueConstraint('event_id', 'doc_id', name=op.f('uq_sources_event_id_doc_id'))
    )
    op.create_index(op.f('ix_sources_doc_id'), 'sources', ['doc_id'], unique=False)
    op.create_index(op.f('ix_sources_document_pk'), 'sources', ['document_pk'], unique=False)
    op.create_index(op.f('ix_sources_event_id'), 'sources', ['event_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_sources_event_id'), table_name='sources')
    op.drop_index(op.f('ix_sources_document_pk'), table_name='sources')
    op.drop_index(op.f('ix_sources_doc_id'), table_name='sources')
    op.drop_table('sources')
    op.drop_index(op.f('ix_participants_name_folded'), table_name='participants')
    op.drop_index(op.f('ix_participants_event_id'), table_name='participants')
    op.drop_index(op.f('ix_participants_entity_id'), table_name='participants')
    op.drop_table('participants')
    op.drop_index(op.f('ix_event_countries_country'), table_name='event_countries')
    op.drop_table('event_countries')
    op.drop_index(op.f('ix_events_year'), table_name='events')
    op.drop_index('ix_events_order', table_name='events')
    op.drop_index(op.f('ix_events_mode'), table_name='events')
    op.drop_index(op.f('ix_events_date_start'), table_name='events')
    op.drop_index(op.f('ix_events_date_end'), table_name='events')
    op.drop_index('ix_events_bucket', table_name='events')
    op.drop_table('events')
    op.drop_table('entities')
    op.drop_index(op.f('ix_documents_status'), table_name='documents')
    op.drop_index(op.f('ix_documents_doc_id'), table_name='documents')
    op.drop_table('documents')
