"""The audit trail's hash chain: `check` names the first entry edited or removed by someone who
dropped the append-only triggers, and the chain survives migrations, backups and restores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import migrate
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import audit_chain, database, inquiries
from tests.actors import actor_for
from tests.conftest import SAMPLE_INQUIRY

EXIT_ATTENTION = 3


@pytest.fixture
def trail(db_path: Path, contract_example: dict) -> Path:
    """A desk whose trail holds a few dozen entries (inquiries added, shown)."""
    db = database.connect(db_path)
    try:
        for _ in range(5):
            record = inquiries.add_inquiry(
                db, NewInquiry.read(contract_example), actor=actor_for("tanaka")
            )
            inquiries.get_inquiry(db, record.receipt_no, actor=actor_for("tanaka"))
    finally:
        db.dispose()
    return db_path


def _tamper(path: Path, sql: str, *params: object) -> None:
    """What someone with the file and sqlite3 can do: drop the triggers, edit, put them back."""
    conn = sqlite3.connect(path)
    with conn:
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        ).fetchall()
        assert len(triggers) == 2
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(sql, params)
        for _, trigger in triggers:
            conn.execute(trigger)
    conn.close()


def _pks(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    with conn:
        pks = [row[0] for row in conn.execute("SELECT pk FROM audit_log ORDER BY pk")]
    conn.close()
    return pks


def test_a_sound_trail_passes_check(run, trail):
    result = run("--json", "check", db=trail)
    assert result.code == 0, result.out + result.err
    assert result.json()["ok"] is True


def test_an_edited_entry_is_named_by_check(run, trail):
    victim = _pks(trail)[3]
    _tamper(trail, "UPDATE audit_log SET staff = 'somebody' WHERE pk = ?", victim)
    result = run("--json", "check", db=trail)
    assert result.code == EXIT_ATTENTION
    assert result.json()["ok"] is False
    assert any(f"entry {victim} " in problem for problem in result.json()["problems"])
    plain = run("check", db=trail)
    assert f"entry {victim} breaks the hash chain" in plain.out


def test_a_removed_entry_is_found_at_the_one_after_it(run, trail):
    pks = _pks(trail)
    _tamper(trail, "DELETE FROM audit_log WHERE pk = ?", pks[2])
    result = run("--json", "check", db=trail)
    assert result.code == EXIT_ATTENTION
    assert any(f"entry {pks[3]} " in problem for problem in result.json()["problems"])


def test_an_entry_whose_hash_was_recomputed_breaks_the_link_of_the_next(trail):
    """Editing a value and fixing that entry's own hash still breaks the next link."""
    pks = _pks(trail)
    _tamper(trail, "UPDATE audit_log SET hash = ? WHERE pk = ?", "f" * 64, pks[4])
    db = database.connect(trail)
    try:
        broken = audit_chain.first_broken(db)
    finally:
        db.dispose()
    assert broken is not None and broken.pk == pks[4] and broken.reason == "edited"


def test_the_chain_survives_a_backup_and_a_restore(run, trail, tmp_path):
    backed_up = run("--json", "backup", db=trail)
    assert backed_up.code == 0, backed_up.out + backed_up.err
    restored = run("--json", "restore", backed_up.json()["path"], db=trail)
    assert restored.code == 0, restored.out + restored.err
    # The restored trail verifies, and the entries written after it (the restore's own, the
    # sign-ins) link to it.
    assert run("--json", "inquiry", "list", db=trail).code == 0
    assert run("--json", "check", db=trail).json()["ok"] is True


def test_migration_0008_chains_the_entries_written_before_it(trail):
    db = database.connect(trail)
    try:
        migrate.downgrade(db.engine, "0006")
        migrate.upgrade(db.engine)
        assert audit_chain.first_broken(db) is None
        inquiries.add_inquiry(db, NewInquiry.read(SAMPLE_INQUIRY), actor=actor_for("tanaka"))
        assert audit_chain.first_broken(db) is None
    finally:
        db.dispose()
