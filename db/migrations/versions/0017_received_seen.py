"""exchange: the version of ours that the row last received from a peer named as its base

Revision ID: 0017
Revises: 0016

`sync_base.received_seen` keeps, per row and peer, the `_seen` of the version last received
from that peer (`received_version`): the version of ours it said it included. A later row of the
peer's naming the same version has taken nothing of ours since: it descends from the version we
received, so a value of that version which we still hold is the sender's own, not our change
(docs/sync-format.md, "The sender's own value"). Rows of earlier builds stay NULL: the merge
then goes by the version the row names, as before.
"""

from __future__ import annotations

from db.migrations.steps import execute_all

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

UPGRADE: tuple[str, ...] = ("ALTER TABLE sync_base ADD COLUMN received_seen VARCHAR(48)",)
DOWNGRADE: tuple[str, ...] = ("ALTER TABLE sync_base DROP COLUMN received_seen",)


def upgrade() -> None:
    execute_all(UPGRADE)


def downgrade() -> None:
    execute_all(DOWNGRADE)
