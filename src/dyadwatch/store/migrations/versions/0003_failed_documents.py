"""Failed documents: status `failed` (a stage raised on the document, or its worker died), with
the stage, the exception's type and how many runs have failed on it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = "status IN ('ok', 'rejected', 'failed')"


def upgrade() -> None:
    # batch mode: SQLite cannot add a CHECK constraint to a table in place
    with op.batch_alter_table('documents') as batch:
        batch.add_column(sa.Column('stage', sa.String(length=32), nullable=True))
        batch.add_column(sa.Column('error_type', sa.String(length=128), nullable=True))
        batch.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch.create_check_constraint('status', STATUSES)


def downgrade() -> None:
    op.execute("DELETE FROM documents WHERE status = 'failed'")
    with op.batch_alter_table('documents') as batch:
        batch.drop_constraint('status', type_='check')
        batch.drop_column('attempts')
        batch.drop_column('error_type')
        batch.drop_column('stage')
