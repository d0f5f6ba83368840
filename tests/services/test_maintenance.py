"""The consistency check, backups and restores at the service level."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.domain.actor import system_actor
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import backups, database, inquiries, maintenance, restore
from tests.actors import actor_for

ADMIN = system_actor("SHIBA", "admin")


@pytest.fixture
def filled(db, sample_inquiry):
    for _ in range(3):
        inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("s"))
    return db


def test_a_sound_database_passes(filled):
    report = maintenance.check(filled)
    assert report.ok
    assert report.problems == ()
    assert report.path == filled.path


def test_a_receipt_counter_below_the_highest_number_is_found(filled):
    with filled.write() as session:
        session.execute(text("UPDATE receipt_counter SET last = 1"))
    report = maintenance.check(filled)
    assert not report.ok
    assert report.problems == ("receipt counter SHIBA 2026 is below 3",)


def test_a_missing_receipt_counter_is_found(filled):
    with filled.write() as session:
        session.execute(text("DELETE FROM receipt_counter"))
    assert maintenance.check(filled).problems == ("receipt counter SHIBA 2026 is below 3",)


@pytest.mark.parametrize(
    ("texts", "problem"),
    [("search_text", "search index holds 2 of 3 inquiries"),
     ("inquirer_search_text", "search index holds the inquirer of 2 of 3 inquiries")],
)  # fmt: skip
def test_a_search_index_that_lost_a_row_is_found(filled, texts, problem):
    with filled.write() as session:
        session.execute(text(f"DELETE FROM {texts} WHERE pk = (SELECT min(pk) FROM inquiry)"))
    assert maintenance.check(filled).problems == (problem,)


def test_a_database_without_an_office_is_found(new_db_path):
    db = database.connect(new_db_path)
    try:
        assert maintenance.check(db).problems == ("office is not set (run init)",)
    finally:
        db.dispose()


def test_a_dangling_foreign_key_is_found(filled):
    raw = sqlite3.connect(filled.path)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute(
        "INSERT INTO action (id, origin, rev, updated_at, updated_by, deleted, inquiry_id,"
        " action_date, staff, kind, note, referred_to) VALUES ('a1', 'SHIBA', 1,"
        " '2026-10-01 00:00:00', 's', 0, 'gone', '2026-10-01', 's', 'call', '', '')"
    )
    raw.commit()
    raw.close()
    problems = maintenance.check(filled).problems
    assert any(problem.startswith("foreign key: action") for problem in problems), problems


def test_a_file_damaged_in_the_middle_is_reported_not_raised(filled, tmp_path):
    backup = backups.backup_now(filled, "manual", folder=tmp_path / "b")
    size = backup.path.stat().st_size
    with backup.path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\x5a" * 16384)
    try:
        damaged = database.connect(backup.path)
    except UserError as refused:  # damage where the schema lives: refused on open
        assert refused.code == "database_unreadable"
        return
    try:
        report = maintenance.check(damaged)
    finally:
        damaged.dispose()
    assert not report.ok
    assert report.problems


def test_backup_is_a_consistent_copy(filled, tmp_path):
    report = backups.backup_now(filled, "manual", folder=tmp_path / "backups")
    assert report.path.parent == tmp_path / "backups"
    assert report.bytes == report.path.stat().st_size > 0
    with sqlite3.connect(report.path) as conn:
        assert conn.execute("SELECT count(*) FROM inquiry").fetchone()[0] == 3
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_restore_replaces_the_file_and_keeps_the_old_one(filled, tmp_path, sample_inquiry):
    backup = backups.backup_now(filled, "manual", folder=tmp_path / "backups")
    inquiries.add_inquiry(filled, NewInquiry.read(sample_inquiry), actor=actor_for("s"))
    path = filled.path
    filled.dispose()

    report = restore.restore(path, backup.path, actor=ADMIN)

    assert report.path == path
    reopened = database.connect(path)
    try:
        with reopened.read() as session:
            assert session.execute(text("SELECT count(*) FROM inquiry")).scalar() == 3
        assert maintenance.check(reopened).ok
    finally:
        reopened.dispose()
    (safety,) = path.parent.glob(f"{path.stem}.replaced-*")
    with sqlite3.connect(safety) as conn:
        assert conn.execute("SELECT count(*) FROM inquiry").fetchone()[0] == 4
    conn.close()


@pytest.mark.parametrize(
    "content",
    [b"plain text " * 100, b"SQLite format 3\x00" + b"\x00" * 100],
    ids=["text", "truncated-sqlite"],
)
def test_restore_refuses_what_is_not_a_backup(db_path: Path, tmp_path, content):
    fake = tmp_path / "fake.sqlite3"
    fake.write_bytes(content)
    original = db_path.read_bytes()
    with pytest.raises(UserError) as refused:
        restore.restore(db_path, fake, actor=ADMIN)
    assert refused.value.code == "restore_not_database"
    assert db_path.read_bytes() == original


def test_restore_of_a_missing_file_is_refused(db_path, tmp_path):
    with pytest.raises(UserError) as refused:
        restore.restore(db_path, tmp_path / "missing.sqlite3", actor=ADMIN)
    assert refused.value.code == "file_not_found"


def _renumber(db, numbers, counter):
    """Give the three inquiries these receipt sequences and set the counter to `counter`."""
    with db.write() as session:
        pks = session.scalars(text("SELECT pk FROM inquiry ORDER BY pk")).all()
        for pk, seq in zip(pks, numbers, strict=True):
            session.execute(
                text("UPDATE inquiry SET receipt_no = :r WHERE pk = :pk"),
                {"r": f"SHIBA-2026-{seq:05d}", "pk": pk},
            )
        session.execute(text("UPDATE receipt_counter SET last = :n"), {"n": counter})


def test_receipt_sequences_past_99999_are_compared_as_numbers(filled):
    # As text SHIBA-2026-99999 sorts after SHIBA-2026-100001; as a number it is lower.
    _renumber(filled, [99_999, 100_000, 100_001], counter=100_001)
    assert maintenance.check(filled).problems == ()

    _renumber(filled, [99_999, 100_000, 100_001], counter=100_000)
    assert maintenance.check(filled).problems == ("receipt counter SHIBA 2026 is below 100001",)


def test_a_counter_between_the_text_and_the_numeric_maximum_is_found(filled):
    # The text maximum is 99999; a counter at 99999 is still below the issued 100000.
    _renumber(filled, [99_998, 99_999, 100_000], counter=99_999)
    assert maintenance.check(filled).problems == ("receipt counter SHIBA 2026 is below 100000",)
