"""exchange: the versions sent with personal fields that the peer has not answered for them

Revision ID: 0016
Revises: 0015

`sync_base.sent_personal_earlier` keeps, per inquirer and peer, the personal values of each
version sent with personal fields before `sent_personal_version` (a JSON object of version id ->
personal values), until a row of the peer's names that version, or a later one, as the one
whose personal values it took (`_seen_personal`). `sent_earlier` drops a version once the peer
answers a later one for its other fields, which a package without personal fields does: the
version whose personal values the peer really took (an earlier personal package's, when a later
one was lost) was then unknown, and its next number met ours as a needless conflict
(docs/sync-format.md, "Personal fields"). Rows of earlier builds stay NULL: nothing kept yet.
"""

from __future__ import annotations

from db.migrations.steps import execute_all

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

UPGRADE: tuple[str, ...] = ("ALTER TABLE sync_base ADD COLUMN sent_personal_earlier TEXT",)
DOWNGRADE: tuple[str, ...] = ("ALTER TABLE sync_base DROP COLUMN sent_personal_earlier",)


def upgrade() -> None:
    execute_all(UPGRADE)


def downgrade() -> None:
    execute_all(DOWNGRADE)
