"""Choosing target municipalities by kanji, kana or code, from the national code list.

「くしろ」 offers 釧路市 and 釧路町: the clerk rarely knows the 6-digit code and often hears the
name over the phone, so completion runs on what is typed (widgets.lookup_completer, shared
with the list's place filter), and the chosen ones stay visible as removable entries.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
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
from desktop_app.ui.widgets.lookup_completer import LookupCompleter

_CODE = Qt.ItemDataRole.UserRole
_SHOWN = Qt.ItemDataRole.UserRole.value + 1


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
        self.completer = LookupCompleter(
            self.search, ctx, lookup.search_municipalities, lambda m: f"{m.display}  {m.code}"
        )
        self.chosen = QListWidget(self)
        self.chosen.setObjectName("chosenMunicipalities")
        self.chosen.setFlow(QListView.Flow.LeftToRight)
        self.chosen.setWrapping(True)
        self.chosen.setResizeMode(QListView.ResizeMode.Adjust)
        self.chosen.setSpacing(2)
        self.chosen.setFixedHeight(self.fontMetrics().height() * 2 + 14)
        self.chosen.setToolTip(self.tr("Delete キーまたはダブルクリックで外します"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.search)
        self.completer.picked.connect(self._on_chosen)
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
            wanted = list(codes)
            self._ctx.query(
                lambda db: lookup.municipalities_by_code(db, wanted),
                on_done=self._on_named,
                owner=self,
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
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

    def _on_named(self, named: list[MunicipalityItem]) -> None:
        self.set_entries([(m.code, m.display) for m in named])

    @Slot(object)
    def _on_chosen(self, municipality: MunicipalityItem) -> None:
        if municipality.code not in self.codes():
            self._add(municipality.code, municipality.display)
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
