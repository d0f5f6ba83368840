"""対応予定: what is due within the chosen number of days, and what is already late.

Double-clicking a line (or Enter) asks the window to open that case (`openRequested`).
Loads on the DbRunner; GUI thread only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.local_time import local_today
from desktop_app.services import followups
from desktop_app.services.database import Database
from desktop_app.services.followups import FollowUpRow
from desktop_app.ui.context import AppContext
from desktop_app.ui.followups.followups_model import COLUMNS, FollowUpModel
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.columns import fit_columns, fixed_rows

_SAMPLES = {
    "due": "2026/10/10",
    "receipt_no": "SHIBAURA-2026-00000",
    "subject": "商店街の物産展に出店したい自治体を探している",
    "inquirer": "株式会社みなと商事 佐藤 花子",
    "referred_to": "交流自治体：いわき市（福島県）",
    "status": "情報提供で完了",
}


def _load(db: Database, today: dt.date, within_days: int) -> tuple[list[FollowUpRow], int]:
    """The lines, and the overdue count as 受付一覧 counts it (not capped by the list's limit)."""
    rows = followups.due_followups(db, today, within_days=within_days)
    return rows, followups.start_counts(db, today)[1]


class FollowUpsPage(QWidget):
    """The 対応予定 screen; call `refresh()` to read the list again."""

    openRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = FollowUpModel(ctx.vocab, self)
        self.summary = QLabel(self, objectName="followupSummary")
        self.within = QComboBox(self, objectName="withinDays")
        for days in (7, 14, 30):
            self.within.addItem(self.tr("{0}日以内").format(days), days)
        self.within.currentIndexChanged.connect(self.refresh)
        reload_button = QPushButton(self.tr("再読込"), self)
        reload_button.clicked.connect(self.refresh)
        self.table = QTableView(self, objectName="followupTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.setModel(self.model)
        accessible.name(self.table, self.tr("対応予定"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        fixed_rows(self.table)
        samples = {**_SAMPLES, **self.model.samples()}
        fit_columns(self.table, [samples[name] for name in COLUMNS])
        self.table.activated.connect(self._activated)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("範囲"), self))
        top.addWidget(self.within)
        top.addWidget(reload_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    @Slot()
    def refresh(self) -> None:
        today = local_today()
        within = self.within.currentData()
        self._ctx.query(
            lambda db: _load(db, today, within),
            on_done=lambda loaded: self._show(loaded[0], loaded[1], today),  # rows, overdue
            owner=self,
            background=True,
        )

    def _show(self, rows: list[FollowUpRow], overdue: int, today: dt.date) -> None:
        self.model.set_rows(rows, today)
        shown = f"{len(rows):,}"
        if len(rows) >= followups.DEFAULT_LIMIT:
            shown = self.tr("先頭 {0}").format(shown)  # the service stops at its limit
        self.summary.setText(self.tr("{0}件（うち期限超過 {1}件）").format(shown, f"{overdue:,}"))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.openRequested.emit(row.receipt_no)
