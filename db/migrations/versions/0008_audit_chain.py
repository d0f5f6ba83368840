"""audit chain: every audit entry stores its hash and the previous entry's hash

Revision ID: 0008
Revises: 0006

The append-only triggers (0006) refuse UPDATE and DELETE, but not someone who drops them; two
columns chain the entries so that `check` finds an edited or removed one
(domain/audit_chain.py). The entries already written are chained here, oldest first, with a
frozen copy of the formula; the triggers are dropped for that and made again unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_GENESIS = "0" * 64
_SLICE = 5_000
_NO_UPDATE = """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END"""
_NO_DELETE = """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END"""
_DROP_TRIGGERS = (
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
)


def _hash(prev: str, row: sa.Row[tuple[object, ...]]) -> str:
    at = dt.datetime.fromisoformat(str(row.at)).strftime("%Y-%m-%d %H:%M:%S.%f")
    content = [
        prev, at, str(row.staff), str(row.action), str(row.entity), str(row.entity_id),
        row.field, row.old, row.new,
    ]  # fmt: skip
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade() -> None:
    bind = op.get_bind()
    for statement in _DROP_TRIGGERS:
        op.execute(statement)
    op.execute("ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64)")
    op.execute("ALTER TABLE audit_log ADD COLUMN hash VARCHAR(64)")
    prev, last = _GENESIS, 0
    while True:  # in slices of the key, so a long trail never sits in memory whole
        rows = bind.execute(
            sa.text(
                "SELECT pk, at, staff, action, entity, entity_id, field, old, new"
                " FROM audit_log WHERE pk > :last ORDER BY pk LIMIT :size"
            ),
            {"last": last, "size": _SLICE},
        ).all()
        if not rows:
            break
        chained = []
        for row in rows:
            digest = _hash(prev, row)
            chained.append({"prev": prev, "hash": digest, "pk": row.pk})
            prev = digest
        bind.execute(
            sa.text("UPDATE audit_log SET prev_hash = :prev, hash = :hash WHERE pk = :pk"),
            chained,
        )
        last = rows[-1].pk
    op.execute(_NO_UPDATE)
    op.execute(_NO_DELETE)


def downgrade() -> None:
    for statement in _DROP_TRIGGERS:
        op.execute(statement)
    op.execute("ALTER TABLE audit_log DROP COLUMN hash")
    op.execute("ALTER TABLE audit_log DROP COLUMN prev_hash")
    op.execute(_NO_UPDATE)
    op.execute(_NO_DELETE)
