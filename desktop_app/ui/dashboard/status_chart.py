"""The period's new inquiries by their status now, as a pie.

A click on a slice emits `clicked(status code)`. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCharts import QChartView, QPieSeries, QPieSlice
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.domain.report_figures import Dashboard
from desktop_app.ui.dashboard.chart_view import clear, set_up


class StatusChart(QChartView):
    """`show(figures)` draws a period; `clicked(code)` for a slice."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_up(self, self.tr("状況別（現在）"), "statusChart")
        self.series: QPieSeries | None = None
        self.codes: list[str] = []  # the status of each slice, in order

    def show_figures(self, figures: Dashboard) -> None:
        chart = self.chart()
        clear(chart)
        series = QPieSeries()
        rows = [row for row in figures.status.rows if row.count]
        self.codes = [row.code for row in rows]
        for row in rows:
            series.append(f"{row.label} {row.count:,}", row.count)  # named in the legend
        series.setPieSize(0.62)
        for piece in series.slices():  # each status named on its slice, not by colour alone
            piece.setLabelVisible(True)
        series.clicked.connect(self._clicked)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.legend().setVisible(bool(rows))
        self.series = series

    def _clicked(self, piece: QPieSlice) -> None:
        if self.series is not None:
            self.clicked.emit(self.codes[self.series.slices().index(piece)])
