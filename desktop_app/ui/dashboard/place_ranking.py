"""The partner municipalities of a period, the most asked first, beside the map.

At most RANKED rows (the dashboard's list is short by nature: a ranking); a click, or Enter or
Space on the row chosen with the arrows, emits `clicked(Place)`, as a click on the map does.
Tabbing in puts the first row current, so the arrows start from the top. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.domain.report_figures import Place
from desktop_app.ui.widgets import accessible

RANKED = 15


class PlaceRanking(QTableWidget):
    """`show_places(places)`; `clicked(Place)`."""

    clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("placeRanking")
        accessible.name(self, self.tr("自治体別の件数（上位）"))
        self.setHorizontalHeaderLabels([self.tr("順位"), self.tr("自治体"), self.tr("件数")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._places: tuple[Place, ...] = ()
        self.cellClicked.connect(self._chosen)

    def show_places(self, places: Sequence[Place]) -> None:
        self._places = tuple(places[:RANKED])
        self.setRowCount(len(self._places))
        for row, place in enumerate(self._places):
            rank = 1 + sum(1 for p in self._places if p.count > place.count)  # ties share
            for column, text in enumerate((str(rank), place.full_name, f"{place.count:,}")):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, column, item)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._chosen(self.currentRow(), 0)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.currentRow() < 0 and self.rowCount() > 0:
            self.setCurrentCell(0, 1)

    def place(self, row: int) -> Place:
        return self._places[row]

    @Slot(int, int)
    def _chosen(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._places):
            self.clicked.emit(self._places[row])
