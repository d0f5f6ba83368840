"""設定's backups: only this database's are offered, others are apart and greyed; restoring an
encrypted backup asks for the backup password in a dialog. Real widgets, real files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop_app.services import backup_key, backups, database, setup, staff
from desktop_app.ui import app as desk_app
from desktop_app.ui.settings.backup_box import BackupBox
from tests.actors import actor_for
from tests.gui.conftest import WAIT_MS, add, days_ago

BACKUP_PASSWORD = "usb-stick-passphrase-2026"


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM inquiry").fetchone()[0])
    finally:
        conn.close()


def test_other_databases_backups_are_apart_and_greyed(qtbot, db, desk, settle, tmp_path):
    own = backups.backup_now(db, backups.MANUAL_REASON)
    other_path = tmp_path / "other" / "desk.sqlite3"
    other_path.parent.mkdir()
    other = database.connect(other_path)
    try:
        setup.initialise(other, "SHIBA")  # the same office, another database
        theirs = backups.backup_now(other, backups.MANUAL_REASON)
    finally:
        other.dispose()
    shutil.copyfile(theirs.path, own.path.parent / "desk-SHIBA-29991231-235959-manual.sqlite3")
    box = BackupBox(desk)
    qtbot.addWidget(box)

    box.refresh()
    settle(desk)

    assert box.table.rowCount() == 1
    assert box.others.rowCount() == 1
    assert not box.others.isEnabled() and not box.others.isHidden()
    assert box._files[0].path == own.path


def test_restoring_an_encrypted_backup_asks_for_its_password(
    qtbot, tmp_path, template_db, monkeypatch
):
    db_path = tmp_path / "data" / "desk.sqlite3"
    db_path.parent.mkdir()
    shutil.copyfile(template_db, db_path)
    db = database.connect(db_path)
    add(db, "バックアップ前の相談", days_ago(1))
    backup_key.set_password(db, BACKUP_PASSWORD, actor=actor_for())
    backups.set_folder(db, tmp_path / "usb", actor=actor_for())
    made = backups.backup_now(db, "test")
    assert not made.path.is_relative_to(db_path.parent)
    add(db, "バックアップ後の相談", days_ago(0))
    assert staff.has_accounts(db)
    desk = desk_app.DeskApp(QApplication.instance(), db, "SHIBA", actor_for())
    asked: list[str] = []
    answers = iter([("not-the-password", True), (BACKUP_PASSWORD, True)])

    def typed(*args, **kwargs):
        asked.append(str(args[1]))
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", typed)
    try:
        window = desk.build("ja", restore=False)
        qtbot.waitUntil(lambda: not desk.runner.busy, timeout=WAIT_MS)
        window.show_page("settings")
        box = window.settings.backups
        qtbot.waitUntil(lambda: box.table.rowCount() >= 1, timeout=WAIT_MS)
        before = _count(db_path)

        box.restore.click()  # the wrong password: refused, nothing changed

        assert asked == ["バックアップのパスワード"]
        assert _count(db_path) == before == 2
        assert not list(db_path.parent.glob("desk.replaced-*"))
        shown = desk.window.findChildren(QMessageBox)
        assert any("パスワードが違います" in box_.text() for box_ in shown)

        box = desk.window.settings.backups
        desk.window.show_page("settings")
        qtbot.waitUntil(lambda: box.table.rowCount() >= 1, timeout=WAIT_MS)
        box.restore.click()

        assert _count(db_path) == 1
        assert len(asked) == 2
    finally:
        desk.close()
