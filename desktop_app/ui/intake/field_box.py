"""A form field with room for its own error message right under it.

docs/architecture.md ("Layers"): a refused save says what is wrong next to the field it names, so
the clerk's eyes need not leave the form for a message box.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget


class FieldBox(QWidget):
    """`field` as given, and a red message label hidden until `set_error`."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)
        self.setFocusProxy(field)
        # Slack in a group goes below its last row, not between a label and its field.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
