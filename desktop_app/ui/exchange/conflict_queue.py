"""競合: the open sync conflicts, and resolving one in the side-by-side dialog.

One line per conflict (its number, receipt number, kind of row, the office it came from and
the fields in conflict). Enter or a double click on a line, or 比べて選ぶ…, opens the dialog;
its choice is resolved as keep ours with the fields chosen as theirs, which the service
audits and sends back in the next package to that office. `countChanged(n)` after every
read, for the navigation's 「取込・送付（競合 n）」. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import fields
from desktop_app.domain.changes import CASES, Changes, Kind
from desktop_app.services import conflicts
from desktop_app.services.conflicts import ConflictRecord, ConflictVersions
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.exchange.sync_conflict import (
    ask_resolution,
    entity_label,
    in_catalogue_order,
    qualified,
)
from desktop_app.ui.widgets import accessible


class ConflictQueue(QGroupBox):
    """`refresh()` reads the queue; `open_conflict(id)` opens the dialog; `resolved(id)`."""

    countChanged = Signal(int)  # noqa: N815 (Qt signal naming)
    resolved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("競合（両方で変わった項目）"), parent)
        self._ctx = ctx
        self.table = QTreeWidget(self, objectName="conflictTable")
        self.table.setRootIsDecorated(False)
        accessible.name(self.table, self.title())
        headings = (self.tr("番号"), self.tr("受付番号"), self.tr("種類"), self.tr("送付元"))
        self.table.setHeaderLabels([*headings, self.tr("項目")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemActivated.connect(lambda item, _column: self._open_item(item))
        self.open_button = QPushButton(self.tr("比べて選ぶ…"), self, objectName="conflictOpen")
        self.open_button.setAutoDefault(True)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self._open_item(self.table.currentItem()))
        self.empty = QLabel(self.tr("未解決の競合はありません。"), self, objectName="conflictEmpty")
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    @Slot()
    def refresh(self) -> None:
        actor = self._ctx.actor
        self._ctx.query(
            lambda db: conflicts.list_conflicts(db, actor=actor), on_done=self._show, owner=self
        )

    def open_conflict(self, conflict_id: int) -> None:
        actor = self._ctx.actor
        self._ctx.query(
            lambda db: conflicts.conflict_versions(db, conflict_id, actor=actor),
            on_done=self._ask,
            owner=self,
        )

    def _show(self, found: list[ConflictRecord]) -> None:
        self.table.clear()
        lang = self._ctx.lang
        for record in found:
            ordered = in_catalogue_order(record.entity, [item.field for item in record.fields])
            keys = [qualified(record.entity, key) for key in ordered]
            names = (", " if lang.startswith("en") else "、").join(
                fields.label_in(key, lang) for key in keys
            )
            item = QTreeWidgetItem(
                self.table,
                [
                    str(record.id),
                    record.receipt_no or "",
                    entity_label(record.entity),
                    self._ctx.vocab.office(record.peer),
                    names,
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, record.id)
        if found and (first := self.table.topLevelItem(0)) is not None:
            self.table.setCurrentItem(first)
        self.open_button.setEnabled(bool(found))
        self.empty.setVisible(not found)
        self.countChanged.emit(len(found))

    def _open_item(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.open_conflict(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def _ask(self, versions: ConflictVersions) -> None:
        conflict_id = versions.record.id
        ask_resolution(self._ctx, self, versions, lambda taken: self._resolve(conflict_id, taken))

    def _resolve(self, conflict_id: int, taken: list[str]) -> None:
        actor = self._ctx.actor
        self._ctx.write(
            lambda db: conflicts.resolve_conflict(
                db, conflict_id, keep="ours", take=taken, actor=actor
            ),
            CASES | Changes.of(Kind.CONFLICTS),  # the list and the count hear of it
            on_done=lambda _record: self._resolved(conflict_id),
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        """Resolved meanwhile in another window, say: tell, and show the queue as it is."""
        show_error(self, exc, self._ctx.lang)
        self.refresh()

    def _resolved(self, conflict_id: int) -> None:
        """The queue is read again by the screen's watch (the write announced CONFLICTS)."""
        self.resolved.emit(conflict_id)
        self.table.setFocus()
