"""exchange groundwork: change sequence, deletion times, merge bases, master revisions, keys

Revision ID: 0003
Revises: 0002

Frozen DDL, written out here rather than taken from the live models, so that this step does
the same thing to a file whenever it runs. Adds what sync, retention and the reports need:
- `change_seq` on every synced row (indexed) and the counter that hands it out, backfilled in
  pk order so that a first package after the upgrade carries every row;
- `deleted_at`, and `sync_base` (a row's versions as last received from and sent to each
  peer), replacing the single `base_rev` column, which could not say which peer it meant nor
  which fields changed; `sync_package` and `conflict` in the shape the exchange needs;
- `rev` and `updated_at` on the master tables, and `municipality.retired_on`;
- `inquiry.closed_on` (the office's local date of `closed_at`, for fiscal years and months),
  backfilled for Asia/Tokyo (UTC+9, no daylight saving), and `inquiry.source`/`source_key`
  for imported ledgers;
- the inquirer's folded `name_key` and `kana_key` and an index on `corporate_number` for
  duplicate suggestions, backfilled with the folding functions the program registers;
- a partial index on the referrals still waiting for a reply (対応予定).
"""

from __future__ import annotations

from db.migrations.steps import execute_all

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SYNCED = ("inquirer", "inquiry", "action")
_MASTERS = (
    "office",
    "vocab_term",
    "municipality",
    "agreement_body",
    "agreement_member",
    "partner_municipality",
)

UPGRADE: tuple[str, ...] = (
    *(
        statement
        for table in _SYNCED
        for statement in (
            f"ALTER TABLE {table} ADD COLUMN deleted_at DATETIME",
            f"ALTER TABLE {table} ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0",
            f"ALTER TABLE {table} DROP COLUMN base_rev",
        )
    ),
    # One sequence over the three tables, in pk order: inquirers, then inquiries, then actions.
    "UPDATE inquirer SET change_seq = pk",
    "UPDATE inquiry SET change_seq = pk + (SELECT coalesce(max(pk), 0) FROM inquirer)",
    "UPDATE action SET change_seq = pk + (SELECT coalesce(max(pk), 0) FROM inquirer)"
    " + (SELECT coalesce(max(pk), 0) FROM inquiry)",
    *(f"CREATE INDEX ix_{table}_change_seq ON {table} (change_seq)" for table in _SYNCED),
    "CREATE TABLE change_counter (id INTEGER NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (id))",
    "INSERT INTO change_counter (id, last) SELECT 1, coalesce(max(change_seq), 0) FROM ("
    " SELECT change_seq FROM inquirer UNION ALL SELECT change_seq FROM inquiry"
    " UNION ALL SELECT change_seq FROM action)",
    "CREATE TABLE sync_base (entity VARCHAR(20) NOT NULL, entity_id VARCHAR(36) NOT NULL,"
    " peer VARCHAR(16) NOT NULL, received_version VARCHAR(48), received TEXT,"
    " sent_version VARCHAR(48), sent TEXT, PRIMARY KEY (entity, entity_id, peer))",
    # The package and conflict tables of 0001 never held a row (nothing wrote them before
    # sync existed); they are made again in the shape the exchange needs.
    "DROP TABLE conflict",
    "DROP TABLE sync_package",
    "CREATE TABLE sync_package (id VARCHAR(36) NOT NULL, kind VARCHAR(12) NOT NULL,"
    " direction VARCHAR(8) NOT NULL, from_office VARCHAR(16) NOT NULL,"
    " to_office VARCHAR(16) NOT NULL, sequence INTEGER NOT NULL, previous_id VARCHAR(36),"
    " full BOOLEAN NOT NULL, personal BOOLEAN NOT NULL, training BOOLEAN NOT NULL,"
    " upto_seq INTEGER NOT NULL, created_at DATETIME NOT NULL, created_by VARCHAR(64) NOT NULL,"
    " handled_at DATETIME NOT NULL, handled_by VARCHAR(64) NOT NULL, file_name TEXT NOT NULL,"
    " sha256 VARCHAR(64) NOT NULL, counts_json TEXT NOT NULL, outcome VARCHAR(20) NOT NULL,"
    " PRIMARY KEY (id))",
    "CREATE INDEX ix_sync_package_route ON sync_package"
    " (direction, from_office, to_office, sequence)",
    "CREATE TABLE conflict (pk INTEGER NOT NULL, entity VARCHAR(20) NOT NULL,"
    " entity_id VARCHAR(36) NOT NULL, peer VARCHAR(16) NOT NULL,"
    " package_id VARCHAR(36) NOT NULL, fields_json TEXT NOT NULL, base_json TEXT,"
    " local_json TEXT NOT NULL, incoming_json TEXT NOT NULL,"
    " incoming_version VARCHAR(48) NOT NULL, created_at DATETIME NOT NULL,"
    " resolved_at DATETIME, resolved_by VARCHAR(64), resolution VARCHAR(12), PRIMARY KEY (pk))",
    "CREATE INDEX ix_conflict_entity_id ON conflict (entity_id)",
    "CREATE INDEX ix_conflict_resolved_at ON conflict (resolved_at)",
    *(
        statement
        for table in _MASTERS
        for statement in (
            f"ALTER TABLE {table} ADD COLUMN rev INTEGER NOT NULL DEFAULT 1",
            f"ALTER TABLE {table} ADD COLUMN updated_at DATETIME NOT NULL"
            " DEFAULT '2026-01-01 00:00:00.000000'",
        )
    ),
    "ALTER TABLE municipality ADD COLUMN retired_on DATE",
    "ALTER TABLE inquiry ADD COLUMN closed_on DATE",
    "UPDATE inquiry SET closed_on = date(closed_at, '+9 hours') WHERE closed_at IS NOT NULL",
    "CREATE INDEX ix_inquiry_closed ON inquiry (deleted, closed_on)",
    "ALTER TABLE inquiry ADD COLUMN source TEXT",
    "ALTER TABLE inquiry ADD COLUMN source_key VARCHAR(64)",
    "CREATE INDEX ix_inquiry_source_key ON inquiry (source_key)",
    "ALTER TABLE inquirer ADD COLUMN name_key VARCHAR(100) NOT NULL DEFAULT ''",
    "ALTER TABLE inquirer ADD COLUMN kana_key VARCHAR(200) NOT NULL DEFAULT ''",
    "UPDATE inquirer SET name_key = rd_name_key(name), kana_key = rd_fold(kana)",
    "CREATE INDEX ix_inquirer_name_key ON inquirer (name_key)",
    "CREATE INDEX ix_inquirer_kana_key ON inquirer (kana_key)",
    "CREATE INDEX ix_inquirer_corporate_number ON inquirer (corporate_number)",
    "CREATE INDEX ix_action_open_reply ON action (reply_due)"
    " WHERE kind = 'referral' AND replied_on IS NULL AND deleted = 0",
)

DOWNGRADE: tuple[str, ...] = (
    "DROP INDEX ix_action_open_reply",
    "DROP INDEX ix_inquirer_corporate_number",
    "DROP INDEX ix_inquirer_kana_key",
    "DROP INDEX ix_inquirer_name_key",
    "ALTER TABLE inquirer DROP COLUMN kana_key",
    "ALTER TABLE inquirer DROP COLUMN name_key",
    "DROP INDEX ix_inquiry_source_key",
    "ALTER TABLE inquiry DROP COLUMN source_key",
    "ALTER TABLE inquiry DROP COLUMN source",
    "DROP INDEX ix_inquiry_closed",
    "ALTER TABLE inquiry DROP COLUMN closed_on",
    "ALTER TABLE municipality DROP COLUMN retired_on",
    *(
        statement
        for table in _MASTERS
        for statement in (
            f"ALTER TABLE {table} DROP COLUMN updated_at",
            f"ALTER TABLE {table} DROP COLUMN rev",
        )
    ),
    "DROP TABLE conflict",
    "DROP TABLE sync_package",
    "CREATE TABLE sync_package (id VARCHAR(36) NOT NULL, direction VARCHAR(8) NOT NULL,"
    " kind VARCHAR(12) NOT NULL, office_code VARCHAR(16) NOT NULL, sequence INTEGER NOT NULL,"
    " previous_id VARCHAR(36), sha256 VARCHAR(64) NOT NULL, created_at DATETIME NOT NULL,"
    " counts_json TEXT NOT NULL, outcome VARCHAR(20) NOT NULL, PRIMARY KEY (id),"
    " UNIQUE (direction, office_code, sequence, id))",
    "CREATE TABLE conflict (pk INTEGER NOT NULL, entity VARCHAR(20) NOT NULL,"
    " entity_id VARCHAR(36) NOT NULL, package_id VARCHAR(36) NOT NULL,"
    " local_json TEXT NOT NULL, incoming_json TEXT NOT NULL, created_at DATETIME NOT NULL,"
    " resolved_at DATETIME, resolved_by VARCHAR(64), PRIMARY KEY (pk),"
    " FOREIGN KEY(package_id) REFERENCES sync_package (id))",
    "CREATE INDEX ix_conflict_entity_id ON conflict (entity_id)",
    "DROP TABLE sync_base",
    "DROP TABLE change_counter",
    *(
        statement
        for table in _SYNCED
        for statement in (
            f"DROP INDEX ix_{table}_change_seq",
            f"ALTER TABLE {table} DROP COLUMN change_seq",
            f"ALTER TABLE {table} DROP COLUMN deleted_at",
            f"ALTER TABLE {table} ADD COLUMN base_rev INTEGER",
        )
    ),
)


def upgrade() -> None:
    execute_all(UPGRADE)


def downgrade() -> None:
    execute_all(DOWNGRADE)
