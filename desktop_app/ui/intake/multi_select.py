"""Several codes of one list at once (連携分野, 協働の形態, 協定先), as checkable chips.

One Tab stop for the whole list: arrows move between entries and Space ticks one, so a clerk
crosses a 16-entry list without sixteen Tab presses. A click anywhere on an entry, its label
as well as its box, ticks or unticks it, as a checkbox's label does (the list view by itself
only ticks on the box). Entries wrap left to right, and the list grows as tall as its
entries, so every choice is visible without scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

_CODE = Qt.ItemDataRole.UserRole


class MultiSelect(QListWidget):
    """Checkable entries; `changed` is emitted whenever a tick changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemChanged.connect(self._on_item_changed)
        self.itemClicked.connect(self._toggle)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        ticked = set(self.codes())
        self.blockSignals(True)
        self.clear()
        for code, label in choices:
            item = QListWidgetItem(label, self)
            item.setData(_CODE, code)
            # Not ItemIsUserCheckable: the view would tick on the box only; _toggle ticks on
            # any click and on Space. The box is drawn from the check state all the same.
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in ticked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def codes(self) -> list[str]:
        return [item.data(_CODE) for item in self._items() if _ticked(item)]

    def set_codes(self, codes: list[str]) -> None:
        wanted = set(codes)
        self.blockSignals(True)
        for item in self._items():
            state = Qt.CheckState.Checked if item.data(_CODE) in wanted else Qt.CheckState.Unchecked
            item.setCheckState(state)
        self.blockSignals(False)
        self.changed.emit()

    def updateGeometries(self) -> None:  # noqa: N802 (Qt's name)
        """After each layout pass: exactly as tall as the wrapped rows, so nothing scrolls."""
        super().updateGeometries()
        height = self.contentsSize().height() + 2 * self.frameWidth() + 2
        if self.count() and height != self.height():
            self.setFixedHeight(height)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Space and item is not None:
            self._toggle(item)
            return
        super().keyPressEvent(event)

    @Slot(QListWidgetItem)
    def _toggle(self, item: QListWidgetItem) -> None:
        item.setCheckState(Qt.CheckState.Unchecked if _ticked(item) else Qt.CheckState.Checked)

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    @Slot(QListWidgetItem)
    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self.changed.emit()


def _ticked(item: QListWidgetItem) -> bool:
    return item.checkState() == Qt.CheckState.Checked
