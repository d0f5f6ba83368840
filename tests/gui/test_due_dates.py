"""Due dates in 開庁日: the +3/+5/+10 buttons of 対応を追加 and the detail pane's count."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from desktop_app.domain.business_days import add_business_days
from desktop_app.domain.inquiry_commands import InquiryChange
from desktop_app.domain.local_time import local_today
from desktop_app.services import actions, inquiries
from desktop_app.ui.inquiry_list.action_dialog import AddActionDialog
from desktop_app.ui.inquiry_list.detail_pane import DetailPane
from desktop_app.ui.widgets.business_day_buttons import BusinessDayButtons
from desktop_app.ui.widgets.due_text import due_text
from tests.actors import actor_for

TODAY = local_today()


@pytest.fixture
def dialog(qtbot, desk, cases):
    made = AddActionDialog(desk, cases["a"].receipt_no)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def buttons_of(dialog, field) -> dict[str, QPushButton]:
    [row] = [b for b in dialog.findChildren(BusinessDayButtons) if b.target is field]
    return {b.text(): b for b in row.findChildren(QPushButton)}


def test_a_referral_gets_its_deadlines_in_business_days(qtbot, dialog, desk, cases, settle):
    dialog.select_kind("referral")
    dialog.note.setPlainText("産業振興課へ紹介")
    dialog.target.setCurrentText("産業振興課")
    buttons_of(dialog, dialog.next_due)["+10"].click()
    buttons_of(dialog, dialog.reply_due)["+3"].click()
    assert dialog.reply_due.text() == f"{add_business_days(TODAY, 3):%Y/%m/%d}"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(desk)
    # The referral, and the status change to 紹介済 it made.
    [action] = [
        a for a in actions.list_actions(desk.db, cases["a"].receipt_no) if a.kind == "referral"
    ]
    assert (action.next_due, action.reply_due) == (
        add_business_days(TODAY, 10),
        add_business_days(TODAY, 3),
    )


def test_the_dialog_tabs_in_the_order_it_reads(qtbot, dialog):
    dialog.select_kind("referral")
    dialog.kind.setFocus()
    expected = [
        dialog.action_date,
        dialog.note,
        dialog.next_due,
        dialog.target_kind,
        dialog.target,
        dialog.reply_due,
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        dialog.kind,
    ]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


@pytest.mark.parametrize(
    ("today", "due", "text"),
    [
        (dt.date(2026, 4, 30), dt.date(2026, 5, 8), "期限まであと3開庁日"),
        (dt.date(2026, 5, 8), dt.date(2026, 5, 8), "本日が期限"),
        (dt.date(2026, 5, 11), dt.date(2026, 5, 7), "期限を2開庁日過ぎています"),
        (dt.date(2026, 5, 11), None, ""),
    ],
)
def test_due_text(today, due, text):
    assert due_text(due, today) == text


def test_the_detail_pane_counts_business_days_to_the_due_date(qtbot, desk, cases, settle):
    due = add_business_days(TODAY, 3)
    inquiries.update_inquiry(
        desk.db,
        InquiryChange.read(cases["a"].receipt_no, {"follow_up_due": due.isoformat()}),
        actor=actor_for("t"),
    )
    pane = DetailPane(desk)
    qtbot.addWidget(pane)
    pane.show_case(cases["a"].receipt_no)
    settle(desk)
    assert "期限まであと3開庁日" in pane.title.text()
    pane.show_case(cases["c"].receipt_no)  # closed (情報提供のみ): no deadline to count
    settle(desk)
    assert "開庁日" not in pane.title.text()
