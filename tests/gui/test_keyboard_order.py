"""The keyboard and the mouse as a clerk uses them on the list side: Tab walks every screen in
the order it reads (top to bottom, left to right), and clicking a label works its field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QWidget

from desktop_app.ui.case_sheet.case_sheet_dialog import CaseSheetDialog
from desktop_app.ui.inquiry_list.action_dialog import AddActionDialog
from desktop_app.ui.inquiry_list.status_dialog import StatusDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings.settings_page import SettingsPage

TOLERANCE = 4  # pixels: widgets on one row may differ by a few


@pytest.fixture
def window(qtbot, desk, cases, settle):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    settle(desk)
    return window


def _rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    where = _rect(widget).topLeft().toTuple()
    return f"{type(widget).__name__}({widget.objectName() or text})@{where}"


def _tab_stops(page: QWidget) -> list[QWidget]:
    """What Tab should reach on `page`: visible, enabled widgets that take Tab focus."""
    return [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]


def _walk(qtbot, page: QWidget) -> list[QWidget]:
    """Tab from the page's visually first stop until focus leaves the page or comes back."""
    stops = _tab_stops(page)
    # The top row (tops within TOLERANCE of the highest) read from the left.
    highest = min(_rect(w).top() for w in stops)
    top_row = [w for w in stops if _rect(w).top() <= highest + TOLERANCE]
    first = min(top_row, key=lambda w: _rect(w).left())
    first.setFocus(Qt.FocusReason.TabFocusReason)
    chain = [QApplication.focusWidget()]
    for _ in range(len(stops) * 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is chain[0] or now is None or not page.isAncestorOf(now):
            break
        assert now is not chain[-1], f"Tab stays in {_name(now)}"
        chain.append(now)
    return chain


def _reads_after(a: QWidget, b: QWidget) -> bool:
    """b comes after a in reading order: below it, or beside it on its right."""
    ra, rb = _rect(a), _rect(b)
    below = rb.top() >= ra.bottom() - TOLERANCE
    beside = (
        rb.top() < ra.bottom() and rb.bottom() > ra.top() and rb.left() >= ra.right() - TOLERANCE
    )
    return below or beside


def _check_order(chain: list[QWidget], page: QWidget) -> None:
    names = [_name(w) for w in chain]
    assert len(set(map(id, chain))) == len(chain), names
    for a, b in zip(chain, chain[1:], strict=False):
        assert _reads_after(a, b), f"{_name(b)} is reached after {_name(a)}: {names}"
    missed = [_name(w) for w in _tab_stops(page) if w not in chain]
    assert not missed, f"never reached by Tab: {missed}; walked: {names}"


@pytest.mark.parametrize("screen", ["list", "followups", "masters", "settings"])
def test_tab_follows_the_visual_order(qtbot, window, desk, settle, screen):
    window.show_page(screen)
    settle(desk)
    if screen == "list":
        window.list_page.table.selectRow(0)  # the detail pane's buttons are enabled
        settle(desk)
    page = window.stack.currentWidget()
    chain = _walk(qtbot, page)
    assert len(chain) >= 2
    _check_order(chain, page)


def _click_text(qtbot, box: QCheckBox) -> None:
    """Click on the caption of the tick box, not on its square."""
    x = box.width() - box.fontMetrics().horizontalAdvance(box.text()) // 2 - 2
    x = min(x, 22 + box.fontMetrics().horizontalAdvance(box.text()) // 2)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(x, box.height() // 2))


def _clickable(qtbot, dialog: QWidget) -> int:
    """Click every tick box's caption and every field label; count what responded."""
    worked = 0
    for box in dialog.findChildren(QCheckBox):
        if box.isVisibleTo(dialog):
            before = box.isChecked()
            _click_text(qtbot, box)
            assert box.isChecked() is not before, box.text()
            worked += 1
    for label in dialog.findChildren(QLabel):
        buddy = label.buddy()
        if (
            buddy is None
            or not label.isVisibleTo(dialog)
            or not buddy.isEnabled()
            or buddy.focusPolicy() == Qt.FocusPolicy.NoFocus  # a value shown, not a field
        ):
            continue
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
        focused = label.window().focusWidget()  # the field its window will type into
        assert focused is buddy or buddy.isAncestorOf(focused), label.text()
        worked += 1
    return worked


def test_labels_work_their_fields_in_every_dialog(qtbot, window, desk, cases, settle):
    page = window.list_page
    page.table.selectRow(0)
    settle(desk)
    detail = page.detail.detail
    record = detail.record
    action = AddActionDialog(desk, record.receipt_no, window)
    action.select_kind("referral")
    dialogs = {
        "status": StatusDialog(desk, record, window),
        "action": action,
        "case sheet": CaseSheetDialog(desk, detail, window),
        "settings": SettingsPage(desk),
        "filter bar": page.filters,
    }
    for name, dialog in dialogs.items():
        if dialog.parent() is None:
            qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        assert _clickable(qtbot, dialog) >= 1, name
    assert page.filters.overdue.isChecked()  # its caption was clicked once


def test_a_label_click_ticks_the_box_it_names(qtbot, window, desk, settle):
    bar = window.list_page.filters
    overdue = bar.overdue
    assert not overdue.isChecked()
    _click_text(qtbot, overdue)
    assert overdue.isChecked()
    settle(desk)
    assert window.list_page.match_count.text() == "1件"
