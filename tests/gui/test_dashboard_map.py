"""ダッシュボード's map and ranking: outlines visible, circle area in proportion to the count
with a small minimum, neighbours pushed apart, hover names the place, keyboard opens the list."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QToolTip

from desktop_app.domain.report_figures import Place
from desktop_app.ui.dashboard.japan_map import BORDER, LAND, SMALLEST, JapanMap, spread
from desktop_app.ui.main_window import MainWindow
from tests.gui.conftest import TODAY, add, days_ago

# 釧路市 and its neighbour 釧路町 are a few km apart: the same few pixels on the map.
KUSHIRO = Place("012068", "釧路市", "北海道", "city", 42.985, 144.381, 1)
KUSHIRO_TOWN = Place("016616", "釧路町", "北海道", "town", 43.0, 144.45, 2)
KOFU = Place("192015", "甲府市", "山梨県", "city", 35.662, 138.568, 3)


@pytest.fixture
def japan(qtbot):
    made = JapanMap()
    qtbot.addWidget(made)
    made.resize(400, 400)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_a_few_cases_are_small_circles_in_proportion(japan):
    japan.show_places([KUSHIRO, KUSHIRO_TOWN, KOFU])
    one, three = japan.radius_of(KUSHIRO), japan.radius_of(KOFU)
    assert one == SMALLEST  # one inquiry is a small dot
    assert math.isclose((three / one) ** 2, 3.0, rel_tol=0.01)  # area in proportion


def test_the_scale_shrinks_only_for_the_most_asked(japan):
    busy = Place("131016", "千代田区", "東京都", "ward", 35.69, 139.75, 400)
    japan.show_places([KUSHIRO, busy])
    assert japan.radius_of(busy) <= 16.0
    assert japan.radius_of(KUSHIRO) == SMALLEST  # the minimum, not a proportional speck


def test_neighbours_are_pushed_apart(japan):
    japan.show_places([KUSHIRO, KUSHIRO_TOWN, KOFU])
    a, b = japan.position_of(KUSHIRO), japan.position_of(KUSHIRO_TOWN)
    distance = math.hypot(a.x() - b.x(), a.y() - b.y())
    assert distance >= japan.radius_of(KUSHIRO) + japan.radius_of(KUSHIRO_TOWN)
    assert japan.place_at(a) == KUSHIRO and japan.place_at(b) == KUSHIRO_TOWN


def test_spread_parts_places_at_one_point():
    moved = spread([("a", QPointF(50, 50), 5.0), ("b", QPointF(50, 50), 5.0)])
    assert math.hypot(moved["a"].x() - moved["b"].x(), moved["a"].y() - moved["b"].y()) >= 10


def test_prefecture_borders_are_visible(japan):
    japan.show_places([])
    image = japan.grab().toImage()
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, 400, 2) for y in range(0, 400, 2)}
    assert LAND.name() in colours
    border = [c for c in colours if abs(QColor(c).lightness() - BORDER.lightness()) < 25]
    assert border, "no prefecture border drawn"
    assert abs(BORDER.lightness() - LAND.lightness()) > 60  # contrast with the land


def test_hover_names_the_place_and_its_count(qtbot, japan):
    japan.show_places([KUSHIRO, KUSHIRO_TOWN, KOFU])
    where = japan.position_of(KOFU).toPoint()
    qtbot.mouseMove(japan, where)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert QToolTip.text() == "山梨県甲府市: 3件"
    qtbot.mouseMove(japan, QPoint(2, 2))


@pytest.fixture
def window(qtbot, desk, cases, db, settle):
    add(db, "物産展の出店", days_ago(3), municipalities=["012068"], fields=["food"])
    add(db, "観光案内", days_ago(4), municipalities=["012068", "192015"])
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.start()
    window.show_page("dashboard")
    settle(desk)
    return window


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_the_keyboard_on_the_ranking_opens_the_list(qtbot, window, desk, settle, key):
    page = window.dashboard
    picker = page.picker
    picker.choice.setCurrentIndex(picker.choice.findData("custom"))
    picker.date_from.setText(f"{days_ago(60):%Y/%m/%d}")
    picker.date_to.setText(f"{TODAY:%Y/%m/%d}")
    qtbot.mouseClick(picker.show_button, Qt.MouseButton.LeftButton)
    settle(desk)
    ranking = page.ranking
    ranking.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert ranking.currentRow() == 0
    qtbot.keyClick(ranking, Qt.Key.Key_Down)
    qtbot.keyClick(ranking, key)
    settle(desk)
    assert window.stack.currentWidget() is window.list_page
    assert window.list_page.filters.place.text() == "山梨県甲府市"
    assert window.list_page.match_count.text() == "1件"
