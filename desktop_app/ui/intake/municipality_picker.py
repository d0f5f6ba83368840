"""Choosing target municipalities by kanji, kana or code, from the national code list.

「くしろ」 offers 釧路市 and 釧路町: the clerk rarely knows the 6-digit code and often hears the
name over the phone, so completion runs on what is typed, through services.lookup on the
worker thread (debounced), and the chosen ones stay visible as removable entries.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lookup
from desktop_app.services.lookup import MunicipalityItem
from desktop_app.ui.context import AppContext

_CODE = Qt.ItemDataRole.UserRole
_SHOWN = Qt.ItemDataRole.UserRole.value + 1
_DEBOUNCE_MS = 150


class MunicipalityPicker(QWidget):
    """A search field with completion above the chosen municipalities.

    Delete or Backspace (or a double click) takes the current entry off the list. `changed`
    is emitted when the chosen list changes. Lookups run on `ctx.runner`; a result for text
    that has since changed is dropped.
    """

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("自治体名・よみ・コードで検索"))
        self._matches = QStandardItemModel(self)
        self.completer = QCompleter(self._matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.search)
        self.chosen = QListWidget(self)
        self.chosen.setObjectName("chosenMunicipalities")
        self.chosen.setFlow(QListView.Flow.LeftToRight)
        self.chosen.setWrapping(True)
        self.chosen.setResizeMode(QListView.ResizeMode.Adjust)
        self.chosen.setSpacing(2)
        self.chosen.setFixedHeight(self.fontMetrics().height() * 2 + 14)
        self.chosen.setToolTip(self.tr("Delete キーまたはダブルクリックで外します"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.search)
        self.search.textEdited.connect(self._timer.start)
        self._timer.timeout.connect(self._look_up)
        self.completer.activated[QModelIndex].connect(self._on_chosen)
        self.chosen.itemDoubleClicked.connect(self._remove)
        self.chosen.installEventFilter(self)
        self._update_focus()

    def codes(self) -> list[str]:
        return [code for code, _ in self.entries()]

    def entries(self) -> list[tuple[str, str]]:
        """(code, shown text) of each chosen municipality, in the order chosen."""
        return [(item.data(_CODE), item.data(_SHOWN)) for item in self._items()]

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        self.chosen.clear()
        for code, shown in entries:
            self._add(code, shown)
        self._update_focus()
        self.changed.emit()

    def set_codes(self, codes: list[str]) -> None:
        """Show `codes` (an inquiry being edited) at once; their names follow from the lookup."""
        self.set_entries([(code, code) for code in codes])
        if codes:
            self._ctx.runner.run(
                lookup.municipalities_by_code,
                self._ctx.db,
                list(codes),
                on_done=self._on_named,
                owner=self,
            )

    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001 (Qt's signature)
        if (
            watched is self.chosen
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.chosen.currentItem() is not None
        ):
            self._remove(self.chosen.currentItem())
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _look_up(self) -> None:
        typed = self.search.text().strip()
        if not typed:
            self.completer.popup().hide()
            return
        self._ctx.runner.run(
            lookup.search_municipalities,
            self._ctx.db,
            typed,
            on_done=lambda found: self._on_found(typed, found),
            owner=self,
        )

    def _on_found(self, typed: str, found: list[MunicipalityItem]) -> None:
        if typed != self.search.text().strip():
            return
        self._matches.clear()
        for municipality in found:
            item = QStandardItem(f"{municipality.display}  {municipality.code}")
            item.setData(municipality.code, _CODE)
            item.setData(municipality.display, _SHOWN)
            self._matches.appendRow(item)
        if found:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _on_named(self, named: list[MunicipalityItem]) -> None:
        self.set_entries([(m.code, m.display) for m in named])

    @Slot(QModelIndex)
    def _on_chosen(self, index: QModelIndex) -> None:
        code = index.data(_CODE)
        if code not in self.codes():
            self._add(code, index.data(_SHOWN))
            self._update_focus()
            self.changed.emit()
        self.search.clear()

    @Slot(QListWidgetItem)
    def _remove(self, item: QListWidgetItem) -> None:
        self.chosen.takeItem(self.chosen.row(item))
        self._update_focus()
        self.changed.emit()

    def _add(self, code: str, shown: str) -> None:
        item = QListWidgetItem(f"{shown} ✕", self.chosen)
        item.setData(_CODE, code)
        item.setData(_SHOWN, shown)
        item.setToolTip(code)

    def _items(self) -> list[QListWidgetItem]:
        return [self.chosen.item(row) for row in range(self.chosen.count())]

    def _update_focus(self) -> None:
        """The chosen list is shown, and a Tab stop, only when it has something to remove."""
        has_items = self.chosen.count() > 0
        self.chosen.setVisible(has_items)
        policy = Qt.FocusPolicy.StrongFocus if has_items else Qt.FocusPolicy.ClickFocus
        self.chosen.setFocusPolicy(policy)
