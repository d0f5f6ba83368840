"""受付一覧 as a clerk reads it: the sort arrow points the way the list runs, 対応履歴's 内容
takes the pane's remaining width and wraps, dates read 2026/12/15, the 相談票 fits the screen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor

from desktop_app.domain.inquiry_commands import NewAction
from desktop_app.services import actions
from desktop_app.ui.case_sheet.case_sheet_dialog import CaseSheetDialog
from desktop_app.ui.inquiry_list.list_model import COLUMN_NAMES
from desktop_app.ui.inquiry_list.list_page import InquiryListPage
from desktop_app.ui.widgets.screen_fit import fitted_size
from tests.actors import actor_for
from tests.gui.conftest import WAIT_MS

LONG_NOTE = (
    "釧路市の水産物を扱う商店街の物産展について、出店条件と搬入日程を"
    "産業振興課に確認し、折り返し連絡すると伝えた。"
)


@pytest.fixture
def page(qtbot, desk, cases, settle):
    page = InquiryListPage(desk)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    page.start()
    settle(desk)
    return page


def _arrow_direction(header, column: int) -> str:
    """ "down" when the arrow drawn in `column`'s header is widest at its top, "up" otherwise."""
    image = header.grab().toImage()
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    background = QColor(image.pixel(right - 4, image.height() // 2 - 6))
    widths = []
    for y in range(2, image.height() - 2):  # not the header's own top and bottom lines
        dark = [
            x
            for x in range(right - 20, right - 3)  # where the arrow goes, short of the border
            if abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 60
        ]
        if dark:
            widths.append(max(dark) - min(dark) + 1)
    assert len(widths) >= 3, "no sort arrow drawn"
    return "down" if widths[0] > widths[-1] else "up"


def _dates(page) -> list[str]:
    column = COLUMN_NAMES.index("received_at")
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_the_sort_arrow_points_the_way_the_list_runs(qtbot, page, desk, settle):
    header = page.table.horizontalHeader()
    column = COLUMN_NAMES.index("received_at")
    assert _dates(page) == sorted(_dates(page), reverse=True)  # newest first
    assert _arrow_direction(header, column) == "down"

    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    settle(desk)
    assert _dates(page) == sorted(_dates(page))  # oldest first
    assert _arrow_direction(header, column) == "up"


def test_the_note_takes_the_remaining_width_and_wraps(qtbot, page, desk, cases, settle):
    actions.add_action(
        desk.db, NewAction(cases["a"].receipt_no, kind="call", note=LONG_NOTE), actor=actor_for("t")
    )
    page.table.selectRow(0)
    settle(desk)
    history = page.detail.history
    qtbot.waitUntil(lambda: history.model().rowCount() == 1, timeout=WAIT_MS)
    header = history.horizontalHeader()
    note = header.count() - 1
    assert history.model().headerData(note, Qt.Orientation.Horizontal) == "内容"
    others = sum(header.sectionSize(c) for c in range(note))
    assert header.sectionSize(note) == history.viewport().width() - others
    assert header.sectionSize(note) >= history.viewport().width() // 2
    line = history.fontMetrics().height()
    qtbot.waitUntil(lambda: history.rowHeight(0) >= 3 * line, timeout=WAIT_MS)
    assert history.horizontalScrollBar().maximum() == 0  # nothing to scroll to


def test_every_date_on_the_list_side_reads_yyyy_mm_dd(qtbot, page, desk, cases, settle):
    due = dt.date(2026, 12, 15)
    actions.add_action(
        desk.db,
        NewAction(cases["a"].receipt_no, kind="call", note="連絡", next_due=due),
        actor=actor_for("t"),
    )
    page.model.reload()
    settle(desk)
    page.table.selectRow(0)
    settle(desk)
    column = COLUMN_NAMES.index("follow_up_due")
    assert page.model.index(0, column).data() == "2026/12/15"
    assert "2026/12/15" in page.detail.summary.toPlainText()
    assert "次回期限 2026/12/15" in page.detail.history.model().index(0, 2).data()
    assert "2026-12-15" not in page.detail.summary.toPlainText()


@pytest.mark.parametrize(
    ("available", "wanted", "fitted"),
    [
        (QRect(0, 0, 1366, 728), QSize(720, 820), QSize(720, 688)),  # 1366x768, a taskbar
        (QRect(0, 0, 1920, 1040), QSize(720, 820), QSize(720, 820)),
        (QRect(0, 0, 640, 480), QSize(720, 820), QSize(600, 440)),
    ],
)
def test_a_window_is_fitted_to_the_screen_it_opens_on(available, wanted, fitted):
    assert fitted_size(wanted, available) == fitted


def test_the_case_sheet_fits_its_screen(qtbot, page, desk, cases, settle):
    page.table.selectRow(0)
    settle(desk)
    dialog = CaseSheetDialog(desk, page.detail.detail, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    available = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= available.height()
    assert dialog.frameGeometry().width() <= available.width()
    assert "柚子の物産展" in dialog.preview.toPlainText()
