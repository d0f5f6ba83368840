"""A drop-down of one vocabulary that reads and writes codes, not labels.

The master lists are data (the central office edits them), so the choices arrive from the
database at run time; the form only ever handles the stable codes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget


class CodeCombo(QComboBox):
    """`optional` adds a blank first entry meaning "not given" (code None)."""

    def __init__(self, *, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if self._optional:
            self.addItem("—", None)
        for code, label in choices:
            self.addItem(label, code)
        self.blockSignals(False)
        self.set_code(current)

    def code(self) -> str | None:
        value = self.currentData()
        return value if isinstance(value, str) else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code is not None else -1
        self.setCurrentIndex(max(index, 0))
