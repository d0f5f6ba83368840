"""Engine set-up on every connection: WAL, synchronous=FULL, foreign keys, a busy timeout."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from db.engine import BUSY_TIMEOUT_MS


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [
        ("journal_mode", "wal"),
        ("synchronous", 2),  # FULL
        ("foreign_keys", 1),
        ("busy_timeout", BUSY_TIMEOUT_MS),
    ],
)
def test_every_connection_has_the_pragmas(db, pragma, expected):
    # Two connections at once, so the second is a fresh one from the pool.
    with db.engine.connect() as first, db.engine.connect() as second:
        for conn in (first, second):
            assert conn.execute(text(f"PRAGMA {pragma}")).scalar() == expected


def test_busy_timeout_is_at_least_a_few_seconds():
    assert BUSY_TIMEOUT_MS >= 5_000


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError), db.write() as session:
        session.execute(
            text(
                "INSERT INTO action (id, origin, rev, updated_at, updated_by, deleted, inquiry_id,"
                " action_date, staff, kind, note, referred_to)"
                " VALUES ('a', 'SHIBA', 1, '2026-01-01', 'x', 0, 'no-such-inquiry', '2026-01-01',"
                " 'x', 'call', '', '')"
            )
        )


def test_a_write_session_rolls_back_everything_on_an_exception(db, snapshot):
    before = snapshot(db.path)
    with pytest.raises(RuntimeError), db.write() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('x', 'y')"))
        raise RuntimeError("boom")
    assert snapshot(db.path) == before


def test_write_sessions_start_immediate_so_a_second_writer_waits(db):
    """BEGIN IMMEDIATE takes the write lock at once (no read-to-write upgrade deadlock)."""
    other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        with db.write() as session:
            session.execute(text("SELECT 1"))
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()
