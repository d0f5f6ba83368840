"""The action history (対応履歴) of one inquiry, oldest first, as a small table model.

A referral whose reply has not been logged reads 回答待ち, in red once its 回答期限 has passed.
The list is short (one case), so the model holds it whole. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush

from desktop_app.services.records import ActionRecord
from desktop_app.ui.inquiry_list.list_model import OVERDUE_TEXT
from desktop_app.ui.vocab import Vocab, format_date
from desktop_app.ui.widgets.held_rows_model import HeldRowsModel, Index

COLUMNS = ("action_date", "kind", "referred_to", "reply_due", "reply", "next_due", "staff", "note")


class ActionHistoryModel(HeldRowsModel[ActionRecord]):
    """Rows of `set_rows`; `row_at(row)` gives the ActionRecord behind a row."""

    def __init__(self, vocab: Vocab, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self._vocab = vocab
        self._headers = (
            self.tr("日付"),
            self.tr("種類"),
            self.tr("紹介先"),
            self.tr("回答期限"),
            self.tr("回答"),
            self.tr("次回期限"),
            self.tr("担当"),
            self.tr("内容"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        action = self.row_at(index.row()) if index.isValid() else None
        if action is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(action, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "note":
            return action.note or None
        if role == Qt.ItemDataRole.ForegroundRole and column == "reply" and _late(action):
            return QBrush(OVERDUE_TEXT)
        return None

    def _text(self, action: ActionRecord, column: str) -> str:
        if column == "kind":
            return self._vocab.label("action_kind", action.kind)
        if column == "reply":
            if action.awaiting_reply:
                return self.tr("回答待ち")
            return format_date(action.replied_on)
        value = getattr(action, column)
        return format_date(value) if isinstance(value, dt.date) else str(value or "")


def _late(action: ActionRecord) -> bool:
    return (
        action.awaiting_reply
        and action.reply_due is not None
        and action.reply_due < dt.date.today()
    )
