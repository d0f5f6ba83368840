"""Keyboard routes and permissions shown early: Ctrl+F and Ctrl+1 land in the search box,
dialogs open on their first field, a clerk sees what is not theirs greyed with the reason,
回答を記録 offers the case's open referrals, 担当 names the person."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.actor import Role
from desktop_app.domain.inquiry_commands import NewAction
from desktop_app.domain.local_time import local_today
from desktop_app.services import actions, staff
from desktop_app.services.staff_names import staff_names
from desktop_app.ui.exchange.export_panel import package_file_name
from desktop_app.ui.main_window import PAGES, MainWindow
from tests.actors import actor_for

CTRL = Qt.KeyboardModifier.ControlModifier


def _window(qtbot, ctx, settle) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.start()
    settle(ctx)
    return window


@pytest.fixture
def window(qtbot, desk, cases, settle):
    return _window(qtbot, desk, settle)


def _select_case(window, settle, desk, receipt_no: str) -> None:
    page = window.list_page
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).receipt_no == receipt_no)
    page.table.selectRow(row)
    settle(desk)
    assert page.detail.receipt_no == receipt_no


def test_ctrl_f_focuses_the_search_from_any_screen(qtbot, window, desk, settle):
    window.show_page("followups")
    settle(desk)
    window.list_page.filters.text.setText("防災")
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.stack.currentIndex() == PAGES.index("list")
    search = window.list_page.filters.text
    assert QApplication.focusWidget() is search
    assert search.selectedText() == "防災"  # typing replaces it


def test_ctrl_1_lands_in_the_search_box(qtbot, window, desk, settle):
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    settle(desk)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.stack.currentIndex() == PAGES.index("list")
    assert QApplication.focusWidget() is window.list_page.filters.text


def test_add_action_opens_on_its_first_field(qtbot, window, desk, cases, settle):
    _select_case(window, settle, desk, cases["a"].receipt_no)
    qtbot.mouseClick(window.list_page.detail.add_action, Qt.MouseButton.LeftButton)
    dialog = window.list_page.detail.dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.kind, timeout=3000)
    dialog.reject()


def test_change_status_opens_on_its_first_field(qtbot, window, desk, cases, settle):
    _select_case(window, settle, desk, cases["a"].receipt_no)
    qtbot.mouseClick(window.list_page.detail.change_status, Qt.MouseButton.LeftButton)
    dialog = window.list_page.detail.dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.status, timeout=3000)
    dialog.reject()


def test_a_referral_sets_referred_and_reply_is_offered(qtbot, window, desk, db, cases, settle):
    receipt = cases["a"].receipt_no
    for place in ("所管課：産業振興課", "交流自治体：釧路市"):
        actions.add_action(
            db,
            NewAction(
                receipt,
                kind="referral",
                note=f"{place}へ紹介",
                referred_to=place,
                reply_due=local_today() + dt.timedelta(days=7),
            ),
            actor=actor_for("tanaka"),
        )
    _select_case(window, settle, desk, receipt)
    detail = window.list_page.detail
    assert detail.detail.record.status == "referred"
    assert window.list_page.detail.history.selectionModel().selectedRows() == []
    assert detail.log_reply.isEnabled()  # no row of 対応履歴 selected first
    qtbot.mouseClick(detail.log_reply, Qt.MouseButton.LeftButton)
    choice = detail.dialog
    assert choice.objectName() == "replyChoice"
    offered = choice.comboBoxItems()
    assert len(offered) == 2 and "交流自治体：釧路市" in offered[1]
    choice.setTextValue(offered[1])
    choice.accept()
    dated = detail.dialog
    assert dated.objectName() == "replyDialog"
    dated.setTextValue(local_today().strftime("%Y/%m/%d"))
    dated.accept()
    settle(desk)
    waiting = [a.referred_to for a in actions.list_actions(db, receipt) if a.awaiting_reply]
    assert waiting == ["所管課：産業振興課"]
    # One referral left: 回答を記録 goes straight to its date.
    qtbot.mouseClick(detail.log_reply, Qt.MouseButton.LeftButton)
    assert detail.dialog.objectName() == "replyDialog"
    assert "産業振興課" in detail.dialog.labelText()
    detail.dialog.reject()


@pytest.fixture
def clerk_window(qtbot, make_desk, db, cases, settle):
    return _window(qtbot, make_desk(db, staff="suzuki", role=Role.CLERK), settle)


def test_a_clerk_sees_exchange_and_audit_greyed_with_the_reason(qtbot, clerk_window, settle):
    window = clerk_window
    for name, what in (("exchange", "データの送付・取込"), ("audit", "操作記録の閲覧")):
        item = window.nav.item(PAGES.index(name))
        assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
        assert what in item.toolTip() and "係長・管理職" in item.toolTip()
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)  # 取込・送付: nothing opens, nothing pops up
    settle(window.ctx)
    assert window.stack.currentIndex() == PAGES.index("list")
    assert window.findChild(QMessageBox, "errorBox") is None
    assert "exchange" not in window._built  # noqa: SLF001 (never built, so never refused)


def test_a_clerk_sees_backup_and_restore_greyed(qtbot, clerk_window, settle):
    window = clerk_window
    window.show_page("settings")
    settle(window.ctx)
    box = window.settings.backups
    for button in (box.backup_now, box.restore, box.save_folder):
        assert not button.isEnabled()
        assert "設定の変更" in button.toolTip() and "システム管理者" in button.toolTip()
    assert window.findChild(QMessageBox, "errorBox") is None


def test_an_admin_may_use_everything(qtbot, window, desk, settle):
    for row in range(window.nav.count()):
        assert window.nav.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    window.show_page("settings")
    settle(desk)
    assert window.settings.backups.backup_now.isEnabled()


def test_the_person_in_charge_is_shown_by_name(qtbot, make_desk, db, cases, settle):
    staff.add_staff(
        db,
        login="takahashi",
        name="高橋 一郎",
        role="clerk",
        password="madoguchi-pass-1",
        actor=actor_for(),
    )
    assert staff_names(db)["takahashi"] == "高橋 一郎"
    actions.add_action(
        db,
        NewAction(cases["a"].receipt_no, kind="call", note="折り返し"),
        actor=actor_for("takahashi", Role.CLERK),
    )
    ctx = make_desk(db)
    window = _window(qtbot, ctx, settle)
    _select_case(window, settle, ctx, cases["a"].receipt_no)
    model = window.list_page.detail.history_model
    texts = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert any("担当 高橋 一郎" in text for text in texts), texts
    assert not any("担当 takahashi" in text for text in texts)
    from desktop_app.ui.inquiry_fields import inquiry_lines

    record = window.list_page.detail.detail.record
    assert (
        "担当",
        "高橋 一郎",
    ) in inquiry_lines(
        dataclasses.replace(record, staff="takahashi"), ctx.vocab, include_personal=False
    )
    unknown = dataclasses.replace(ctx.vocab, staff={})
    assert unknown.staff_name("someone-elsewhere") == "someone-elsewhere"


def test_a_package_name_is_in_the_offices_local_time():
    # 23:30 UTC on 30 November is 08:30 on 1 December in Tokyo.
    moment = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    assert package_file_name("SHIBA", "HQ", moment) == "SHIBA-HQ-20261201-0830.xlsx"
