"""The dashboard's period: this month, this fiscal year, or two dates typed.

`periodChanged(Period)` fires when a choice is made, or when 表示 is pressed for dates typed;
dates that cannot make a period (one missing, unreadable, or the end before the start) are
refused with the domain's message beside the boxes and emit nothing. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.domain.dates import fiscal_year
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.domain.report_figures import Period
from desktop_app.ui.widgets.date_field import DateField

MONTH, FISCAL_YEAR, CUSTOM = "month", "fiscal_year", "custom"


class PeriodPicker(QWidget):
    """`period()` is the period shown; `periodChanged(Period)` when it changes."""

    periodChanged = Signal(object)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.choice = QComboBox(self, objectName="dashboardPeriod")
        self.choice.addItem(self.tr("今月"), MONTH)
        self.choice.addItem(self.tr("今年度"), FISCAL_YEAR)
        self.choice.addItem(self.tr("期間を指定"), CUSTOM)
        self.date_from = DateField(self.tr("開始日"), self)
        self.date_to = DateField(self.tr("終了日"), self)
        self.date_from.setPlaceholderText(self.tr("開始日"))
        self.date_to.setPlaceholderText(self.tr("終了日"))
        self.show_button = QPushButton(self.tr("表示"), self, objectName="dashboardShow")
        self.message = QLabel(self, objectName="dashboardPeriodError")
        self.message.setProperty("tone", "error")  # coloured by ui/style.py
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.choice, self.date_from, QLabel("〜", self), self.date_to):
            layout.addWidget(widget)
        layout.addWidget(self.show_button)
        layout.addWidget(self.message, 1)
        self._period = self._preset(MONTH)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.show_button.clicked.connect(self._custom)
        self.date_to.returnPressed.connect(self._custom)
        self._show_dates()

    def period(self) -> Period:
        return self._period

    @Slot()
    def _chosen(self) -> None:
        kind = self.choice.currentData()
        custom = kind == CUSTOM
        for widget in (self.date_from, self.date_to, self.show_button):
            widget.setEnabled(custom)
        if custom:
            self.date_from.setFocus()
            return
        self._set(self._preset(kind))

    @Slot()
    def _custom(self) -> None:
        try:
            first, last = self.date_from.value(), self.date_to.value()
            if first is None or last is None:
                raise UserError("period_dates_missing")
            period = Period.custom(first, last)
        except UserError as exc:
            self.message.setText(exc.message(self._lang))
            return
        self._set(period)

    def _set(self, period: Period) -> None:
        self.message.clear()
        if period != self._period:
            self._period = period
            self._show_dates()
            self.periodChanged.emit(period)

    def _show_dates(self) -> None:
        custom = self.choice.currentData() == CUSTOM
        if not custom:  # the boxes show what a preset means, ready to be edited
            self.date_from.set_value(self._period.first)
            self.date_to.set_value(self._period.last)
        for widget in (self.date_from, self.date_to, self.show_button):
            widget.setEnabled(custom)

    @staticmethod
    def _preset(kind: str) -> Period:
        today = local_today()
        if kind == FISCAL_YEAR:
            return Period.fiscal_year(fiscal_year(today))
        return Period.month(today.year, today.month)
