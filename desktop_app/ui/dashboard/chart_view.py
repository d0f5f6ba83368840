"""What the dashboard's charts share: a plain chart in a view, without animation.

Animations are off so that a chart shows its figures at once (and a screenshot shows them);
the legend and the axis labels use the window's font, so kanji get Japanese glyphs.
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter, QPalette

from desktop_app.ui.style import system_colours


def set_up(view: QChartView, title: str, object_name: str) -> None:
    """Give `view` a chart titled `title` in the view's font."""
    chart = QChart()
    if system_colours():  # first: a theme sets every colour and font again
        follow_palette(chart, view.palette())
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setShowToolTips(True)  # a name cut short is whole in its tooltip
    font = view.font()
    chart.setFont(font)
    chart.legend().setFont(font)
    title_font = view.font()
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    view.setChart(chart)
    view.setObjectName(object_name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(260, 220)


def follow_palette(chart: QChart, palette: QPalette) -> None:
    """The system's colours (high contrast: ui/style.py): Qt's light or dark chart theme as the
    palette is light or dark, on the palette's background, titles and legend in its text."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundBrush(palette.base())
    chart.setTitleBrush(palette.text())
    chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))


def clear(chart: QChart) -> None:
    """Remove the series and axes a previous period left."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
