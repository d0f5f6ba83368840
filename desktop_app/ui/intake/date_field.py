"""A date typed the western or the era way, with the other form shown beside it.

Clerks copy dates from paper that may say 令和8年10月3日 or 2026/10/3; echoing the reading
(2026/10/03 ⇔ 令和8年10月3日) lets them see at once that R8 was taken as 2026. The text as
typed is what the form sends: the service reads it with the same parser and names the field
in its message when it cannot.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain.dates import DateParseError, format_wareki, parse_date


class DateField(QWidget):
    """A line edit and the echo label; `changed` is emitted on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("2026/10/3, R8.10.3")
        self.edit.setMaximumWidth(150)
        self.echo = QLabel(self)
        self.echo.setObjectName("dateEcho")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.echo, 1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._on_text_changed)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, value: str) -> None:
        self.edit.setText(value)

    def set_date(self, value: dt.date | None) -> None:
        self.edit.setText("" if value is None else value.strftime("%Y/%m/%d"))

    def date(self) -> dt.date | None:
        """The date typed, or None when the field is empty or not a date."""
        try:
            return parse_date(self.text()) if self.text() else None
        except (DateParseError, ValueError):
            return None

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        value = self.date()
        if value is not None:
            self.echo.setText(f"{value.strftime('%Y/%m/%d')} ⇔ {_wareki(value)}")
        elif self.text():
            self.echo.setText(self.tr("日付として読めません"))
        else:
            self.echo.clear()
        self.changed.emit()


def _wareki(value: dt.date) -> str:
    """The era form, or nothing for dates before the eras the domain supports."""
    try:
        return format_wareki(value)
    except ValueError:
        return ""
