"""文字の大きさ (issue 24, point 3): 100/125/150% from 設定, applied at start and when changed;
at 150% on a 1366x768 laptop every screen fits and no label or button is cut."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)

from desktop_app.ui import preferences
from desktop_app.ui.app import DeskApp
from desktop_app.ui.main_window import PAGES, WINDOW_SIZE, MainWindow
from desktop_app.ui.style import apply_font_size, apply_style
from tests.actors import actor_for

LAPTOP = (1366, 728)  # 1366x768 less a 40 px taskbar


@pytest.fixture
def text_at() -> Iterator[object]:
    """`text_at(percent)`: the application font at that 文字の大きさ, reset afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before, sheet = app.font().pointSizeF(), app.styleSheet()
    apply_style(app)  # the desk's look, as at start: the navigation's rows are in it

    def scale(percent: int) -> None:
        preferences.set_text_scale(percent)  # as 設定 keeps it (QSettings in tmp_path)
        apply_font_size(preferences.font_pt(percent))

    yield scale
    apply_font_size(before)
    app.setStyleSheet(sheet)
    preferences.set_text_scale(preferences.TEXT_SCALES[0])


def cut_texts(page: QWidget) -> list[str]:
    """The shown labels and buttons whose text needs more room than they were given: a
    label's size hint (its text's), a button's text width (its size hint has a style's
    minimum width, wider than a short text needs)."""
    cut = []
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        text = widget.text().replace("&", "")
        if not widget.isVisible() or not text or not widget.width():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                cut.append(f"{text!r} needs {needed} px high, has {widget.height()}")
            continue
        hint = widget.sizeHint()
        metrics = widget.fontMetrics()
        wide = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
        if isinstance(widget, QPushButton | QToolButton):
            margin = widget.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin)
            hint.setWidth(wide + 2 * margin)
        if (
            hint.width() > widget.width() + 1
            or min(hint.height(), metrics.height()) > widget.height()
        ):
            cut.append(f"{text!r}: {hint.width()}x{hint.height()} in {widget.size().toTuple()}")
    return cut


def test_the_setting_is_kept_per_pc_and_read_at_start(qtbot):
    assert preferences.text_scale() == 100
    assert preferences.font_pt() == preferences.DEFAULT_FONT_PT
    preferences.set_text_scale(150)
    assert preferences.text_scale() == 150
    assert preferences.font_pt() == 15
    preferences.set_text_scale(137)  # an edited INI file: back to 100%
    assert preferences.text_scale() == 100


def test_at_150_every_screen_fits_a_laptop_and_nothing_is_cut(qtbot, text_at, desk, cases, settle):
    text_at(150)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    window.start()
    settle(desk)
    for name in PAGES:
        window.show_page(name)
        settle(desk)
        assert window.size().toTuple() == LAPTOP, name  # scrolls rather than grows
        assert cut_texts(window.stack.currentWidget()) == [], name
        if name == "intake":  # one column under the other: no sideways scrolling
            scroll = window.intake._scroll  # noqa: SLF001
            assert not window.intake.columns.wide
            assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert cut_texts(window) == []  # the status bar too
    # All nine screens in the navigation, each with its shortcut's line, without scrolling.
    nav = window.nav
    assert not nav.verticalScrollBar().isVisible()
    for row in range(nav.count()):
        rect = nav.visualItemRect(nav.item(row))
        assert rect.height() >= 2 * nav.fontMetrics().height(), row
        assert nav.viewport().rect().contains(rect), row


def test_the_list_rows_follow_the_font(qtbot, text_at, desk, cases, settle):
    heights = {}
    for percent in (100, 150):
        text_at(percent)
        window = MainWindow(desk)
        qtbot.addWidget(window)
        table = window.list_page.table
        heights[percent] = table.verticalHeader().defaultSectionSize()
        assert heights[percent] >= table.fontMetrics().height()
    assert heights[150] >= heights[100] * 1.3


def test_choosing_a_size_in_settings_builds_the_window_again_in_it(
    qtbot, text_at, db, cases, settle
):
    text_at(100)
    app = QApplication.instance()
    desk = DeskApp(app, db, "SHIBA", actor_for())
    try:
        window = desk.build("ja", restore=False)  # closed by the rebuild, so not qtbot's
        settle(window.ctx)
        small = window.list_page.table.verticalHeader().defaultSectionSize()
        window.show_page("settings")
        chooser = window.settings.text_scale
        chooser.setCurrentIndex(chooser.findData(150))
        rebuilt = desk.window
        assert rebuilt is not None and rebuilt is not window
        qtbot.addWidget(rebuilt)
        settle(rebuilt.ctx)
        assert preferences.text_scale() == 150
        assert app.font().pointSizeF() == 15
        assert rebuilt.stack.currentWidget() is rebuilt.settings.parentWidget() or (
            rebuilt.nav.currentRow() == PAGES.index("settings")
        )
        assert rebuilt.settings.text_scale.currentData() == 150
        assert rebuilt.list_page.table.verticalHeader().defaultSectionSize() > small
    finally:
        if desk.runner is not None:
            desk.runner.shutdown()


def test_the_systems_scaling_is_honoured(db_path: Path, tmp_path: Path):
    """Windows' 150% display scaling (QT_SCALE_FACTOR here): the window keeps its layout and
    is drawn with 1.5 device pixels per pixel, sharp, rather than being enlarged as a bitmap."""
    png = tmp_path / "scaled.png"
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # the person's settings stay untouched
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--db",
            str(db_path),
            "gui",
            "--screenshot",
            str(png),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    picture = QImage(str(png))
    assert (picture.width(), picture.height()) == (
        round(WINDOW_SIZE.width() * 1.5),
        round(WINDOW_SIZE.height() * 1.5),
    )
