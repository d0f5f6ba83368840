"""The list's filter bar: free text, period, status, office, field, relationship, inquirer type.

Emits `filterChanged(InquiryFilter)` whenever a condition changes; typing waits a moment
(DEBOUNCE_MS) so each keystroke does not start a query. The search itself (folding, 1-2
character terms, phone numbers) is the search service's. GUI thread only.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.domain.errors import UserError
from desktop_app.domain.workflow import OPEN_STATUSES
from desktop_app.services.search import InquiryFilter
from desktop_app.ui.vocab import Vocab
from desktop_app.ui.widgets.date_field import DateField

DEBOUNCE_MS = 250
_OPEN = "__open__"


class FilterBar(QWidget):
    """Conditions of the inquiry list; `current()` reads them as an InquiryFilter."""

    filterChanged = Signal(object)
    resultsRequested = Signal()  # Enter or Down in the search box: go to the first result

    def __init__(self, vocab: Vocab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self._last: InquiryFilter | None = None

        self.text = QLineEdit(self, objectName="searchText", clearButtonEnabled=True)
        self.text.setPlaceholderText(self.tr("件名・内容・相談者・電話番号で検索"))
        self.text.textChanged.connect(self._debounce.start)
        self.text.returnPressed.connect(self._to_results)
        self.text.installEventFilter(self)
        self.date_from = DateField(self.tr("期間（から）"), self)
        self.date_to = DateField(self.tr("期間（まで）"), self)
        self.date_from.setPlaceholderText(self.tr("開始日"))
        self.date_to.setPlaceholderText(self.tr("終了日"))
        for field in (self.date_from, self.date_to):
            field.setMaximumWidth(120)
            field.editingFinished.connect(self._emit)
        self.overdue = QCheckBox(self.tr("期限超過のみ"), self)
        self.overdue.toggled.connect(self._emit)
        clear = QPushButton(self.tr("条件をクリア"), self)
        clear.clicked.connect(self.clear)

        statuses = [(_OPEN, self.tr("未完了すべて")), *vocab.choices("status")]
        self.status = self._combo(statuses)
        self.office = self._combo(list(vocab.offices.items()))
        self.field = self._combo(vocab.choices("field"))
        self.relationship = self._combo(vocab.choices("relationship"))
        self.inquirer_type = self._combo(vocab.choices("inquirer_type"))

        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(QLabel(self.tr("期間"), self))
        top.addWidget(self.date_from)
        top.addWidget(QLabel("〜", self))
        top.addWidget(self.date_to)
        top.addWidget(self.overdue)
        top.addWidget(clear)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(top, 0, 0, 1, 10)
        pairs = (
            (self.tr("状況"), self.status),
            (self.tr("事務所"), self.office),
            (self.tr("分野"), self.field),
            (self.tr("連携の型"), self.relationship),
            (self.tr("相談者区分"), self.inquirer_type),
        )
        for n, (caption, combo) in enumerate(pairs):
            grid.addWidget(QLabel(caption, self), 1, 2 * n)
            grid.addWidget(combo, 1, 2 * n + 1)
            grid.setColumnStretch(2 * n + 1, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.text
            and event.type() == QEvent.Type.KeyPress
            and cast(QKeyEvent, event).key() == Qt.Key.Key_Down
        ):
            self._to_results()
            return True
        return super().eventFilter(watched, event)

    def current(self) -> InquiryFilter:
        """The conditions as typed; raises UserError when a period date cannot be read."""
        status = self.status.currentData()
        statuses = OPEN_STATUSES if status == _OPEN else ((status,) if status else ())
        return InquiryFilter(
            text=self.text.text().strip(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            statuses=tuple(statuses),
            office=self.office.currentData(),
            field=self.field.currentData(),
            relationship=self.relationship.currentData(),
            inquirer_type=self.inquirer_type.currentData(),
            overdue_only=self.overdue.isChecked(),
        )

    @Slot()
    def clear(self) -> None:
        for widget in (self, *self.findChildren(QWidget)):
            widget.blockSignals(True)
        self.text.clear()
        self.date_from.clear()
        self.date_to.clear()
        self.overdue.setChecked(False)
        for combo in self.findChildren(QComboBox):
            combo.setCurrentIndex(0)
        for widget in (self, *self.findChildren(QWidget)):
            widget.blockSignals(False)
        self._emit()

    def _combo(self, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("すべて"), None)
        for code, label in choices:
            combo.addItem(label, code)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    @Slot()
    def _to_results(self) -> None:
        self._emit()  # what was typed counts now, not after the typing pause
        self.resultsRequested.emit()

    @Slot()
    def _emit(self) -> None:
        self._debounce.stop()
        try:
            flt = self.current()
        except UserError:
            return  # the date field marks itself; the list keeps its last conditions
        if flt != self._last:
            self._last = flt
            self.filterChanged.emit(flt)
