"""The damaged-database dialog restores only for an administrator of the backup being restored,
signed in against the backup's own accounts (issue 18.3): a wrong password or a clerk of the
backup is refused in the dialog with one message and the damaged file stays byte for byte as
it was; the right administrator restores, and the restore is audited under their login. An
encrypted backup asks for its backup password first. Real widgets, real files."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.services import backup_key, backups, database, staff
from desktop_app.ui import app as desk_app
from desktop_app.ui.damaged_dialog import DamagedDatabaseDialog
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD
from tests.damage import break_an_index, break_the_header
from tests.gui.conftest import add, days_ago

CLERK_PASSWORD = "hanamizuki-tsutsuji-77"
BACKUP_PASSWORD = "usb-stick-passphrase-2026"
REFUSED = "バックアップの管理者としてサインインできません"


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _desk_with_a_clerk(db_path: Path) -> database.Database:
    db = database.connect(db_path)
    add(db, "相談", days_ago(1))
    staff.add_staff(
        db, login="tanaka", name="田中", role="clerk", password=CLERK_PASSWORD, actor=actor_for()
    )
    return db


def _in_dialog(steps: Callable[[DamagedDatabaseDialog], None]) -> list[BaseException]:
    """Run `steps` on the dialog once it is shown (an assertion failing inside the modal loop
    is kept and re-raised by the test, and the dialog closed)."""
    failures: list[BaseException] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DamagedDatabaseDialog)
        try:
            steps(dialog)
        except BaseException as exc:  # noqa: BLE001 (reported by the test)
            failures.append(exc)
            dialog.reject()

    QTimer.singleShot(50, act)
    return failures


def _attempt(dialog: DamagedDatabaseDialog, login: str, password: str) -> None:
    dialog.login.setText(login)
    dialog.password.setText(password)
    assert dialog.restore_button is not None
    dialog.restore_button.click()


def test_only_an_administrator_of_the_backup_restores_it(qtbot, db_path):
    db = _desk_with_a_clerk(db_path)
    made = backups.backup_before(db, "daily").path
    db.dispose()
    break_the_header(db_path)
    before = db_path.read_bytes()
    seen: list[str] = []

    def steps(dialog: DamagedDatabaseDialog) -> None:
        assert dialog.backup_password.isHidden()  # a plain backup needs no backup password
        seen.append(dialog.findChild(object, "askAdmin").text())
        for login, password in (
            ("admin", "not-the-password"),  # a wrong password
            ("tanaka", CLERK_PASSWORD),  # the right password of a clerk of the backup
            ("nobody", ADMIN_PASSWORD),  # no such account
        ):
            _attempt(dialog, login, password)
            assert dialog.isVisible() and dialog.restored is None
            assert REFUSED in dialog.message.text() and not dialog.message.isHidden()
            assert dialog.password.text() == ""
            seen.append(dialog.message.text())
            assert db_path.read_bytes() == before
            assert not list(db_path.parent.glob("desk.replaced-*"))
        _attempt(dialog, "admin", ADMIN_PASSWORD)

    failures = _in_dialog(steps)
    opened = desk_app.offer_newest_backup(db_path, "file is not a database", "ja")
    assert not failures, failures

    assert opened is not None
    opened[0].dispose()
    assert "管理者のユーザー名とパスワード" in seen[0]
    # One message whatever the reason, so a guesser learns nothing from it.
    assert len({text.split("）", 1)[1] for text in seen[1:]}) == 1
    assert _rows(db_path, "SELECT count(*) FROM inquiry") == [(1,)]
    assert _rows(db_path, "SELECT staff, entity_id FROM audit_log WHERE action = 'restore'") == [
        ("admin", made.name)
    ]
    (kept,) = db_path.parent.glob("desk.replaced-*.sqlite3")
    assert kept.read_bytes() == before


def test_an_encrypted_backup_asks_for_its_backup_password_first(qtbot, template_db, tmp_path):
    db_path = tmp_path / "data" / "desk.sqlite3"  # a backup folder outside it is encrypted
    db_path.parent.mkdir()
    shutil.copyfile(template_db, db_path)
    db = _desk_with_a_clerk(db_path)
    backup_key.set_password(db, BACKUP_PASSWORD, actor=actor_for())
    backups.set_folder(db, tmp_path / "usb", actor=actor_for())
    made = backups.backup_now(db, "daily").path
    assert made.is_relative_to(tmp_path / "usb") and made.read_bytes()[:6] == b"RDKBAK"
    add(db, "バックアップ後の相談", days_ago(0))
    db.dispose()
    break_an_index(db_path)
    before = db_path.read_bytes()
    seen: list[str] = []

    def steps(dialog: DamagedDatabaseDialog) -> None:
        assert not dialog.backup_password.isHidden()
        assert dialog.focusWidget() in (dialog.backup_password, None)
        dialog.backup_password.setText("not-the-backup-password")
        _attempt(dialog, "admin", ADMIN_PASSWORD)
        seen.append(dialog.message.text())
        assert dialog.restored is None and db_path.read_bytes() == before
        dialog.backup_password.setText(BACKUP_PASSWORD)
        _attempt(dialog, "tanaka", CLERK_PASSWORD)
        seen.append(dialog.message.text())
        assert dialog.restored is None and db_path.read_bytes() == before
        assert not list(db_path.parent.glob(".restoring-*"))  # the opened copy is removed
        _attempt(dialog, "admin", ADMIN_PASSWORD)

    failures = _in_dialog(steps)
    opened = desk_app.offer_newest_backup(db_path, "database disk image is malformed", "ja")
    assert not failures, failures

    assert opened is not None
    opened[0].dispose()
    assert "パスワードが違います" in seen[0] and REFUSED in seen[1]
    assert _rows(db_path, "SELECT count(*) FROM inquiry") == [(1,)]
    assert _rows(db_path, "SELECT staff FROM audit_log WHERE action = 'restore'") == [("admin",)]


def test_closing_the_dialog_changes_nothing(qtbot, db_path, tmp_path):
    db = _desk_with_a_clerk(db_path)
    backups.backup_before(db, "daily")
    db.dispose()
    break_the_header(db_path)
    shutil.copyfile(db_path, tmp_path / "before.sqlite3")

    def steps(dialog: DamagedDatabaseDialog) -> None:
        dialog.login.setText("admin")
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.reject()

    failures = _in_dialog(steps)
    assert desk_app.offer_newest_backup(db_path, "file is not a database", "ja") is None
    assert not failures, failures
    assert db_path.read_bytes() == (tmp_path / "before.sqlite3").read_bytes()
