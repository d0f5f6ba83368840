"""exchange: the versions sent to a peer that it has not yet answered

Revision ID: 0009
Revises: 0006

`sync_base.sent_earlier` keeps, per row and peer, the versions sent before the last one (a JSON
object of version id -> canonical content) until the peer answers with a row that includes a
later one. A package crossing ours on the way names the version it last received, which may be
an earlier one than we last sent: its merge base must be that version, not the last sent, or
the fields we changed since look like the peer's changes (docs/sync-format.md, "The merge").
"""

from __future__ import annotations

from db.migrations.steps import execute_all

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

UPGRADE: tuple[str, ...] = ("ALTER TABLE sync_base ADD COLUMN sent_earlier TEXT",)
DOWNGRADE: tuple[str, ...] = ("ALTER TABLE sync_base DROP COLUMN sent_earlier",)


def upgrade() -> None:
    execute_all(UPGRADE)


def downgrade() -> None:
    execute_all(DOWNGRADE)
