"""A date typed the way the desk writes it: 2026/10/3, R8.10.3, 令和8年10月3日, or +5.

Reading follows `domain.dates.parse_date`; `+N` (half- or full-width) means N 開庁日 from today
(`domain.business_days`), the keyboard's way to the +3/+5/+10 buttons. Once the field is left,
the text is rewritten as yyyy/mm/dd, the one date format of every screen, and the 和暦 is shown
in the tooltip. An unreadable text is marked and reads as invalid, so a dialog can refuse it
with the domain's message. The box is wide enough for the longest way a date is typed
(令和８年１２月１５日). Focus given by the keyboard or by the program (Tab, Ctrl+N landing on
受付日) selects the date, so the clerk types over it instead of after it; a click still places
the cursor where it lands. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.domain.business_days import add_business_days
from desktop_app.domain.dates import DateParseError, format_wareki, parse_date
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.ui.vocab import format_date

_BUSINESS_DAYS = re.compile(r"^\+(\d{1,2})$")
_WIDEST = "令和８年１２月１５日"
_TYPED_OVER = {
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.OtherFocusReason,
}


def read_date(text: str, label: str) -> dt.date | None:
    """`text` as a date (None when blank); UserError naming `label` when it is not one."""
    typed = text.strip()
    if not typed:
        return None
    try:
        return parse_date(expand_business_days(typed))
    except DateParseError as exc:
        raise UserError(exc.code, label=label, value=typed) from exc


def expand_business_days(text: str, today: dt.date | None = None) -> str:
    """`+N` as the date N 開庁日 after today (yyyy/mm/dd); any other text as it is."""
    found = _BUSINESS_DAYS.match(unicodedata.normalize("NFKC", text.strip()))
    if found is None or int(found.group(1)) == 0:
        return text
    return format_date(add_business_days(today or local_today(), int(found.group(1))))


def normalised(text: str) -> str:
    """A readable date as yyyy/mm/dd; anything else (blank, unreadable) as typed."""
    try:
        return format_date(read_date(text, ""))
    except UserError:
        return text


class DateField(QLineEdit):
    """A line edit holding an optional date; `value()` raises UserError for unreadable text."""

    def __init__(self, label: str, parent: QWidget | None = None, *, at: str | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self.setAccessibleName(label)  # what a screen reader says (docs/accessibility.md)
        self._at = at  # the contract key its errors are about, so a dialog can place them
        self.setPlaceholderText(self.tr("例: 2026/10/3, R8.10.3"))
        self.setMaxLength(20)
        margins = self.textMargins()
        self.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(_WIDEST) + margins.left() + margins.right() + 28
        )
        self.editingFinished.connect(self._normalise)

    def value(self) -> dt.date | None:
        """The date typed, None when empty; UserError(date_format/date_invalid) otherwise."""
        try:
            return read_date(self.text(), self._label)
        except UserError as exc:
            exc.at = exc.at or self._at
            raise

    def set_value(self, value: dt.date | None) -> None:
        self.setText(format_date(value))
        self._show_state(value)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        if event.reason() in _TYPED_OVER:
            self.selectAll()

    @Slot()
    def _normalise(self) -> None:
        try:
            value = self.value()
        except UserError:
            self.setProperty("invalid", True)
            self.setToolTip(self.tr("日付が読めません"))
            self._restyle()
            return
        if format_date(value) != self.text():
            self.set_value(value)
        else:
            self._show_state(value)

    def _show_state(self, value: dt.date | None) -> None:
        self.setProperty("invalid", False)
        self.setToolTip(format_wareki(value) if value else "")
        self._restyle()

    def _restyle(self) -> None:
        # A dynamic property only takes effect in the style sheet after a re-polish.
        self.style().unpolish(self)
        self.style().polish(self)
