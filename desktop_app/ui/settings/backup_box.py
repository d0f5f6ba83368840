"""バックアップ in 設定: where automatic backups go, the backups there, and restoring one.

The list shows this database's backups (its identity: services/identity.py) with their
time, reason, office and size, newest first; backups of other databases found in the same
folder (another office's, the training database's) are listed apart under their own heading,
greyed, and cannot be chosen. 復元 asks for a confirmation, and for the backup password when
the backup is encrypted, and then emits `restoreRequested(path, password)`: ui.app closes the
database, restores (services/restore.py checks the file first and keeps the replaced one) and
reopens the window, because every screen holds data of the file being replaced. The folder,
the backup password, a backup by hand and a restore need an administrator
(Permission.SETTINGS); the services refuse anyone else. GUI thread only.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Permission
from desktop_app.domain.changes import NOTHING, SETTINGS
from desktop_app.services import backup_key, backups
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import error_text
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.permitted import permit


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:,.0f} KB"


class BackupBox(QGroupBox):
    """The backup folder, the list of backups, 今すぐバックアップ and 復元."""

    restoreRequested = Signal(Path, str)  # noqa: N815 (Qt signal naming): backup, password

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("バックアップと復元（管理者）"), parent)
        self._ctx = ctx
        self.folder = QLineEdit(self, objectName="backupFolder")
        self.folder.setMinimumWidth(420)
        browse = QPushButton(self.tr("参照…"), self, objectName="backupBrowse")
        browse.clicked.connect(self._browse)
        self.save_folder = QPushButton(self.tr("保存先を変更"), self, objectName="backupFolderSave")
        self.save_folder.clicked.connect(self._set_folder)
        self.table = self._backup_table("backupList")
        self.table.setMinimumHeight(180)
        accessible.name(self.table, self.tr("このデータベースのバックアップ"))
        self.others_heading = QLabel(
            self.tr("別のデータベースのバックアップ（このデータベースには復元できません）"),
            self,
            objectName="otherBackupsHeading",
        )
        self.others = self._backup_table("otherBackupList")
        accessible.name(self.others, self.others_heading.text())
        self.others.setEnabled(False)  # greyed: never chosen for a restore here
        self.others.setMaximumHeight(120)
        # Made in the order they sit in the row, so that Tab follows it.
        self.backup_now = QPushButton(self.tr("今すぐバックアップ"), self, objectName="backupNow")
        self.backup_now.clicked.connect(self._backup_now)
        self.set_password = QPushButton(
            self.tr("バックアップのパスワードを設定…"), self, objectName="backupPassword"
        )
        self.set_password.clicked.connect(self._set_backup_password)
        self.restore = QPushButton(
            self.tr("選んだバックアップから復元…"), self, objectName="restore"
        )
        self.restore.clicked.connect(self._restore_chosen)
        self.message = QLabel(self, objectName="backupMessage", wordWrap=True)
        note = QLabel(
            self.tr(
                "毎日最初の起動時と、取込・更新の前に自動でバックアップします（毎日7回分・"
                "毎週4回分・毎月12回分を保存）。外付けドライブを保存先にできます。"
                "復元する前に、いまのデータベースは置き換えたファイルとして残します。"
            ),
            self,
            wordWrap=True,
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("保存先"), self))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_row.addWidget(self.save_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now)
        buttons.addWidget(self.set_password)
        buttons.addStretch(1)
        buttons.addWidget(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(folder_row)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.others_heading)
        layout.addWidget(self.others)
        layout.addWidget(self.message)
        self._files: tuple[backups.BackupFile, ...] = ()
        # Backups and restore are an administrator's: greyed with the reason for anyone else.
        self._may = permit(
            (self.folder, browse, self.save_folder, self.backup_now, self.restore),
            ctx.actor,
            Permission.SETTINGS,
            ctx.lang,
        )

    def _backup_table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 4, self, objectName=name)
        table.setHorizontalHeaderLabels(
            [self.tr("日時"), self.tr("種類"), self.tr("事務所"), self.tr("大きさ")]
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def refresh(self) -> None:
        self._ctx.query(backups.listing, on_done=self._show, owner=self)

    def _show(self, listing: backups.BackupListing) -> None:
        self.folder.setText(str(listing.folder))
        self._files = listing.files
        self._fill(self.table, listing.files)
        self._fill(self.others, listing.others)
        self.others_heading.setVisible(bool(listing.others))
        self.others.setVisible(bool(listing.others))
        if listing.files:
            self.table.selectRow(0)
        self.restore.setEnabled(self._may and bool(listing.files))

    def _fill(self, table: QTableWidget, files: tuple[backups.BackupFile, ...]) -> None:
        table.setRowCount(len(files))
        for row, item in enumerate(files):
            office = self._ctx.vocab.office(item.office) if item.office else self.tr("読めません")
            if item.training:
                office += self.tr("（研修用）")
            if item.encrypted:
                office += self.tr("・暗号化")
            cells = (
                f"{item.taken_at:%Y/%m/%d %H:%M:%S}",
                self._reason(item.reason),
                office,
                size_text(item.bytes),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 3:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, cell)

    def _reason(self, reason: str) -> str:
        """Why it was made, in words; a second backup of the same second ends in -2, -3."""
        base = re.sub(r"-\d+$", "", reason) if not reason.startswith("before-upgrade") else reason
        words = {
            "daily": self.tr("毎日"),
            "manual": self.tr("手動"),
            "before-sync-import": self.tr("送付ファイル取込の前"),
            "before-masters-import": self.tr("マスタ取込の前"),
            "before-ledger-import": self.tr("台帳取込の前"),
            "before-retention": self.tr("保存期間経過データ消去の前"),
        }
        if base.startswith("before-upgrade"):
            return self.tr("プログラム更新の前")
        return words.get(base, reason)

    @Slot()
    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("バックアップの保存先"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    @Slot()
    def _set_folder(self) -> None:
        text = self.folder.text().strip()
        actor, folder = self._ctx.actor, Path(text) if text else None
        self._ctx.write(
            lambda db: backups.set_folder(db, folder, actor=actor),
            SETTINGS,
            on_done=lambda _folder: self._done(self.tr("保存先を変更しました。")),
            on_error=self._refused,
            owner=self,
        )

    @Slot()
    def _backup_now(self) -> None:
        actor = self._ctx.actor
        self._ctx.write(
            lambda db: backups.manual_backup(db, actor=actor),
            NOTHING,  # a file and an audit entry: no screen shows either but this one
            on_done=lambda _made: self._done(self.tr("バックアップを作成しました。")),
            on_error=self._refused,
            owner=self,
        )

    @Slot()
    def _restore_chosen(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._files):
            return
        chosen = self._files[row]
        answer = QMessageBox.question(
            self,
            self.tr("バックアップから復元"),
            self.tr(
                "{0} のバックアップで、いまのデータベースを置き換えます。\n"
                "それ以降の入力は復元後のデータベースにはありません"
                "（置き換えたファイルは残します）。\n復元しますか？"
            ).format(f"{chosen.taken_at:%Y/%m/%d %H:%M}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        password = ""
        if chosen.encrypted:
            password, given = QInputDialog.getText(
                self,
                self.tr("バックアップのパスワード"),
                self.tr(
                    "暗号化されたバックアップです。バックアップのパスワードを入力してください。"
                ),
                QLineEdit.EchoMode.Password,
            )
            if not given or not password:
                return
        self.restoreRequested.emit(chosen.path, password)

    @Slot()
    def _set_backup_password(self) -> None:
        """Asked twice; the database keeps only the key it locks (services/backup_key.py)."""
        first, given = QInputDialog.getText(
            self,
            self.tr("バックアップのパスワード"),
            self.tr(
                "データベースのフォルダーの外へのバックアップは、このパスワードで暗号化します。"
                "忘れると復元できません。"
            ),
            QLineEdit.EchoMode.Password,
        )
        if not given:
            return
        again, given = QInputDialog.getText(
            self,
            self.tr("バックアップのパスワード"),
            self.tr("確認のため、もう一度入力してください。"),
            QLineEdit.EchoMode.Password,
        )
        if not given:
            return
        if first != again:
            self._refused_text(self.tr("パスワードが一致しません。"))
            return
        actor = self._ctx.actor
        self._ctx.write(
            lambda db: backup_key.set_password(db, first, actor=actor),
            SETTINGS,
            on_done=lambda _none: self._done(self.tr("バックアップのパスワードを設定しました。")),
            on_error=self._refused,
            owner=self,
        )

    def _refused_text(self, text: str) -> None:
        accessible.say(self.message, text, "error")

    def _done(self, text: str) -> None:
        accessible.say(self.message, text, "done")
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        accessible.say(self.message, error_text(exc, self._ctx.lang), "error")
