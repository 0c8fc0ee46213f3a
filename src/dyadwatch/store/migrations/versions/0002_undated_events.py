"""Undated events and the basis of each date: `events.date`, `date_precision`, `date_start`,
`date_end` and `year` may be NULL; new column `date_basis`.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _bytewise(length: int) -> sa.types.TypeEngine:
    return sa.String(length=length).with_variant(sa.String(length=length, collation="C"), "postgresql")


_NULLABLE = (('date', _bytewise(10)), ('date_precision', sa.String(length=8)), ('date_start', sa.String(length=10)),
             ('date_end', sa.String(length=10)), ('year', sa.Integer()))


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('date_basis', sa.String(length=16), nullable=True))
        for name, type_ in _NULLABLE:
            batch.alter_column(name, existing_type=type_, nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM events WHERE date IS NULL")
    with op.batch_alter_table('events') as batch:
        for name, type_ in _NULLABLE:
            batch.alter_column(name, existing_type=type_, nullable=False)
        batch.drop_column('date_basis')
