"""exchange: which version's personal fields each side last sent and took

Revision ID: 0015
Revises: 0014

`sync_base.sent_personal_version` is the version of a row last sent to the peer in a package
with personal fields (the personal values `sent` keeps are that version's);
`received_personal_version` the version last taken from the peer in such a package. A package
with personal fields names, per inquirer row, the version of the receiver's copy whose personal
values it includes (`_seen_personal`), which can be older than the one it names for the other
fields when packages without personal fields came in between (docs/sync-format.md, "Personal
fields"). Rows of earlier builds stay NULL: no personal version known, so personal fields merge
against what the receiver last took from the sender, or conflict when two values differ.
"""

from __future__ import annotations

from db.migrations.steps import execute_all

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

UPGRADE: tuple[str, ...] = (
    "ALTER TABLE sync_base ADD COLUMN sent_personal_version VARCHAR(48)",
    "ALTER TABLE sync_base ADD COLUMN received_personal_version VARCHAR(48)",
)
DOWNGRADE: tuple[str, ...] = (
    "ALTER TABLE sync_base DROP COLUMN received_personal_version",
    "ALTER TABLE sync_base DROP COLUMN sent_personal_version",
)


def upgrade() -> None:
    execute_all(UPGRADE)


def downgrade() -> None:
    execute_all(DOWNGRADE)
