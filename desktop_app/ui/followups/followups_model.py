"""対応予定 as a table model: due date, what is due, the case, how late.

The list is bounded (services.followups caps it), so the model holds it whole. Overdue rows are
tinted and their date is red, as in the inquiry list. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from desktop_app.domain.local_time import local_today
from desktop_app.services.followups import FollowUpRow
from desktop_app.ui.inquiry_list.list_model import OVERDUE_BACKGROUND, OVERDUE_TEXT
from desktop_app.ui.style import tint
from desktop_app.ui.vocab import Vocab, format_date
from desktop_app.ui.widgets.held_rows_model import HeldRowsModel, Index

COLUMNS = ("due", "when", "reason", "receipt_no", "subject", "inquirer", "referred_to", "status")


class FollowUpModel(HeldRowsModel[FollowUpRow]):
    """Rows of `set_rows(rows, today)`; `row_at(row)` gives the FollowUpRow behind a row."""

    def __init__(self, vocab: Vocab, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self._vocab = vocab
        self._today = local_today()
        self._headers = (
            self.tr("期限"),
            self.tr("残り"),
            self.tr("区分"),
            self.tr("受付番号"),
            self.tr("件名"),
            self.tr("相談者"),
            self.tr("紹介先"),
            self.tr("状況"),
        )

    def set_rows(self, rows: Sequence[FollowUpRow], today: dt.date | None = None) -> None:
        """`today` is the day lateness is counted from (the service's, so both agree)."""
        self._today = today or local_today()
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if row.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return tint(OVERDUE_BACKGROUND)
        if row.overdue and role == Qt.ItemDataRole.ForegroundRole and column in ("due", "when"):
            return tint(OVERDUE_TEXT)
        return None

    def samples(self) -> dict[str, str]:
        """Texts as wide as the fixed-wording columns get, in the current language."""
        return {
            "when": self._when(self._today - dt.timedelta(days=999)),
            "reason": max(self.tr("回答待ち"), self.tr("次回対応"), key=len),
        }

    def _text(self, row: FollowUpRow, column: str) -> str:
        if column == "due":
            return format_date(row.due)
        if column == "when":
            return self._when(row.due)
        if column == "reason":
            return self.tr("回答待ち") if row.reason == "reply" else self.tr("次回対応")
        if column == "inquirer":
            return row.inquirer_label
        if column == "status":
            return self._vocab.label("status", row.status)
        return str(getattr(row, column))

    def _when(self, due: dt.date) -> str:
        days = (due - self._today).days
        if days < 0:
            return self.tr("{0}日超過").format(-days)
        if days == 0:
            return self.tr("本日")
        return self.tr("あと{0}日").format(days)
