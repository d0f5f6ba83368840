"""The side-by-side view in a dialog: what to do when a row was changed on both sides.

The dialog only asks; the caller saves (`chosen(take_theirs)` after OK). Cancel saves nothing
and leaves the caller's input as it was. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.merge import FieldConflict
from desktop_app.ui.widgets.conflict_view import ConflictView, Labels, Sides


class ConflictDialog(QDialog):
    """`explanation` above the view; `chosen(list)` carries the keys that take theirs."""

    chosen = Signal(list)

    def __init__(
        self,
        title: str,
        explanation: str,
        keys: Sequence[str],
        ours: Mapping[str, Any],
        theirs: Mapping[str, Any],
        conflicts: Iterable[FieldConflict],
        *,
        sides: Sides,
        labels: Labels,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(title)
        self.intro = QLabel(explanation, self)
        self.intro.setWordWrap(True)
        self.view = ConflictView(
            keys, ours, theirs, conflicts, sides=sides, labels=labels, lang=lang, parent=self
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("この内容で保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        QWidget.setTabOrder(self.view.focus_last(), ok)
        open_keys = self.view.conflict_keys()
        if open_keys:  # the first choice to make, not the bulk buttons above it
            self.view.choice_buttons(open_keys[0])[0].setFocus()
        self.resize(1000, 640)

    @Slot()
    def _on_ok(self) -> None:
        self.accept()
        self.chosen.emit(self.view.take_theirs())
