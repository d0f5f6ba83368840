"""The window on a 1366x768 ward laptop, and at 125% scaling: it opens maximised there, keeps a
remembered place only while that is on screen, and every screen fits without leaving the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtWidgets import QMainWindow

from desktop_app.ui.main_window import PAGES, WINDOW_SIZE, MainWindow
from desktop_app.ui.widgets.screen_fit import opening_geometry, place_window

LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768 less a 40 px taskbar
LAPTOP_125 = QRect(0, 0, 1093, 582)  # the same screen at 125%: (1366x728) / 1.25


@pytest.mark.parametrize("available", [LAPTOP, LAPTOP_125, QRect(0, 0, 1280, 760)])
def test_a_small_screen_opens_the_window_maximised(available):
    assert opening_geometry(WINDOW_SIZE, available) is None


def test_a_large_screen_opens_it_centred_at_its_size():
    placed = opening_geometry(WINDOW_SIZE, QRect(0, 0, 1920, 1040))
    assert placed == QRect(320, 120, 1280, 800)


def test_a_remembered_place_off_the_screen_is_not_used(qtbot):
    """A laptop taken off its large monitor: the remembered place would be out of reach."""
    elsewhere = QMainWindow()
    qtbot.addWidget(elsewhere)
    elsewhere.setGeometry(QRect(1500, 900, 700, 500))  # beyond the offscreen 800x600 screen
    window = QMainWindow()
    qtbot.addWidget(window)
    place_window(window, QSize(700, 500), QByteArray(elsewhere.saveGeometry()))
    screen = window.screen().availableGeometry()
    assert window.isMaximized() or screen.contains(window.geometry())


def test_a_remembered_place_on_the_screen_is_kept(qtbot):
    placed = QMainWindow()
    qtbot.addWidget(placed)
    placed.setGeometry(QRect(10, 30, 600, 400))
    window = QMainWindow()
    qtbot.addWidget(window)
    place_window(window, WINDOW_SIZE, QByteArray(placed.saveGeometry()))
    assert not window.isMaximized()
    assert window.size() == QSize(600, 400)


@pytest.mark.parametrize("screen", [LAPTOP, LAPTOP_125], ids=["1366x768", "125%"])
def test_every_screen_fits_a_small_laptop(qtbot, desk, cases, settle, screen):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(screen.size())
    window.show()
    window.start()
    settle(desk)
    for name in PAGES:
        window.show_page(name)
        settle(desk)
        needed = window.minimumSizeHint()
        assert needed.width() <= screen.width() and needed.height() <= screen.height(), name
        assert window.size() == screen.size(), name  # the window did not grow past the screen


def test_the_search_box_shows_its_whole_placeholder(qtbot, desk, cases, settle):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(LAPTOP_125.size())
    window.show()
    window.start()
    settle(desk)
    search = window.list_page.filters.text
    assert search.placeholderText() == "件名・内容・相談者・受付番号・電話"
    needed = search.fontMetrics().horizontalAdvance(search.placeholderText())
    assert search.width() >= needed + 2 * search.fontMetrics().height()


def test_the_subject_reads_without_scrolling_at_1366(qtbot, desk, cases, settle):
    from desktop_app.ui.inquiry_list.list_model import COLUMN_NAMES

    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(LAPTOP.size())
    window.show()
    window.start()
    window.list_page.restore_splitter()
    settle(desk)
    table = window.list_page.table
    column = COLUMN_NAMES.index("subject")
    right = table.columnViewportPosition(column) + table.columnWidth(column)
    assert right <= table.viewport().width()
    assert table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(
        "商店街の物産展に出店"
    )


def test_the_intake_form_needs_no_sideways_scrolling_at_125(qtbot, desk, cases, settle):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(LAPTOP_125.size())
    window.show()
    window.start()
    window.show_page("intake")
    settle(desk)
    scroll = window.intake._scroll  # noqa: SLF001
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
