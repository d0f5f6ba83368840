"""exchange: what each package acknowledged and from which number its rows begin

Revision ID: 0014
Revises: 0013

`sync_package.acknowledged` is the highest number N such that the sending office held every
package 1..N of the receiving office's to it; `sync_package.since` the number after which the
package's rows begin. Kept for packages exported and imported alike: the next package to a peer
carries again every row changed since the last package the peer acknowledged, so that a lost
package heals by itself (docs/sync-format.md, "Lost packages heal"). Rows of earlier packages
stay NULL: no acknowledgement known, read as before.
"""

from __future__ import annotations

from db.migrations.steps import execute_all

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

UPGRADE: tuple[str, ...] = (
    "ALTER TABLE sync_package ADD COLUMN acknowledged INTEGER",
    "ALTER TABLE sync_package ADD COLUMN since INTEGER",
)
DOWNGRADE: tuple[str, ...] = (
    "ALTER TABLE sync_package DROP COLUMN since",
    "ALTER TABLE sync_package DROP COLUMN acknowledged",
)


def upgrade() -> None:
    execute_all(UPGRADE)


def downgrade() -> None:
    execute_all(DOWNGRADE)
