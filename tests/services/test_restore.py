"""Restoring a backup: checked first (integrity, schema, office), the replaced file kept, and
every refusal leaving the database as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor, Role, system_actor
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import backups, database, inquiries, maintenance, restore, setup
from tests.actors import actor_for
from tests.damage import break_an_index, break_the_header, integrity

ADMIN = system_actor("SHIBA", "admin")


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM inquiry").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def backed_up(db, sample_inquiry):
    """A database of 2 inquiries with a backup of them, then a third inquiry."""
    for _ in range(2):
        inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("s"))
    made = backups.backup_before(db, "test").path
    inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("s"))
    return db, made


def _refused(db_path: Path, source: Path, code: str, **options) -> str:
    before = db_path.read_bytes()
    beside = sorted(db_path.parent.iterdir())
    actor = options.pop("actor", ADMIN)
    with pytest.raises(UserError) as refused:
        restore.restore(db_path, source, actor=actor, **options)
    assert refused.value.code == code
    assert db_path.read_bytes() == before
    assert sorted(db_path.parent.iterdir()) == beside  # no replaced-* copy either
    return refused.value.message("ja")


def test_a_restore_puts_the_backup_back_and_keeps_the_replaced_file(backed_up):
    db, made = backed_up
    path = db.path
    db.dispose()

    report = restore.restore(path, made, actor=ADMIN)

    assert _count(path) == 2
    assert report.kept is not None and report.kept.name.startswith("desk.replaced-")
    assert _count(report.kept) == 3
    assert report.office == "SHIBA"
    reopened = database.connect(path)
    try:
        assert maintenance.check(reopened).ok
    finally:
        reopened.dispose()


def test_a_damaged_backup_is_refused(backed_up):
    db, made = backed_up
    break_an_index(made)
    message = _refused(db.path, made, "restore_damaged")
    assert message.startswith(f"「{made.name}」は壊れているため復元できません")
    assert "データベースは変更していません" in message


def test_another_offices_backup_is_refused_unless_explicitly_allowed(backed_up, tmp_path):
    db, made = backed_up
    azabu = tmp_path / "azabu.sqlite3"
    shutil.copyfile(made, azabu)
    conn = sqlite3.connect(azabu)
    conn.execute("UPDATE setting SET value = 'AZABU' WHERE key = 'office_code'")
    conn.commit()
    conn.close()

    message = _refused(db.path, azabu, "restore_other_office")
    assert "「AZABU」のバックアップで、この端末は「SHIBA」です" in message

    db.dispose()
    assert restore.restore(db.path, azabu, other_office=True, actor=ADMIN).office == "AZABU"


def test_a_backup_of_an_unknown_schema_revision_is_refused(backed_up):
    db, made = backed_up
    conn = sqlite3.connect(made)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    assert "版（9999）" in _refused(db.path, made, "restore_unknown_revision")


def test_what_is_no_database_is_refused(backed_up, tmp_path):
    db, _ = backed_up
    text = tmp_path / "notes.sqlite3"
    text.write_text("memo\n" * 100)
    assert "バックアップではありません" in _refused(db.path, text, "restore_not_database")


def test_only_an_admin_may_restore(backed_up):
    db, made = backed_up
    supervisor = Actor(login="k", name="係長", role=Role.SUPERVISOR, office="SHIBA")
    message = _refused(db.path, made, "permission_denied", actor=supervisor)
    assert "設定の変更" in message


def test_a_damaged_database_is_moved_aside_and_replaced(backed_up):
    db, made = backed_up
    path = db.path
    db.dispose()
    break_the_header(path)

    report = restore.restore(path, made, actor=ADMIN)

    assert integrity(path) == "ok" and _count(path) == 2
    assert report.kept is not None
    assert report.kept.read_bytes()[:100] == b"\x00" * 100  # the damaged file, as it was


def test_the_newest_good_backup_skips_a_damaged_newer_one(backed_up):
    db, good = backed_up
    newer = backups.backup_before(db, "newer").path
    break_an_index(newer)
    path = db.path
    db.dispose()
    break_an_index(path)

    report = maintenance.check_file(path)

    assert not report.ok
    assert report.newest_good is not None and report.newest_good.path == good


def test_a_database_no_longer_readable_still_finds_its_backups(backed_up):
    db, good = backed_up
    path = db.path
    db.dispose()
    break_the_header(path)

    report = maintenance.check_file(path)

    assert report.unreadable is not None and report.unreadable.code == "database_unreadable"
    assert report.newest_good is not None and report.newest_good.path == good


def test_a_restore_onto_a_new_pc_takes_any_office(backed_up, tmp_path):
    _, made = backed_up
    target = tmp_path / "new-pc" / "renkei-desk.sqlite3"
    report = restore.restore(target, made, actor=ADMIN)
    assert report.kept is None and _count(target) == 2
    opened = database.connect(target)
    try:
        assert setup.office_of(opened) == "SHIBA"
    finally:
        opened.dispose()


def test_admin_of_backup_reads_the_backups_accounts_without_changing_it(db):
    """Signing in against a backup: only an active administrator of that file with the right
    password; one refusal for every other case; the backup's bytes (and folder) untouched."""
    from desktop_app.services import staff
    from tests.conftest import ADMIN_PASSWORD

    other = "hanamizuki-tsutsuji-77"
    for login, role in (("kanri2", "admin"), ("sato", "supervisor")):
        staff.add_staff(db, login=login, name=login, role=role, password=other, actor=actor_for())
    staff.disable_staff(db, "kanri2", actor=actor_for())
    made = backups.backup_before(db, "test").path
    before = made.read_bytes()
    beside = sorted(made.parent.iterdir())

    actor = restore.admin_of_backup(made, " Admin ", ADMIN_PASSWORD)

    assert (actor.login, actor.role, actor.office) == ("admin", Role.ADMIN, "SHIBA")
    for login, password in (
        ("admin", "not-the-password"),
        ("sato", other),  # a supervisor
        ("kanri2", other),  # a disabled administrator
        ("nobody", ADMIN_PASSWORD),
        ("", ADMIN_PASSWORD),
    ):
        with pytest.raises(UserError) as refused:
            restore.admin_of_backup(made, login, password)
        assert refused.value.code == "restore_admin_refused", login
    assert made.read_bytes() == before and sorted(made.parent.iterdir()) == beside
