"""The period's new inquiries by field (連携分野; many per inquiry), as horizontal bars.

The SHOWN fields with the most inquiries are drawn, the most on top (every label then has
room to be read; the report's table lists them all). A click on a bar emits
`clicked(field code)`. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.domain.report_figures import Dashboard
from desktop_app.ui.dashboard.chart_view import clear, set_up

SHOWN = 10
LABEL_CHARACTERS = 24  # longer names (English ones) are shortened so the bars keep their room


class FieldChart(QChartView):
    """`show(figures)` draws a period; `clicked(code)` for a bar."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_up(self, self.tr("連携分野別 上位10（複数選択）"), "fieldChart")
        self.bars: QBarSet | None = None
        self.codes: list[str] = []  # the field of each bar, from the bottom

    def show_figures(self, figures: Dashboard) -> None:
        chart = self.chart()
        clear(chart)
        most = sorted((r for r in figures.fields.rows if r.count), key=lambda r: -r.count)
        rows = most[:SHOWN][::-1]  # the axis counts from the bottom: the most on top
        self.codes = [row.code for row in rows]
        bars = QBarSet(self.tr("件数"))
        bars.append([float(row.count) for row in rows])
        bars.clicked.connect(self._clicked)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([_short(row.label) for row in rows])
        categories.setTruncateLabels(False)  # a field is read by its whole name
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([row.count for row in rows] + [1]))
        values.applyNiceNumbers()
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        chart.legend().setVisible(False)
        self.bars = bars

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self.codes):
            self.clicked.emit(self.codes[index])


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"
