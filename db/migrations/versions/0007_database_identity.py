"""database identity: a UUID made once per database file

Revision ID: 0007
Revises: 0006

Every database gets `setting.database_id`, a random UUID made when the file is first created
or upgraded, and never changed afterwards (a restore brings back the backup's own). With the
office and the training mark it is the database's identity, which its backups and sync
packages carry, so that a restore never puts another database's file in this one's place.
The downgrade keeps the row: an older program ignores settings it does not know.
"""

from __future__ import annotations

import uuid

from alembic import op
from sqlalchemy import text

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.get_bind().execute(
        text("INSERT OR IGNORE INTO setting (key, value) VALUES ('database_id', :value)"),
        {"value": str(uuid.uuid4())},
    )


def downgrade() -> None:
    pass
