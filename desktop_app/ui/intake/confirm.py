"""Yes/no questions that do not block the event loop.

`open()` rather than `exec()` (as ui.errors does): worker results keep arriving while the box
is up, and a test finds the box by its object name and clicks a button, with no nested loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    name: str,
    title: str,
    question: str,
    on_yes: Callable[[], None],
    on_no: Callable[[], None] | None = None,
) -> QMessageBox:
    """Show `question`; `on_yes` runs on Yes, `on_no` on No or Esc. No is the default."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    # The answer comes from the result code, not from `box`: a callback that held the box
    # would keep its wrapper alive past the C++ object, which crashes on teardown.
    def answered(result: int) -> None:
        if result == QMessageBox.StandardButton.Yes.value:
            on_yes()
        elif on_no is not None:
            on_no()

    box.finished.connect(answered)
    box.open()
    return box
