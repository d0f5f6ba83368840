"""db/bulk.py's helpers for large changes: `execute_many` and `binder` bind as SQLAlchemy does,
and `large_cache` gives the connection its own cache size back."""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlalchemy import bindparam, insert, update

from db import bulk
from db.models import AuditLog, Setting


def _stored(db) -> list[tuple]:
    with sqlite3.connect(db.path) as conn:
        rows = conn.execute(
            "SELECT at, staff, action, entity, entity_id, field, old, new, prev_hash, hash"
            " FROM audit_log WHERE staff LIKE 'bulk-%' ORDER BY pk"
        ).fetchall()
    conn.close()
    return rows


def _entry(n: int, staff: str) -> dict:
    return {
        "at": dt.datetime(2026, 11, 1, 3, 0, n), "staff": staff, "action": "erase",
        "entity": "inquirer", "entity_id": f"id-{n}", "field": None, "old": None,
        "new": "name" if n % 2 else None, "prev_hash": f"p{n}", "hash": f"h{n}",
    }  # fmt: skip


def test_execute_many_stores_what_core_executemany_stores(db):
    with db.write() as session:
        session.connection().execute(insert(AuditLog), [_entry(n, "bulk-core") for n in range(3)])
        bulk.execute_many(
            session.connection(), insert(AuditLog), [_entry(n, "bulk-tuples") for n in range(3)]
        )
    core, tuples = _stored(db)[:3], _stored(db)[3:]
    assert [row[1:] for row in core] == [
        (row[1].replace("tuples", "core"), *row[2:]) for row in tuples
    ]
    assert [row[0] for row in core] == [row[0] for row in tuples]
    assert core[0][0] == "2026-11-01 03:00:00.000000"


def test_execute_many_binds_the_values_a_statement_holds_itself(db):
    with db.write() as session:
        session.merge(Setting(key="bulk_a", value="x"))
        session.merge(Setting(key="bulk_b", value="y"))
    statement = update(Setting).where(Setting.key == bindparam("b_key")).values(value="erased")
    with db.write() as session:
        bulk.execute_many(session.connection(), statement, [{"b_key": "bulk_a"}])
    with sqlite3.connect(db.path) as conn:
        found = dict(conn.execute("SELECT key, value FROM setting WHERE key LIKE 'bulk_%'"))
    conn.close()
    assert found == {"bulk_a": "erased", "bulk_b": "y"}


def test_binder_binds_what_the_types_bind_processor_binds(db):
    """Times by their isoformat (written in C), dates and flags once per distinct value: the
    same text as SQLAlchemy's processors, whatever the value (aware, a date, whole seconds)."""
    values = {
        ("inquiry", "updated_at"): [
            dt.datetime(2026, 4, 1, 9, 30), dt.datetime(2026, 4, 1, 9, 30, 0, 7),
            dt.datetime(999, 12, 31, 23, 59, 59, 999999), dt.date(2026, 4, 1), None,
            dt.datetime(2026, 4, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9))),
        ],
        ("inquiry", "received_at"): [dt.date(2026, 4, 1), dt.date(2026, 4, 1), None],
        ("inquiry", "deleted"): [True, False, None],
    }  # fmt: skip
    with db.write() as session:
        conn = session.connection()
        for (table, column), given in values.items():
            kind = bulk.Base.metadata.tables[table].c[column].type.dialect_impl(conn.dialect)
            process = kind.bind_processor(conn.dialect)
            bind = bulk.binder(conn, table, column)
            assert bind is not None and process is not None
            assert list(map(bind, given)) == list(map(process, given)), column
        assert bulk.binder(conn, "inquiry", "subject") is None  # text is bound as it is


def test_large_cache_is_the_connections_own_again_afterwards(db):
    with db.write() as session:
        conn = session.connection()
        (before,) = conn.exec_driver_sql("PRAGMA cache_size").one()
        with bulk.large_cache(conn):
            (inside,) = conn.exec_driver_sql("PRAGMA cache_size").one()
        (after,) = conn.exec_driver_sql("PRAGMA cache_size").one()
    assert inside == -bulk.BULK_CACHE_KIB
    assert after == before != inside
