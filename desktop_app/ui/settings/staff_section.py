"""職員: the accounts of this office, for administrators, in 設定.

Lists every account with its role and state; adds one, disables one, lifts a lockout, sets a
password. Every action is a service call on the DbRunner with the signed-in actor, so the
services' permission check stands whatever this screen shows; the section is built only for
an actor who may manage staff. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import ROLE_LABELS, Actor
from desktop_app.domain.changes import STAFF
from desktop_app.domain.errors import UserError
from desktop_app.services import staff
from desktop_app.services.database import Database
from desktop_app.services.staff import StaffRecord
from desktop_app.ui.context import AppContext
from desktop_app.ui.settings.staff_dialog import StaffDialog
from desktop_app.ui.widgets import accessible


class Change(Protocol):
    """disable_staff, unlock_staff: one account changed by the person at the desk."""

    def __call__(self, db: Database, login: str, *, actor: Actor) -> StaffRecord: ...


class StaffSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("職員アカウント"), parent, objectName="staffSection")
        self._ctx = ctx
        self.records: list[StaffRecord] = []
        self.table = QTableWidget(0, 4, self, objectName="staffTable")
        accessible.name(self.table, self.title())
        self.table.setHorizontalHeaderLabels(
            [self.tr("ユーザー名"), self.tr("氏名"), self.tr("権限"), self.tr("状態")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.add = QPushButton(self.tr("追加…"), self, objectName="staffAdd")
        self.disable = QPushButton(self.tr("無効にする"), self, objectName="staffDisable")
        self.unlock = QPushButton(self.tr("ロック解除"), self, objectName="staffUnlock")
        self.password = QPushButton(self.tr("パスワード変更…"), self, objectName="staffPassword")
        self.add.clicked.connect(self.open_add)
        self.disable.clicked.connect(lambda: self._on_selected(staff.disable_staff))
        self.unlock.clicked.connect(lambda: self._on_selected(staff.unlock_staff))
        self.password.clicked.connect(self.open_password)
        buttons = QHBoxLayout()
        for button in (self.add, self.disable, self.unlock, self.password):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        actor = self._ctx.actor
        self._ctx.query(
            lambda db: staff.list_staff(db, actor=actor), on_done=self._show, owner=self
        )

    def selected(self) -> StaffRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _show(self, records: list[StaffRecord]) -> None:
        self.records = records
        english = self._ctx.lang.startswith("en")
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            role = ROLE_LABELS[record.role]
            state = [] if record.active else [self.tr("無効")]
            if record.locked():  # slowed down after failures in a row, until unlocked
                state.append(self.tr("失敗{0}回・待ち時間あり").format(record.failed_logins))
            values = (record.login, record.name, role.en if english else role.ja, "、".join(state))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    @Slot()
    def open_add(self) -> None:
        dialog = StaffDialog(self._ctx.lang, parent=self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self._saved(
                dialog,
                lambda: staff.add_staff(
                    self._ctx.db,
                    login=dialog.login.text(),
                    name=dialog.name.text(),
                    role=dialog.role.currentData(),
                    password=dialog.password.text(),
                    actor=self._ctx.actor,
                ),
            ):
                return

    @Slot()
    def open_password(self) -> None:
        record = self.selected()
        if record is None:
            return
        dialog = StaffDialog(self._ctx.lang, login=record.login, parent=self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self._saved(
                dialog,
                lambda: staff.change_password(
                    self._ctx.db, record.login, dialog.password.text(), actor=self._ctx.actor
                ),
            ):
                return

    def _saved(self, dialog: StaffDialog, save: Callable[[], StaffRecord]) -> bool:
        """Run `save` on the worker; a refusal stays in the dialog (shown again)."""
        if dialog.password.text() != dialog.again.text():
            dialog.show_error(UserError("password_mismatch").message(self._ctx.lang))
            return False
        try:
            self._ctx.runner.write_now(save, STAFF)
        except UserError as refusal:
            dialog.show_error(refusal.message(self._ctx.lang))
            return False
        self.refresh()
        return True

    def _on_selected(self, change: Change) -> None:
        record = self.selected()
        if record is None:
            return
        actor = self._ctx.actor
        self._ctx.write(
            lambda db: change(db, record.login, actor=actor),
            STAFF,
            on_done=lambda _record: self.refresh(),
            owner=self,
        )
