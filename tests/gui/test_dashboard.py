"""ダッシュボード: a period change draws its figures; a bar or a place shows its inquiries."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from desktop_app.ui.main_window import MainWindow
from tests.gui.conftest import TODAY, add, days_ago


@pytest.fixture
def window(qtbot, desk, cases, db, settle):
    add(db, "物産展の出店", days_ago(3), municipalities=["012068"], fields=["food"])
    add(db, "観光案内", days_ago(4), municipalities=["012068", "192015"])
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    window.show_page("dashboard")
    settle(desk)
    return window


def pick_custom(qtbot, page, first, last, settle, desk) -> None:
    picker = page.picker
    picker.choice.setCurrentIndex(picker.choice.findData("custom"))
    picker.date_from.setText(f"{first:%Y/%m/%d}")
    picker.date_to.setText(f"{last:%Y/%m/%d}")
    qtbot.mouseClick(picker.show_button, Qt.MouseButton.LeftButton)
    settle(desk)


def test_a_period_change_redraws_the_figures(qtbot, window, desk, settle):
    page = window.dashboard
    this_month = [d for d in (2, 10, 40, 5, 3, 4) if days_ago(d).month == TODAY.month]
    assert page.figures.period.first == TODAY.replace(day=1)
    assert page.figures.headline.new == len(this_month)
    pick_custom(qtbot, page, days_ago(60), TODAY, settle, desk)
    assert page.figures.headline.new == 6
    assert "新規受付 <b>6</b>" in page.headline.text()
    bars = page.months.series.barSets()
    assert sum(sum(b.at(i) for i in range(b.count())) for b in bars) == 6
    assert [p.full_name for p in page.figures.places] == ["北海道釧路市", "山梨県甲府市"]
    assert page.ranking.item(0, 1).text() == "北海道釧路市"
    assert page.ranking.item(0, 2).text() == "2"


def test_a_period_that_cannot_be_read_is_refused_and_keeps_the_figures(qtbot, window, desk, settle):
    page = window.dashboard
    before = page.figures
    pick_custom(qtbot, page, TODAY, days_ago(5), settle, desk)
    assert page.picker.message.text().startswith("期間の終わり")
    assert page.figures is before


def test_a_click_on_a_field_bar_lists_its_inquiries(qtbot, window, desk, settle):
    page = window.dashboard
    pick_custom(qtbot, page, days_ago(60), TODAY, settle, desk)
    chart = page.fields.chart()
    row = page.fields.codes.index("food")  # a, d and the 物産展: 3 inquiries
    series = chart.series()[0]
    middle = chart.mapToPosition(QPointF(1.5, row), series)
    where = page.fields.mapFromScene(middle)
    qtbot.mouseClick(page.fields.viewport(), Qt.MouseButton.LeftButton, pos=where)
    settle(desk)
    assert window.stack.currentWidget() is window.list_page
    filters = window.list_page.filters
    assert filters.field.currentData() == "food"
    assert filters.date_from.value() == days_ago(60)
    assert window.list_page.match_count.text() == "3件"


def test_a_click_on_a_place_lists_its_inquiries(qtbot, window, desk, settle):
    page = window.dashboard
    pick_custom(qtbot, page, days_ago(60), TODAY, settle, desk)
    kushiro = page.figures.places[0]
    where = page.map.position_of(kushiro)
    qtbot.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=where.toPoint())
    settle(desk)
    filters = window.list_page.filters
    assert window.stack.currentWidget() is window.list_page
    assert filters.place.text() == "北海道釧路市"
    assert filters.current().municipality == "012068"
    assert window.list_page.match_count.text() == "2件"


def test_a_ranking_row_lists_its_inquiries(qtbot, window, desk, settle):
    page = window.dashboard
    pick_custom(qtbot, page, days_ago(60), TODAY, settle, desk)
    rect = page.ranking.visualItemRect(page.ranking.item(1, 1))
    qtbot.mouseClick(page.ranking.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(desk)
    assert window.list_page.filters.place.text() == "山梨県甲府市"
    assert window.list_page.match_count.text() == "1件"
