"""The action history (対応履歴) of one inquiry, oldest first, as a small table model.

A referral whose reply has not been logged reads 回答待ち, in red once its 回答期限 has passed.
The list is short (one case), so the model holds it whole. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from desktop_app.services.records import ActionRecord
from desktop_app.ui.inquiry_list.list_model import OVERDUE_TEXT
from desktop_app.ui.vocab import Vocab, format_date

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("action_date", "kind", "referred_to", "reply_due", "reply", "next_due", "staff", "note")


class ActionHistoryModel(QAbstractTableModel):
    """Rows of `set_actions`; `action_at(row)` gives the record behind a row."""

    def __init__(self, vocab: Vocab, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vocab = vocab
        self._actions: list[ActionRecord] = []
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

    def set_actions(self, actions: list[ActionRecord]) -> None:
        self.beginResetModel()
        self._actions = list(actions)
        self.endResetModel()

    def action_at(self, row: int) -> ActionRecord | None:
        return self._actions[row] if 0 <= row < len(self._actions) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._actions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        action = self.action_at(index.row()) if index.isValid() else None
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
