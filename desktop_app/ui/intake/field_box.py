"""A form field with room for its own error message right under it.

docs/architecture.md ("Layers"): a refused save says what is wrong next to the field it names, so
the clerk's eyes need not leave the form for a message box. The message goes as soon as the
field is edited: a message left beside a corrected field would send the clerk looking for a
mistake that is gone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.ui.widgets import accessible

# The signal each kind of field emits on an edit: the form's own widgets (`changed`), line and
# text edits, drop-downs.
_EDIT_SIGNALS = ("changed", "textChanged", "currentIndexChanged")


class FieldBox(QWidget):
    """`field` as given, and a red message label hidden until `set_error`.

    `cleared` when an edit of the field took its message away.
    """

    cleared = Signal()

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setProperty("tone", "error")  # coloured by ui/style.py
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)
        # Focus given to the box goes on to the field (setFocus, focusInEvent). Not a focus
        # proxy: with one, Qt's Tab from the field jumps to where the box stands in the focus
        # chain, which broke the Tab order of dialogs whose fields were built before their boxes.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Slack in a group goes below its last row, not between a label and its field.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        signal = next(getattr(field, name) for name in _EDIT_SIGNALS if hasattr(field, name))
        signal.connect(self._on_edited)

    def set_error(self, message: str) -> None:
        accessible.say(self.error, message, "error")
        self.error.setVisible(bool(message))

    def setFocus(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:  # noqa: N802
        """Focus the field (also while the window is not active, when no focus event comes)."""
        self.field.setFocus(reason)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        self.field.setFocus(event.reason())

    def has_error(self) -> bool:
        return bool(self.error.text())

    @Slot()
    def _on_edited(self) -> None:
        if self.has_error():
            self.set_error("")
            self.cleared.emit()
