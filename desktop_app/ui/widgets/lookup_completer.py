"""Completion of a line edit from a service lookup: 「くしろ」 offers 釧路市 and 釧路町.

Shared by the intake form's municipality picker and the list's place and agreement filters,
so every field that completes a master list behaves alike. The lookup runs on the window's
worker thread after a short typing pause; a reply for text that has since changed is dropped.
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from desktop_app.ui.context import AppContext

if TYPE_CHECKING:  # a window is built before SQLAlchemy is imported (start-up)
    from desktop_app.services.database import Database

DEBOUNCE_MS = 150
_ITEM = Qt.ItemDataRole.UserRole

Lookup = Callable[["Database", str], Sequence[Any]]


class LookupCompleter(QCompleter):
    """Offers `lookup(db, typed)` under `edit` as the clerk types; `picked(item)` on a choice.

    `offered(item)` is the line shown in the popup. The edit's text is left to the owner: the
    picker clears it, a filter shows the chosen name.
    """

    picked = Signal(object)

    def __init__(
        self,
        edit: QLineEdit,
        ctx: AppContext,
        lookup: Lookup,
        offered: Callable[[Any], str],
    ) -> None:
        super().__init__(edit)
        self._ctx = ctx
        self._edit = edit
        self._lookup = lookup
        self._offered = offered
        self._matches = QStandardItemModel(self)
        self.setModel(self._matches)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setWidget(edit)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        edit.textEdited.connect(self._timer.start)
        self._timer.timeout.connect(self._look_up)
        # The index overload of `activated` (the stubs do not know signals can be indexed).
        cast(Any, self.activated)[QModelIndex].connect(self._on_activated)

    @Slot()
    def _look_up(self) -> None:
        typed = self._edit.text().strip()
        if not typed:
            self._hide_popup()
            return
        lookup = self._lookup
        self._ctx.query(
            lambda db: lookup(db, typed),
            on_done=lambda found: self._on_found(typed, found),
            owner=self._edit,
        )

    def _on_found(self, typed: str, found: Sequence[Any]) -> None:
        if typed != self._edit.text().strip():
            return
        self._matches.clear()
        for value in found:
            item = QStandardItem(self._offered(value))
            item.setData(value, _ITEM)
            self._matches.appendRow(item)
        if found:
            self.complete()
        else:
            self._hide_popup()

    def _hide_popup(self) -> None:
        popup = self.popup()  # made by setModel above, so never None here
        if popup is not None:
            popup.hide()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        self.picked.emit(index.data(_ITEM))
