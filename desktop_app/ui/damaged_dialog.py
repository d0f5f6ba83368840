"""The dialog shown instead of a crash when the database is damaged: it offers the newest
backup that passes the integrity check (services/restore.newest_good_backup).

Shown at start when the file no longer opens, and after the window opened when the day's
first backup found the copy damaged. 復元する accepts (ui.app restores and reopens); 終了
rejects. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.backups import BackupFile
from desktop_app.ui.settings.backup_box import size_text


class DamagedDatabaseDialog(QDialog):
    """What is wrong, the backup on offer, and 復元する / 閉じる."""

    def __init__(
        self,
        path: str,
        problem: str,
        backup: BackupFile | None,
        parent: QWidget | None = None,
        *,
        folder: str = "",
    ) -> None:
        super().__init__(parent, objectName="damagedDatabase")
        self.setWindowTitle(self.tr("データベースが壊れています"))
        self.backup = backup
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
        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = buttons.addButton(
                self.tr("このバックアップから復元"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.setObjectName("restoreNewest")
            self.restore_button.setDefault(True)
        close = buttons.addButton(self.tr("終了"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("quit")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (head, where, detail, offer):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
