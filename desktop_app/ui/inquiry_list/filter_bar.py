"""The list's filter bar: free text, place, agreement, period, status, office, field,
relationship, inquirer type.

Emits `filterChanged(InquiryFilter)` whenever a condition changes; typing waits a moment
(DEBOUNCE_MS) so each keystroke does not start a query. The search itself (folding, 1-2
character terms, phone numbers) is the search service's, and so is finding cases by place:
都道府県・自治体 and 協定先 complete on kanji or kana like the intake form's picker and
hand the chosen code to InquiryFilter. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import UserError
from desktop_app.domain.workflow import OPEN_STATUSES
from desktop_app.services.list_rows import InquiryFilter
from desktop_app.services.place_items import AgreementItem, MunicipalityItem
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.date_field import DateField
from desktop_app.ui.widgets.label_clicks import link_labels
from desktop_app.ui.widgets.lookup_edit import LookupEdit

if TYPE_CHECKING:
    from desktop_app.services.database import Database

DEBOUNCE_MS = 250
_OPEN = "__open__"


class FilterBar(QWidget):
    """Conditions of the inquiry list; `current()` reads them as an InquiryFilter."""

    filterChanged = Signal(object)
    resultsRequested = Signal()  # Enter or Down in the search box: go to the first result

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        vocab = ctx.vocab
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self._last: InquiryFilter | None = None

        self.text = QLineEdit(self, objectName="searchText", clearButtonEnabled=True)
        self.text.setPlaceholderText(self.tr("件名・内容・相談者・受付番号・電話"))
        accessible.name(self.text, self.tr("検索"), self.text.placeholderText())
        # Wide enough for the whole placeholder and the clear button (no 「件名・内容・…」).
        placeholder = self.text.fontMetrics().horizontalAdvance(self.text.placeholderText())
        self.text.setMinimumWidth(placeholder + 3 * self.text.fontMetrics().height())
        self.text.textChanged.connect(self._debounce.start)
        self.text.returnPressed.connect(self._to_results)
        self.text.installEventFilter(self)
        self.place, self.agreement = self._place_edits(ctx)
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

        self._lay_out(clear)

    def _place_edits(self, ctx: AppContext) -> tuple[LookupEdit, LookupEdit]:
        """都道府県・自治体 (a prefecture or one municipality) and 協定先, by completion."""
        place = LookupEdit(
            ctx,
            _municipalities,
            offered=lambda m: f"{m.display}  {m.code}",
            shown=lambda m: m.full_name,
            parent=self,
        )
        place.setObjectName("placeFilter")
        place.setPlaceholderText(self.tr("都道府県・市区町村"))
        agreement = LookupEdit(ctx, _agreement_bodies, offered=_name, shown=_name, parent=self)
        agreement.setObjectName("agreementFilter")
        agreement.setPlaceholderText(self.tr("協定先の名前・よみ"))
        for edit in (place, agreement):
            edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("北海道釧路市釧路町") + 30)
            edit.valueChanged.connect(self._emit)
        return place, agreement

    def _lay_out(self, clear: QPushButton) -> None:
        """Three rows, so the bar fits a 1366x768 screen at 125% (about 1090 px wide): words
        and places; period and the two most used lists; the other lists."""
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self._caption(self.tr("自治体"), self.place))
        top.addWidget(self.place)
        top.addWidget(self._caption(self.tr("協定先"), self.agreement))
        top.addWidget(self.agreement)
        top.addWidget(clear)
        period = QHBoxLayout()
        period.addWidget(self._caption(self.tr("期間"), self.date_from))
        period.addWidget(self.date_from)
        period.addWidget(QLabel("〜", self))
        period.addWidget(self.date_to)
        period.addWidget(self.overdue)
        lists = QHBoxLayout()
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        for row in (top, period, lists):
            rows.addLayout(row)
        pairs = (
            (period, self.tr("状況"), self.status),
            (period, self.tr("事務所"), self.office),
            (lists, self.tr("分野"), self.field),
            (lists, self.tr("連携の型"), self.relationship),
            (lists, self.tr("相談者区分"), self.inquirer_type),
        )
        for row, caption, combo in pairs:
            row.addWidget(self._caption(caption, combo))
            row.addWidget(combo, 1)
        chain: tuple[QWidget, ...] = (
            self.text, self.place, self.agreement, clear, self.date_from, self.date_to
        )  # fmt: skip
        chain += (self.overdue, *(combo for _, _, combo in pairs))
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)  # as the bar reads, row by row
        link_labels(self)

    def _caption(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label

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
        place: MunicipalityItem | None = self.place.value()
        agreement: AgreementItem | None = self.agreement.value()
        is_prefecture = place is not None and place.kind == "prefecture"
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
            # The first two digits of a municipality code are its prefecture's code.
            prefecture=place.code[:2] if place is not None and is_prefecture else None,
            municipality=place.code if place is not None and not is_prefecture else None,
            agreement_body=agreement.code if agreement is not None else None,
        )

    @Slot()
    def clear(self) -> None:
        self._blocked(True)
        self._reset()
        self._blocked(False)
        self._emit()

    def show_only(self, flt: InquiryFilter, place: MunicipalityItem | None = None) -> None:
        """Every condition cleared, then those of `flt` set (a click on the dashboard): its
        period, one status, field, relationship or office, and `place` (the municipality or
        prefecture of `flt`, as the place box shows it); one filterChanged for all of it."""
        self._blocked(True)
        self._reset()
        self.date_from.set_value(flt.date_from)
        self.date_to.set_value(flt.date_to)
        for combo, code in (
            (self.status, flt.statuses[0] if len(flt.statuses) == 1 else None),
            (self.office, flt.office),
            (self.field, flt.field),
            (self.relationship, flt.relationship),
            (self.inquirer_type, flt.inquirer_type),
        ):
            combo.setCurrentIndex(max(0, combo.findData(code)))
        if place is not None:
            self.place.set_value(place)
        self._blocked(False)
        self._emit()

    def _reset(self) -> None:
        self.text.clear()
        self.date_from.clear()
        self.date_to.clear()
        self.overdue.setChecked(False)
        self.place.clear_value()
        self.agreement.clear_value()
        for combo in self.findChildren(QComboBox):
            combo.setCurrentIndex(0)

    def _blocked(self, blocked: bool) -> None:
        for widget in (self, *self.findChildren(QWidget)):
            widget.blockSignals(blocked)

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


def _name(item: AgreementItem) -> str:
    return item.name


def _municipalities(db: Database, query: str) -> list[MunicipalityItem]:
    """Worker job: the places offered for what was typed. The master look-ups are imported
    by the worker, not at this module's top: the list is built before SQLAlchemy is imported."""
    from desktop_app.services import lookup

    return lookup.search_municipalities(db, query)


def _agreement_bodies(db: Database, query: str) -> list[AgreementItem]:
    """Worker job: the agreement bodies offered (see `_municipalities`)."""
    from desktop_app.services import lookup

    return lookup.search_agreement_bodies(db, query)
