"""+3 / +5 / +10 開庁日 beside a due-date field: a deadline as ward offices count it.

A click writes the date that many 開庁日 after today (weekends, national holidays and 年末年始
skipped: domain.business_days) into the field. The buttons take no Tab stop, so a clerk who
types is not slowed down; typing `+5` in the field does the same (ui/widgets/date_field.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.domain.business_days import add_business_days
from desktop_app.ui.vocab import format_date

STEPS = (3, 5, 10)


class BusinessDayButtons(QWidget):
    """One button per step in STEPS, writing into `target`; `today` is asked at each click."""

    def __init__(
        self,
        target: QLineEdit,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.target = target
        self._today = today
        self.buttons: dict[int, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for step in STEPS:
            button = QPushButton(f"+{step}", self)
            button.setObjectName(f"plus{step}BusinessDays")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(
                self.tr(
                    "{0}開庁日後（土日・祝日・年末年始を除く）。欄に +{0} と入力しても同じです"
                ).format(step)
            )
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("+10") + 18)
            button.clicked.connect(lambda _checked=False, n=step: self.add(n))
            layout.addWidget(button)
            self.buttons[step] = button
        layout.addWidget(QLabel(self.tr("開庁日"), self))

    def add(self, step: int) -> None:
        """Write the date `step` 開庁日 after today, as if typed (the field's signals fire)."""
        self.target.setText(format_date(add_business_days(self._today(), step)))
        self.target.editingFinished.emit()


def due_row(
    field: QLineEdit, shown: QWidget | None = None, parent: QWidget | None = None
) -> QWidget:
    """The buttons after `field` (or after `shown`, the widget holding it), as one form row."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(shown or field, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(BusinessDayButtons(field, row), 0, Qt.AlignmentFlag.AlignTop)
    layout.addStretch(1)
    return row
