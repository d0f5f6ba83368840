"""The dialog shown instead of a crash when the database is damaged: it offers the newest
backup that passes the integrity check (services/restore.newest_good_backup).

Shown at start when the file no longer opens, and after the window opened when the day's
first backup found the copy damaged. Nobody can sign in against a damaged file, so restoring
asks an administrator of the backup being restored to sign in against its accounts (and, for
an encrypted backup, the backup password first): 復元 hands what was typed to `restore_with`
(ui.app: services/restore.restore_as_backup_admin), which restores or refuses. A refusal is
shown in the dialog, which stays open with nothing changed; a restore accepts it (ui.app then
reopens the database). 終了 rejects. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.backups import BackupFile
from desktop_app.ui.errors import error_text
from desktop_app.ui.settings.backup_box import size_text
from desktop_app.ui.widgets import accessible

# What the dialog hands over: the backup password ("" for a plain backup), login, password.
RestoreWith = Callable[[str, str, str], object]


class DamagedDatabaseDialog(QDialog):
    """What is wrong, the backup on offer, an administrator's sign-in against it, and
    復元 / 終了. `restored` holds what `restore_with` returned once it restored."""

    def __init__(
        self,
        path: str,
        problem: str,
        backup: BackupFile | None,
        parent: QWidget | None = None,
        *,
        folder: str = "",
        restore_with: RestoreWith | None = None,
        lang: str = "ja",
    ) -> None:
        super().__init__(parent, objectName="damagedDatabase")
        self.setWindowTitle(self.tr("データベースが壊れています"))
        self.backup = backup
        self.restored: object = None
        self._restore_with = restore_with
        self._lang = lang
        head = QLabel(
            self.tr("<b>データベースが壊れているため、このままでは使えません。</b>"), self
        )
        where = QLabel(self.tr("ファイル: {0}").format(path), self, wordWrap=True)
        detail = QLabel(self.tr("見つかった問題: {0}").format(problem), self, wordWrap=True)
        if backup is not None:
            offer = QLabel(
                self.tr(
                    "最新の正常なバックアップ（{0}、{1}）から復元できます。"
                    "それより後の入力は失われます。壊れたファイルは置き換えたファイルとして残します。"
                    "\n{2}"
                ).format(f"{backup.taken_at:%Y/%m/%d %H:%M}", size_text(backup.bytes), backup.path),
                self,
                wordWrap=True,
                objectName="offer",
            )
        else:
            offer = QLabel(
                self.tr(
                    "正常なバックアップが見つかりません（バックアップ先: {0}）。"
                    "システム管理者に連絡してください。"
                ).format(folder),
                self,
                wordWrap=True,
                objectName="offer",
            )
        self.backup_password = QLineEdit(self, objectName="backupPassword")
        self.login = QLineEdit(self, objectName="adminLogin")
        self.password = QLineEdit(self, objectName="adminPassword")
        for secret in (self.backup_password, self.password):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self, objectName="restoreMessage", wordWrap=True)
        self.message.setProperty("tone", "error")  # coloured by ui/style.py
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = buttons.addButton(
                self.tr("このバックアップから復元"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.restore_button.setObjectName("restoreNewest")
            self.restore_button.setDefault(True)
            self.restore_button.clicked.connect(self._restore)
        close = buttons.addButton(self.tr("終了"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("quit")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (head, where, detail, offer):
            layout.addWidget(widget)
        if backup is not None:
            layout.addLayout(self._sign_in_form(backup))
        else:  # nothing to restore: no sign-in fields floating outside the layout
            for field in (self.backup_password, self.login, self.password):
                field.hide()
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        (self.backup_password if backup and backup.encrypted else self.login).setFocus()

    def _sign_in_form(self, backup: BackupFile) -> QFormLayout:
        """The backup password first (an encrypted backup opens with it alone), then the
        administrator's user name and password as the backup knows them."""
        ask = QLabel(
            self.tr(
                "復元するには、このバックアップに登録されている管理者のユーザー名と"
                "パスワードでサインインしてください。"
            ),
            self,
            wordWrap=True,
            objectName="askAdmin",
        )
        form = QFormLayout()
        form.addRow(ask)
        if backup.encrypted:
            form.addRow(self.tr("バックアップのパスワード"), self.backup_password)
        else:
            self.backup_password.hide()
        form.addRow(self.tr("管理者のユーザー名"), self.login)
        form.addRow(self.tr("パスワード"), self.password)
        return form

    @Slot()
    def _restore(self) -> None:
        """Restore through `restore_with`; a refusal is said here, with the password cleared."""
        if self._restore_with is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.restored = self._restore_with(
                self.backup_password.text(), self.login.text(), self.password.text()
            )
        except Exception as exc:  # noqa: BLE001 (every refusal is shown in the dialog)
            accessible.say(self.message, error_text(exc, self._lang), "error")
            self.message.show()
            self.password.clear()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
