"""ダッシュボード: the period's figures drawn, each a way into the inquiries behind it.

The figures come from services.dashboard (GROUP BYs in SQL, on the runner's read lane); a
reply for a period no longer shown is dropped. Headline figures on one line, then four
panels: new inquiries by month and relationship, status, fields, and where the partners are
(the map and its ranking). A click on a bar, a slice, a place or a ranking row emits
`inquiriesRequested(InquiryFilter, MunicipalityItem | None)` with the period and that one
condition; the window shows 受付一覧 with exactly those conditions. GUI thread only.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.report_figures import HEADLINE_LABELS, Dashboard, Period, Place
from desktop_app.services import dashboard
from desktop_app.services.lookup import MunicipalityItem
from desktop_app.services.search import InquiryFilter
from desktop_app.ui.context import AppContext
from desktop_app.ui.dashboard.field_chart import FieldChart
from desktop_app.ui.dashboard.japan_map import JapanMap
from desktop_app.ui.dashboard.month_chart import UNSET, MonthChart
from desktop_app.ui.dashboard.period_picker import PeriodPicker
from desktop_app.ui.dashboard.place_ranking import PlaceRanking
from desktop_app.ui.dashboard.status_chart import StatusChart


class DashboardPage(QWidget):
    """`refresh()` reads the figures of the picked period; `figures` is the last shown."""

    inquiriesRequested = Signal(object, object)
    shown = Signal(object)  # the Dashboard just drawn

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.figures: Dashboard | None = None
        self.picker = PeriodPicker(ctx.lang, self)
        self.headline = QLabel(self, objectName="dashboardHeadline")
        self.months = MonthChart(ctx.vocab, self)
        self.status = StatusChart(self)
        self.fields = FieldChart(self)
        self.map = JapanMap(self)
        self.ranking = PlaceRanking(self)
        places = QWidget(self)
        beside = QHBoxLayout(places)
        beside.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout()
        column.addWidget(QLabel(self.tr("連携先の自治体（件数の多い順）"), self))
        column.addWidget(self.ranking, 1)
        beside.addWidget(self.map, 3)
        beside.addLayout(column, 2)
        grid = QGridLayout()
        grid.addWidget(self.months, 0, 0)
        grid.addWidget(self.status, 0, 1)
        grid.addWidget(self.fields, 1, 0)
        grid.addWidget(places, 1, 1)
        for n in (0, 1):
            grid.setRowStretch(n, 1)
            grid.setColumnStretch(n, 1)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("期間"), self))
        top.addWidget(self.picker, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addLayout(grid, 1)

        self.picker.periodChanged.connect(self.refresh)
        self.months.clicked.connect(self._month_clicked)
        self.status.clicked.connect(self._status_clicked)
        self.fields.clicked.connect(self._field_clicked)
        self.map.clicked.connect(self._place_clicked)
        self.ranking.clicked.connect(self._place_clicked)

    @Slot()
    def refresh(self) -> None:
        period, actor, lang = self.picker.period(), self._ctx.actor, self._ctx.lang
        self._ctx.query(
            lambda db: dashboard.dashboard(db, period, actor=actor, lang=lang),
            on_done=self._show,
            owner=self,
            background=True,
        )

    def _show(self, figures: Dashboard) -> None:
        if figures.period != self.picker.period():
            return  # an older period's reply: the newer one is on its way
        self.figures = figures
        parts = [
            f"{label} <b>{getattr(figures.headline, key):,}</b>"
            for (key, _), label in zip(HEADLINE_LABELS, self._labels(), strict=True)
        ]
        self.headline.setText(f"{figures.period.title}　" + "　".join(parts))
        self.months.show_figures(figures)
        self.status.show_figures(figures)
        self.fields.show_figures(figures)
        self.map.show_places(figures.places)
        self.ranking.show_places(figures.places)
        self.shown.emit(figures)

    def _labels(self) -> tuple[str, ...]:
        """HEADLINE_LABELS' figures in the window's language."""
        return (
            self.tr("新規受付"),
            self.tr("完了"),
            self.tr("連携成立"),
            self.tr("期末未完了"),
            self.tr("期限超過（現在）"),
        )

    def _period_filter(self, period: Period, **conditions: Any) -> InquiryFilter:
        return InquiryFilter(date_from=period.first, date_to=period.last, **conditions)

    @Slot(int, int, str)
    def _month_clicked(self, year: int, month: int, relationship: str) -> None:
        period = self.picker.period()
        first = max(period.first, dt.date(year, month, 1))
        last = min(period.last, dt.date(year, month, calendar.monthrange(year, month)[1]))
        # 未設定 has no filter of its own: the month's inquiries, every relationship.
        flt = InquiryFilter(
            date_from=first,
            date_to=last,
            relationship=relationship if relationship != UNSET else None,
        )
        self.inquiriesRequested.emit(flt, None)

    @Slot(str)
    def _status_clicked(self, status: str) -> None:
        self.inquiriesRequested.emit(
            self._period_filter(self.picker.period(), statuses=(status,)), None
        )

    @Slot(str)
    def _field_clicked(self, field: str) -> None:
        self.inquiriesRequested.emit(self._period_filter(self.picker.period(), field=field), None)

    @Slot(object)
    def _place_clicked(self, place: Place) -> None:
        prefecture = place.kind == "prefecture"
        flt = self._period_filter(
            self.picker.period(),
            prefecture=place.code[:2] if prefecture else None,
            municipality=None if prefecture else place.code,
        )
        item = MunicipalityItem(place.code, place.name, place.prefecture, "", place.kind)
        self.inquiriesRequested.emit(flt, item)
