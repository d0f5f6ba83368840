"""The action history (対応履歴) of one inquiry, oldest first, as a small table model.

Three columns, so that 内容 gets the pane's remaining width and wraps (the pane is about
400 px wide beside the list): 日付, 種類 and 内容, whose cell carries the note and under it a
line of what else the action set: where a referral went, its 回答期限 and the reply
(回答待ち, in red once the deadline has passed), the next due date, who logged it.
The list is short (one case), so the model holds it whole. GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from desktop_app.domain.local_time import local_today
from desktop_app.services.records import ActionRecord
from desktop_app.ui.inquiry_list.list_model import OVERDUE_TEXT
from desktop_app.ui.style import tint
from desktop_app.ui.vocab import Vocab, format_date
from desktop_app.ui.widgets.held_rows_model import HeldRowsModel, Index

COLUMNS = ("action_date", "kind", "note")


class ActionHistoryModel(HeldRowsModel[ActionRecord]):
    """Rows of `set_rows`; `row_at(row)` gives the ActionRecord behind a row."""

    def __init__(self, vocab: Vocab, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self._vocab = vocab
        self._headers = (self.tr("日付"), self.tr("種類"), self.tr("内容"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        action = self.row_at(index.row()) if index.isValid() else None
        if action is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(action, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "note":
            return action.note or None
        if role == Qt.ItemDataRole.ForegroundRole and column == "note" and _late(action):
            return tint(OVERDUE_TEXT)
        return None

    def _text(self, action: ActionRecord, column: str) -> str:
        if column == "kind":
            return self._vocab.label("action_kind", action.kind)
        if column == "note":
            details = self.details(action)
            return f"{action.note}\n{details}" if details else action.note
        return format_date(action.action_date)

    def details(self, action: ActionRecord) -> str:
        """The line under the note: referral, reply, next due date, staff (what is set)."""
        parts = []
        if action.referred_to:
            parts.append(self.tr("紹介先 {0}").format(action.referred_to))
        if action.reply_due is not None:
            parts.append(self.tr("回答期限 {0}").format(format_date(action.reply_due)))
        if _late(action):  # said in words, not by the red alone
            parts.append(self.tr("回答待ち（期限超過）"))
        elif action.awaiting_reply:
            parts.append(self.tr("回答待ち"))
        elif action.replied_on is not None:
            parts.append(self.tr("回答 {0}").format(format_date(action.replied_on)))
        if action.next_due is not None:
            parts.append(self.tr("次回期限 {0}").format(format_date(action.next_due)))
        if action.staff:
            parts.append(self.tr("担当 {0}").format(self._vocab.staff_name(action.staff)))
        return self.tr("　").join(parts)  # an ideographic space between parts; " · " in English


def _late(action: ActionRecord) -> bool:
    return (
        action.awaiting_reply and action.reply_due is not None and action.reply_due < local_today()
    )
