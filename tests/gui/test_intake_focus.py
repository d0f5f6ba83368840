"""The intake form after Ctrl+N: at the top with 受付日 focused (its date selected, so typing
replaces it) and nothing of the previous case highlighted; Tab into a date box selects its date;
Tab into an address filled from the postal code leaves the cursor at its end."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.ui.main_window import MainWindow
from tests.gui.test_intake_form import type_text

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("desktop_app.ui.intake.intake_form") is None,
    reason="the intake form is not in this tree",
)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, desk, cases, settle):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    # Ctrl+N reaches only the active window; activation can lag behind show() under load.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.start()
    settle(desk)
    return window


def test_ctrl_n_starts_at_the_top_on_the_received_date(qtbot, window, desk, settle):
    window.resize(1093, 582)  # 1366x768 at 125%: the form scrolls
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    settle(desk)
    form = window.intake
    fields = form.inquiry.multis["agreement_bodies"]
    qtbot.waitUntil(lambda: fields.count() > 1, timeout=5000)
    # The clerk was down on 協定先 (an entry current, focus there) when the next call came.
    bar = form._scroll.verticalScrollBar()  # noqa: SLF001
    fields.setFocus()
    fields.setCurrentRow(1)
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    window.show_page("list")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    settle(desk)
    assert form._scroll.verticalScrollBar().value() == 0  # noqa: SLF001
    received = form.inquiry.received_at.edit
    assert QApplication.focusWidget() is received
    assert fields.currentRow() == -1  # no entry left highlighted for Space to toggle
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert fields.codes() == []


def test_ctrl_n_then_typing_a_date_replaces_today(qtbot, window, desk, settle):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    settle(desk)
    received = window.intake.inquiry.received_at
    assert QApplication.focusWidget() is received.edit
    assert received.edit.text()  # today's date is there to be typed over
    qtbot.keyClicks(received.edit, "R8.12.7")
    assert received.edit.text() == "R8.12.7"
    assert received.date() == dt.date(2026, 12, 7)
    assert received.echo.text().startswith("2026/12/07")


def test_tab_into_a_date_box_selects_its_date(qtbot, window, desk, settle):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    settle(desk)
    received = window.intake.inquiry.received_at.edit
    received.setCursorPosition(0)
    qtbot.keyClick(received, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not received
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is received
    assert received.selectedText() == received.text() != ""


def test_tab_into_a_filled_address_puts_the_cursor_at_its_end(qtbot, window, desk, settle):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    settle(desk)
    section = window.intake.inquirer
    postal, address = section.edits["postal_code"], section.edits["address"]
    postal.setFocus()
    qtbot.keyClicks(postal, "1050014")
    qtbot.waitUntil(lambda: address.text() == "東京都港区芝", timeout=10_000)
    postal.setFocus()
    for _ in range(40):  # the form's fields, at most: never Tab round for ever
        if QApplication.focusWidget() is address:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is address
    qtbot.wait(10)
    assert not address.hasSelectedText()
    assert address.cursorPosition() == len("東京都港区芝")
    qtbot.keyClicks(address, "5-36-4")
    assert address.text() == "東京都港区芝5-36-4"


def test_closing_the_window_keeps_the_last_second_of_typing(qtbot, window, desk, settle):
    """The draft waits a second after the last key; the window closed within it keeps what
    was typed all the same, offered back at the next Ctrl+N."""
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    settle(desk)
    form = window.intake
    form.inquiry.subject.setFocus()
    type_text(qtbot, form.inquiry.subject, "物産展の出店相談")
    path = form._drafts.path  # noqa: SLF001
    assert not path.exists()  # within the second: nothing kept yet
    window.close()
    assert json.loads(path.read_text(encoding="utf-8"))["contract"]["subject"] == "物産展の出店相談"
