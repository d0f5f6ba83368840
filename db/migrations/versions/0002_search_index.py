"""search index: folded text per inquiry, trigram and bigram FTS5 tables, triggers

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from db import search_index

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    search_index.create(conn)
    # A file that already holds inquiries gets them indexed now.
    search_index.rebuild(conn)


def downgrade() -> None:
    search_index.drop(op.get_bind())
