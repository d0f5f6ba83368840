"""High contrast and colour (issue 24, point 2): in the system's colours the desk adds no colour
of its own to text or backgrounds, and overdue and status are told in words as well as colour."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop_app.domain.inquiry_commands import NewAction
from desktop_app.services import actions
from desktop_app.ui import style
from desktop_app.ui.inquiry_list.list_model import COLUMN_NAMES, OVERDUE_BACKGROUND, OVERDUE_TEXT
from desktop_app.ui.main_window import PAGES, MainWindow
from desktop_app.ui.widgets import accessible
from tests.actors import actor_for
from tests.gui.conftest import days_ago

# A colour written out: #rgb/#rrggbb, rgb(...), or a colour's name.
OWN_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|\b(white|black|red|green|blue|yellow)\b")


@pytest.fixture
def colours(qtbot, monkeypatch) -> Iterator[object]:
    """`colours(system)`: the style applied as if the system asked for its colours or not."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet = app.styleSheet()  # the other tests run without the desk's sheet: give it back

    def use(system: bool) -> None:
        monkeypatch.setenv(style.FORCE_ENV, "1" if system else "0")
        style.apply_style(app)

    yield use
    use(False)  # the desk's own colours again, as the other tests expect them
    monkeypatch.delenv(style.FORCE_ENV, raising=False)
    app.setStyleSheet(sheet)


@pytest.fixture
def open_window(qtbot, desk, cases, settle):
    """`open_window()`: the main window, built in the look applied before it."""

    def build() -> MainWindow:
        window = MainWindow(desk)
        qtbot.addWidget(window)
        window.show()
        window.start()
        settle(desk)
        return window

    return build


def own_colours(root: QWidget) -> list[str]:
    """Widgets under `root` carrying a style sheet of their own with a colour in it."""
    return [
        f"{type(w).__name__} {w.objectName()!r}: {w.styleSheet()}"
        for w in (root, *root.findChildren(QWidget))
        if OWN_COLOUR.search(w.styleSheet())
    ]


def test_the_environment_forces_either_look(colours):
    colours(True)
    assert style.system_colours()
    sheet = QApplication.instance().styleSheet()
    assert "palette(highlight)" in sheet
    assert not OWN_COLOUR.search(re.sub(r"/\*.*?\*/", "", sheet, flags=re.S))
    colours(False)
    assert not style.system_colours()
    assert "#1f5fa8" in QApplication.instance().styleSheet()


def test_a_dark_or_high_contrast_system_gets_its_own_colours(monkeypatch, colours):
    monkeypatch.delenv(style.FORCE_ENV, raising=False)
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(Qt.ColorScheme.Dark)
    try:
        if hints.colorScheme() != Qt.ColorScheme.Dark:
            pytest.skip("this platform does not take a requested colour scheme")
        assert style.wants_system_colours()
        style.apply_style(QApplication.instance())
        assert style.system_colours()  # and a change while open applies at once
    finally:
        hints.unsetColorScheme()
    assert not style.windows_high_contrast()  # not Windows: no flag to read


def test_no_screen_colours_text_or_background_in_the_system_colours(
    qtbot, colours, open_window, desk, settle
):
    colours(True)
    window = open_window()
    for name in PAGES:
        window.show_page(name)
        settle(desk)
    assert own_colours(window) == []
    # The dashboard's charts and map take the palette's colours, and name each status slice.
    dashboard = window.dashboard
    base = dashboard.palette().color(QPalette.ColorRole.Base)
    for chart in (dashboard.months, dashboard.status, dashboard.fields):
        assert chart.chart().backgroundBrush().color() == base
    assert dashboard.map._colours()[0] == base  # noqa: SLF001 (what paintEvent paints)
    assert all(piece.isLabelVisible() for piece in dashboard.status.series.slices())
    model = window.list_page.model
    for row in range(model.rowCount()):
        for column in range(len(COLUMN_NAMES)):
            index = model.index(row, column)
            assert index.data(Qt.ItemDataRole.BackgroundRole) is None
            assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "color" not in window.list_page.counts.text()
    # A refusal keeps the system's text colour; bold type and its words say it.
    message = QLabel(window)
    accessible.say(message, "保存できません: 件名を入力してください", "error")
    window_text = QApplication.palette().color(QPalette.ColorRole.WindowText)
    assert message.palette().color(QPalette.ColorRole.WindowText) == window_text
    assert message.font().bold()


def test_in_the_desks_colours_a_refusal_is_red(qtbot, colours, open_window):
    colours(False)
    window = open_window()
    message = QLabel(window)
    accessible.say(message, "保存できません", "error")
    assert message.palette().color(QPalette.ColorRole.WindowText).name() == "#a4262c"


def test_overdue_is_said_in_words_beside_the_colour(
    qtbot, colours, open_window, desk, settle, cases
):
    colours(False)
    window = open_window()
    model = window.list_page.model
    due_column = COLUMN_NAMES.index("follow_up_due")
    texts = {}
    for row in range(model.rowCount()):
        record = model.row_at(row)
        texts[record.subject] = model.index(row, due_column).data()
        if record.overdue:
            assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color() == (
                OVERDUE_BACKGROUND
            )
            assert model.index(row, due_column).data(Qt.ItemDataRole.ForegroundRole).color() == (
                OVERDUE_TEXT
            )
    assert texts[cases["b"].subject] == f"{days_ago(3):%Y/%m/%d} 超過"  # overdue: the word
    assert texts[cases["d"].subject].endswith("超過") is False  # due today: not overdue
    assert "期限超過" in window.list_page.counts.text()
    # 対応予定: the 残り column says how late; the status column says the status.
    window.show_page("followups")
    settle(desk)
    followups = window.followups.model
    late = [followups.index(r, 1).data() for r in range(followups.rowCount())]
    assert "3日超過" in late


def test_a_late_reply_says_so_in_the_history(qtbot, colours, open_window, desk, settle, db, cases):
    colours(True)
    window = open_window()
    actions.add_action(
        db,
        NewAction(
            cases["b"].receipt_no,
            kind="referral",
            note="所管課へ紹介",
            action_date=days_ago(9),
            referred_to="所管課：危機管理課",
            reply_due=days_ago(2),
        ),
        actor=actor_for("tanaka"),
    )
    detail = window.list_page.detail
    detail.show_case(cases["b"].receipt_no)
    settle(desk)
    model = detail.history_model
    notes = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert any("回答待ち（期限超過）" in note for note in notes)
    assert all(
        model.index(r, 2).data(Qt.ItemDataRole.ForegroundRole) is None
        for r in range(model.rowCount())
    )


def test_the_case_sheet_preview_takes_the_system_colours(qtbot, colours, open_window, desk, settle):
    colours(True)
    window = open_window()
    detail = window.list_page.detail
    window.list_page.table.selectRow(0)
    settle(desk)
    detail.case_sheet.click()
    settle(desk)
    html = detail.dialog.preview.toHtml()  # type: ignore[union-attr]
    assert "#eef1f5" not in html and "#a4262c" not in html  # no shade, no red: bold words
    assert detail.dialog.html().count("#eef1f5") == 2  # the printed page keeps paper's look
