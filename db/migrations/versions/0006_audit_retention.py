"""audit trail and retention: an append-only audit log, erasure marks on inquirers

Revision ID: 0006
Revises: 0004

Frozen DDL, so that this step does the same thing to a file whenever it runs:
- `inquirer.erased_at`: when the retention erased the inquirer's personal fields; it travels in
  every package, so that the erasure reaches the other offices and no older version brings the
  values back (docs/sync-format.md, "Erasure");
- the personal values already written into the audit log (old and new of an inquirer's name,
  reading, phone, e-mail, postal code and address, and those inside the whole row a conflict
  resolution logged) are replaced by the mark the program now writes instead of them
  (services.audit), so that the log holds no copy of personal data and
  the retention never needs to touch it;
- two triggers make `audit_log` append-only: an UPDATE or DELETE of an entry is refused by the
  database itself, whichever program sends it;
- indexes for the audit viewer's filters (by staff, by kind of action, newest first).
"""

from __future__ import annotations

from db.migrations.steps import execute_all

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None

# The inquirer's personal fields when this step was written (domain/fields.py, personal=True).
_PERSONAL = "('name', 'kana', 'phone', 'email', 'postal_code', 'address')"
_MASK = "＊＊＊"

UPGRADE: tuple[str, ...] = (
    "ALTER TABLE inquirer ADD COLUMN erased_at DATETIME",
    *(
        f"UPDATE audit_log SET {column} = '{_MASK}'"
        f" WHERE entity = 'inquirer' AND field IN {_PERSONAL}"
        f" AND {column} IS NOT NULL AND {column} != ''"
        for column in ("old", "new")
    ),
    # A resolved conflict logged the local row whole (its JSON) as the old value.
    *(
        f"UPDATE audit_log SET old = json_set(old, '$.{key}', '{_MASK}')"
        " WHERE action = 'resolve' AND entity = 'inquirer' AND json_valid(old)"
        f" AND coalesce(json_extract(old, '$.{key}'), '') != ''"
        for key in ("name", "kana", "phone", "email", "postal_code", "address")
    ),
    "CREATE INDEX ix_audit_staff ON audit_log (staff, pk)",
    "CREATE INDEX ix_audit_action ON audit_log (action, pk)",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END""",
)

DOWNGRADE: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "DROP INDEX IF EXISTS ix_audit_action",
    "DROP INDEX IF EXISTS ix_audit_staff",
    "ALTER TABLE inquirer DROP COLUMN erased_at",
)


def upgrade() -> None:
    execute_all(UPGRADE)


def downgrade() -> None:
    execute_all(DOWNGRADE)
