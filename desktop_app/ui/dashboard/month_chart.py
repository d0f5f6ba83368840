"""New inquiries month by month, stacked by relationship (連携の型).

A click on a segment emits `clicked(year, month, relationship)`; the dashboard turns it into
the list's filter for that month and relationship. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.domain.report_figures import Dashboard
from desktop_app.ui.dashboard.chart_view import clear, set_up
from desktop_app.ui.vocab import Vocab

UNSET = ""  # services.reports.UNSET: a relationship not recorded


class MonthChart(QChartView):
    """`show(figures)` draws a period; `clicked(year, month, relationship code)`."""

    clicked = Signal(int, int, str)

    def __init__(self, vocab: Vocab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vocab = vocab
        set_up(self, self.tr("月別・連携の型別 新規受付"), "monthChart")
        self.months: list[tuple[int, int]] = []
        self.series: QStackedBarSeries | None = None
        self.codes: list[str] = []  # the relationship of each bar set, in order

    def show_figures(self, figures: Dashboard) -> None:
        chart = self.chart()
        clear(chart)
        self.months = list(figures.period.months())
        counts = {(m.year, m.month, m.relationship): m.count for m in figures.by_month}
        present = {m.relationship for m in figures.by_month}
        order = [code for code, _ in self._vocab.choices("relationship")]
        self.codes = [c for c in order if c in present] + sorted(present - set(order))
        series = QStackedBarSeries()
        labels = dict(self._vocab.choices("relationship"))
        for code in self.codes:
            bars = QBarSet(labels.get(code, code) if code else self.tr("未設定"))
            bars.append([float(counts.get((y, m, code), 0)) for y, m in self.months])
            series.append(bars)
        series.clicked.connect(self._clicked)
        chart.addSeries(series)
        self.series = series
        wide = len(self.months) > 12
        categories = QBarCategoryAxis()
        categories.append([f"{y % 100:02d}/{m:02d}" if wide else str(m) for y, m in self.months])
        categories.setTitleText(self.tr("年/月") if wide else self.tr("月"))
        categories.setTruncateLabels(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max([sum(s.at(i) for s in series.barSets()) for i in range(len(self.months))] + [1])
        values.setRange(0, top)
        values.applyNiceNumbers()
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # whole names, one a line
        chart.legend().setVisible(bool(self.codes))

    def _clicked(self, index: int, bars: QBarSet) -> None:
        if self.series is None or not 0 <= index < len(self.months):
            return
        code = self.codes[self.series.barSets().index(bars)]
        year, month = self.months[index]
        self.clicked.emit(year, month, code)
