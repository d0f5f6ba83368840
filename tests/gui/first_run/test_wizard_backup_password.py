"""The set-up wizard offers the backup password: given, the new desk may back up to a USB
stick (encrypted) at once, and the database holds no copy of the password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.services import backup_key, backups, database
from tests.gui.first_run.test_wizard import WAIT_MS, _fill_admin, _type, wizard  # noqa: F401

BACKUP_PASSWORD = "usb-stick-passphrase-2026"


def test_the_wizard_sets_the_backup_password(qtbot, wizard, new_db_path, tmp_path):  # noqa: F811
    wizard.next()
    _fill_admin(qtbot, wizard)
    _type(qtbot, wizard.admin_page.backup_password, BACKUP_PASSWORD)
    for _ in range(3):
        wizard.next()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=WAIT_MS)

    assert BACKUP_PASSWORD.encode() not in new_db_path.read_bytes()
    db = database.connect(new_db_path)
    try:
        assert backup_key.is_set(db)
        made = backups.backup_now(db, backups.MANUAL_REASON, folder=tmp_path / "usb")
        assert not made.path.read_bytes().startswith(b"SQLite format 3")
    finally:
        db.dispose()


def test_a_weak_backup_password_keeps_next_grey_and_says_why(qtbot, wizard):  # noqa: F811
    wizard.next()
    _fill_admin(qtbot, wizard)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    _type(qtbot, wizard.admin_page.backup_password, "short")

    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "文字以上" in wizard.admin_page.backup_error.text()
    _type(qtbot, wizard.admin_page.backup_password, BACKUP_PASSWORD)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not wizard.admin_page.backup_error.isVisible()
