"""A line edit that holds one item chosen from a master list by completion (a filter's place).

Typing offers matches (widgets.lookup_completer); choosing one shows its name and makes it the
value. Editing the text afterwards drops the value until another is chosen, so what the field
shows is never mistaken for a condition that is not applied. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets.lookup_completer import Lookup, LookupCompleter


class LookupEdit(QLineEdit):
    """`value()` is the chosen item or None; `valueChanged` when that changes.

    `offered(item)` is the popup line, `shown(item)` the text the field keeps once chosen.
    """

    valueChanged = Signal()

    def __init__(
        self,
        ctx: AppContext,
        lookup: Lookup,
        *,
        offered: Callable[[Any], str],
        shown: Callable[[Any], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._value: Any = None
        self._shown = shown
        self.setClearButtonEnabled(True)
        self.suggestions = LookupCompleter(self, ctx, lookup, offered)
        self.suggestions.picked.connect(self._on_picked)
        self.textEdited.connect(self._on_edited)
        self.textChanged.connect(self._on_text)

    def value(self) -> Any:
        return self._value

    def set_value(self, item: Any) -> None:
        """Hold `item` as if it had been chosen (a chart's place), without a signal."""
        self._value = item
        self.blockSignals(True)
        self.setText(self._shown(item))
        self.blockSignals(False)

    def clear_value(self) -> None:
        """Empty, without a signal (the filter bar clears every condition at once)."""
        self._value = None
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)

    @Slot(object)
    def _on_picked(self, item: Any) -> None:
        self._value = item
        self.setText(self._shown(item))
        self.valueChanged.emit()

    @Slot(str)
    def _on_edited(self, _text: str) -> None:
        if self._value is not None:
            self._value = None
            self.valueChanged.emit()

    @Slot(str)
    def _on_text(self, text: str) -> None:
        """The clear button empties the text without an edit: the value goes with it."""
        if not text and self._value is not None:
            self._value = None
            self.valueChanged.emit()
