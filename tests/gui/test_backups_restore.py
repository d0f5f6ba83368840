"""設定's backups and restore, and the damaged-database dialog, with real widgets and files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.services import backups, database
from desktop_app.ui import app as desk_app
from desktop_app.ui.damaged_dialog import DamagedDatabaseDialog
from desktop_app.ui.settings.backup_box import BackupBox
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD
from tests.damage import break_the_header
from tests.gui.conftest import WAIT_MS, add, days_ago


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM inquiry").fetchone()[0])
    finally:
        conn.close()


def test_the_backups_are_listed_newest_first_with_their_reason(qtbot, db, desk, settle):
    backups.backup_before(db, "before-sync-import")
    backups.backup_now(db, backups.MANUAL_REASON)
    box = BackupBox(desk)
    qtbot.addWidget(box)

    box.refresh()
    settle(desk)

    assert box.folder.text() == str(db.path.parent / "backups")
    assert box.table.rowCount() == 2
    kinds = [box.table.item(row, 1).text() for row in range(2)]
    assert sorted(kinds) == ["手動", "送付ファイル取込の前"]
    assert box.table.item(0, 2).text() == desk.vocab.office("SHIBA")
    assert box.table.item(0, 3).text().endswith("KB") or box.table.item(0, 3).text().endswith("MB")
    assert box.restore.isEnabled()


def test_a_folder_that_cannot_be_written_is_refused_on_the_box(qtbot, db, desk, settle, tmp_path):
    blocker = tmp_path / "E-drive"
    blocker.write_text("")
    box = BackupBox(desk)
    qtbot.addWidget(box)
    box.refresh()
    settle(desk)

    box.folder.setText(str(blocker / "renkei"))
    box.save_folder.click()
    settle(desk)

    assert "に書き込めません" in box.message.text()
    assert backups.folder_of(db) == db.path.parent / "backups"


def test_restoring_from_settings_reopens_the_window_on_the_backup(qtbot, db_path, monkeypatch):
    db = database.connect(db_path)
    add(db, "バックアップ前の相談", days_ago(1))
    backups.backup_before(db, "test")
    add(db, "バックアップ後の相談", days_ago(0))
    desk = desk_app.DeskApp(QApplication.instance(), db, "SHIBA", actor_for())
    try:
        window = desk.build("ja", restore=False)
        qtbot.waitUntil(lambda: not desk.runner.busy, timeout=WAIT_MS)
        window.show_page("settings")
        box = window.settings.backups
        qtbot.waitUntil(lambda: box.table.rowCount() == 1, timeout=WAIT_MS)
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

        box.restore.click()

        assert desk.window is not window
        assert _count(db_path) == 1
        (kept,) = db_path.parent.glob("desk.replaced-*.sqlite3")
        assert _count(kept) == 2
        done = desk.window.findChild(QMessageBox, "restored")
        assert done is not None and "バックアップから復元しました" in done.text()
        qtbot.waitUntil(
            lambda: desk.window.list_page.table.model().rowCount() == 1, timeout=WAIT_MS
        )
    finally:
        desk.close()


def test_a_damaged_database_at_start_offers_and_restores_the_newest_good_backup(qtbot, db_path):
    db = database.connect(db_path)
    add(db, "相談", days_ago(1))
    made = backups.backup_before(db, "daily").path
    db.dispose()
    break_the_header(db_path)
    seen: list[str] = []

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DamagedDatabaseDialog)
        seen.append(dialog.findChild(object, "offer").text())
        dialog.login.setText("admin")
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.restore_button.click()

    QTimer.singleShot(50, accept)
    opened = desk_app.offer_newest_backup(db_path, "file is not a database", "ja")

    assert opened is not None
    opened[0].dispose()
    assert "最新の正常なバックアップ" in seen[0] and str(made) in seen[0]
    assert opened[1] == "SHIBA" and _count(db_path) == 1


def test_without_a_good_backup_the_dialog_only_closes(qtbot, db_path):
    break_the_header(db_path)
    before = db_path.read_bytes()
    seen: list[bool] = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DamagedDatabaseDialog)
        seen.append(dialog.restore_button is None)
        dialog.reject()

    QTimer.singleShot(50, close)
    assert desk_app.offer_newest_backup(db_path, "file is not a database", "ja") is None
    assert seen == [True]
    assert db_path.read_bytes() == before
