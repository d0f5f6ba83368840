"""バックアップ in 設定: where automatic backups go, the backups there, and restoring one.

The list shows each backup's time, reason, office and size, newest first. 復元 asks for a
confirmation and then emits `restoreRequested(path)`: ui.app closes the database, restores
(services/restore.py checks the file first and keeps the replaced one) and reopens the window,
because every screen holds data of the file being replaced. The folder and a restore need an
administrator (Permission.SETTINGS); the service refuses anyone else. GUI thread only.
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
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Actor, Permission, Role
from desktop_app.services import backups
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import error_text
from desktop_app.ui.widgets.permitted import permit


def damaged_desk_actor(login: str, office: str) -> Actor:
    """Who restores over a database too damaged to open, before anyone can sign in against
    it: the person at the PC, as its administrator. The dialog offers only this office's
    newest good backup, and the window then opens it with a sign-in."""
    return Actor(login=login, name=login, role=Role.ADMIN, office=office)


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:,.0f} KB"


class BackupBox(QGroupBox):
    """The backup folder, the list of backups, 今すぐバックアップ and 復元."""

    restoreRequested = Signal(Path)  # noqa: N815 (Qt signal naming)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("バックアップと復元（管理者）"), parent)
        self._ctx = ctx
        self.folder = QLineEdit(self, objectName="backupFolder")
        self.folder.setMinimumWidth(420)
        browse = QPushButton(self.tr("参照…"), self, objectName="backupBrowse")
        browse.clicked.connect(self._browse)
        self.save_folder = QPushButton(self.tr("保存先を変更"), self, objectName="backupFolderSave")
        self.save_folder.clicked.connect(self._set_folder)
        self.table = QTableWidget(0, 4, self, objectName="backupList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("日時"), self.tr("種類"), self.tr("事務所"), self.tr("大きさ")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        self.backup_now = QPushButton(self.tr("今すぐバックアップ"), self, objectName="backupNow")
        self.backup_now.clicked.connect(self._backup_now)
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
        buttons.addStretch(1)
        buttons.addWidget(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(folder_row)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._files: tuple[backups.BackupFile, ...] = ()
        # Backups and restore are an administrator's: greyed with the reason for anyone else.
        self._may = permit(
            (self.folder, browse, self.save_folder, self.backup_now, self.restore),
            ctx.actor,
            Permission.SETTINGS,
            ctx.lang,
        )

    def refresh(self) -> None:
        self._ctx.runner.run(backups.listing, self._ctx.db, on_done=self._show, owner=self)

    def _show(self, listing: backups.BackupListing) -> None:
        self.folder.setText(str(listing.folder))
        self._files = listing.files
        self.table.setRowCount(len(listing.files))
        for row, item in enumerate(listing.files):
            cells = (
                f"{item.taken_at:%Y/%m/%d %H:%M:%S}",
                self._reason(item.reason),
                self._ctx.vocab.office(item.office) if item.office else self.tr("読めません"),
                size_text(item.bytes),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 3:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        if listing.files:
            self.table.selectRow(0)
        self.restore.setEnabled(self._may and bool(listing.files))

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
        self._ctx.runner.run(
            backups.set_folder,
            self._ctx.db,
            self._ctx.actor,
            Path(text) if text else None,
            on_done=lambda _folder: self._done(self.tr("保存先を変更しました。")),
            on_error=self._refused,
            owner=self,
        )

    @Slot()
    def _backup_now(self) -> None:
        self._ctx.runner.run(
            backups.backup_now,
            self._ctx.db,
            backups.MANUAL_REASON,
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
        if answer == QMessageBox.StandardButton.Yes:
            self.restoreRequested.emit(chosen.path)

    def _done(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #a4262c;")
        self.message.setText(error_text(exc, self._ctx.lang))
