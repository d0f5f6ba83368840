"""A date typed the western or the era way, with the other form shown beside it.

Clerks copy dates from paper that may say 令和8年10月3日 or 2026/10/3; echoing the reading
(2026/10/03 ⇔ 令和8年10月3日) lets them see at once that R8 was taken as 2026. The box itself is
the desk's one date box (ui/widgets/date_field.py: yyyy/mm/dd once left, `+5` for 5 開庁日);
a due date also gets the +3/+5/+10 開庁日 buttons. The form sends the text as shown: the
service reads it with the same parser and names the field in its message when it cannot.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_app.domain.dates import format_wareki
from desktop_app.domain.errors import UserError
from desktop_app.ui.vocab import format_date
from desktop_app.ui.widgets.business_day_buttons import BusinessDayButtons
from desktop_app.ui.widgets.date_field import DateField as DateEdit
from desktop_app.ui.widgets.date_field import normalised


class DateField(QWidget):
    """The date box and the echo label; `changed` is emitted on every edit."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None, *, due: bool = False) -> None:
        super().__init__(parent)
        self.edit = DateEdit(label, self)
        self.edit.setPlaceholderText("2026/10/3, R8.10.3")
        self.echo = QLabel(self)
        self.echo.setObjectName("dateEcho")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.business_days = BusinessDayButtons(self.edit, self) if due else None
        if self.business_days is not None:
            layout.addWidget(self.business_days)
        layout.addWidget(self.echo, 1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._on_text_changed)

    def text(self) -> str:
        """What the form sends: a readable date as yyyy/mm/dd (`+5` resolved), else as typed."""
        return normalised(self.edit.text().strip())

    def set_text(self, value: str) -> None:
        """Show `value` (a record's ISO date, or a draft's text) as yyyy/mm/dd when readable."""
        self.edit.setText(normalised(value))

    def set_date(self, value: dt.date | None) -> None:
        self.edit.setText(format_date(value))

    def date(self) -> dt.date | None:
        """The date typed, or None when the field is empty or not a date."""
        try:
            return self.edit.value()
        except UserError:
            return None

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        value = self.date()
        if value is not None:
            self.echo.setText(f"{format_date(value)} ⇔ {_wareki(value)}")
        elif self.edit.text().strip():
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
