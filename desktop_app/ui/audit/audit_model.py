"""The audit entries the viewer shows: pages of entries fetched on demand, newest first.

Holds only the entries fetched so far; `fetchMore` asks the service for the next page after
the last key shown (keyset paging, never OFFSET), so a trail of millions of entries opens at
once and grows as the view scrolls. Pages come back on the GUI thread through the runner;
a page for an older filter is dropped. GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop_app.domain import audit_kinds
from desktop_app.services import audit_trail
from desktop_app.services.audit_trail import AuditEntry, AuditFilter, AuditPage
from desktop_app.ui.context import AppContext

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class AuditModel(QAbstractTableModel):
    """Columns: 日時, 職員, 操作, 対象, 受付番号, 項目, 変更前, 変更後.

    `counted(int)` gives the number of all matches once the first page is in; `failed` the
    service's refusal (a role without Permission.AUDIT).
    """

    counted = Signal(int)
    failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = AuditFilter()
        self._entries: list[AuditEntry] = []
        self._count = 0
        self._generation = 0
        self._loading = False
        self.headers = (
            self.tr("日時"),
            self.tr("職員"),
            self.tr("操作"),
            self.tr("対象"),
            self.tr("受付番号"),
            self.tr("項目"),
            self.tr("変更前"),
            self.tr("変更後"),
        )

    @property
    def entries(self) -> tuple[AuditEntry, ...]:
        return tuple(self._entries)

    def set_filter(self, flt: AuditFilter) -> None:
        """Start again with `flt`: the first page and the count."""
        self._filter = flt
        self._generation += 1
        self.beginResetModel()
        self._entries = []
        self._count = 0
        self.endResetModel()
        self._load(first=True)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.headers[section] if 0 <= section < len(self.headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        entry = self._entries[index.row()]
        lang = self._ctx.lang
        values = (
            entry.at.strftime("%Y/%m/%d %H:%M:%S"),
            entry.staff,
            audit_kinds.action_label(entry.action, lang),
            audit_kinds.entity_label(entry.entity, lang),
            entry.receipt_no or "",
            entry.field_label(lang),
            entry.old_shown,
            entry.new_shown,
        )
        return values[index.column()]

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._loading and len(self._entries) < self._count

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._load(first=False)

    def _load(self, *, first: bool) -> None:
        self._loading = True
        generation = self._generation
        before = self._entries[-1].pk if self._entries else None
        actor, flt, lang = self._ctx.actor, self._filter, self._ctx.lang
        self._ctx.query(
            lambda db: audit_trail.list_entries(
                db, flt, before=before, with_count=first, lang=lang, actor=actor
            ),
            on_done=lambda page: self._arrived(page, generation, first),
            on_error=self._refused,
            owner=self,
        )

    def _arrived(self, page: AuditPage, generation: int, first: bool) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if first:
            self._count = page.count
            self.counted.emit(page.count)
        if page.items:
            start = len(self._entries)
            self.beginInsertRows(_ROOT, start, start + len(page.items) - 1)
            self._entries.extend(page.items)
            self.endInsertRows()

    def _refused(self, exc: BaseException) -> None:
        self._loading = False
        self.failed.emit(exc)
