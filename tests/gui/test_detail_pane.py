"""The detail pane: the selected case, its history, actions, replies, status, case sheet."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.domain.inquiry_commands import InquiryChange, NewAction
from desktop_app.domain.local_time import local_today
from desktop_app.services import actions, inquiries
from desktop_app.ui.inquiry_list.list_model import COLUMN_NAMES
from desktop_app.ui.inquiry_list.list_page import InquiryListPage
from tests.actors import actor_for

TODAY = local_today()


@pytest.fixture
def page(qtbot, desk, cases, settle):
    page = InquiryListPage(desk)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.start()
    settle(desk)
    return page


def test_before_a_case_is_chosen_the_pane_says_so_and_offers_nothing(page):
    # the list starts with no row selected: a button there would act on no case
    pane = page.detail
    assert pane.title.text() == "一覧から相談を選んでください"
    buttons = (pane.add_action, pane.log_reply, pane.change_status, pane.edit, pane.case_sheet)
    assert [b.isEnabled() for b in buttons] == [False] * 5


def select(page, settle, desk, receipt_no: str) -> None:
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).receipt_no == receipt_no)
    page.table.selectRow(row)
    settle(desk)
    assert page.detail.receipt_no == receipt_no


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(qtbot, dialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))


def error_box(widget) -> QMessageBox | None:
    return widget.findChild(QMessageBox, "errorBox")


def field_error(dialog, key: str) -> str:
    """The message standing under the dialog's field `key` ("" when none is shown)."""
    label = dialog.error_boxes[key].error
    return label.text() if label.isVisibleTo(dialog) else ""


def history_texts(page) -> list[list[str]]:
    model = page.detail.history_model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_selecting_a_row_shows_the_case_and_its_history(qtbot, page, desk, cases, settle):
    actions.add_action(
        desk.db,
        NewAction(cases["a"].receipt_no, kind="call", note="折り返し電話"),
        actor=actor_for("t"),
    )
    select(page, settle, desk, cases["a"].receipt_no)
    summary = page.detail.summary.toPlainText()
    assert "柚子の物産展に出店したい" in summary
    assert "鈴木 一郎" in summary and "区民・民間↔全国各地域" in summary
    assert history_texts(page)[0][1] == "電話連絡"
    assert history_texts(page)[0][-1] == "折り返し電話\n担当 t"


def test_add_an_action_by_typing(qtbot, page, desk, cases, settle):
    select(page, settle, desk, cases["a"].receipt_no)
    click(qtbot, page.detail.add_action)
    dialog = page.detail.dialog
    dialog.select_kind("meeting")
    qtbot.keyClicks(dialog.note, "meeting with the shop owners")
    dialog.next_due.setFocus()
    qtbot.keyClicks(dialog.next_due, (TODAY + dt.timedelta(days=7)).strftime("%Y/%m/%d"))
    save(qtbot, dialog)
    settle(desk)

    rows = history_texts(page)
    assert [row[1] for row in rows] == ["面談"]
    due_on = f"{TODAY + dt.timedelta(days=7):%Y/%m/%d}"
    assert rows[0][-1] == f"meeting with the shop owners\n次回期限 {due_on}　担当 tanaka"
    record = inquiries.get_inquiry(desk.db, cases["a"].receipt_no, actor=actor_for("t"))
    assert record.follow_up_due == TODAY + dt.timedelta(days=7)
    # The list row is read again: its next due date is the new one.
    due = page.model.index(0, COLUMN_NAMES.index("follow_up_due"))
    qtbot.waitUntil(lambda: due.data() == f"{TODAY + dt.timedelta(days=7):%Y/%m/%d}", timeout=5000)


def test_referral_waits_for_its_reply_until_logged(qtbot, page, desk, cases, settle):
    select(page, settle, desk, cases["d"].receipt_no)
    click(qtbot, page.detail.add_action)
    dialog = page.detail.dialog
    dialog.select_kind("referral")
    assert dialog.referral.isVisible()
    qtbot.keyClicks(dialog.note, "referred to the department")
    save(qtbot, dialog)  # no destination yet: refused, dialog stays open
    assert error_box(dialog) is None
    assert field_error(dialog, "referred_to") == "「紹介先」は必須です。入力してください。"
    dialog.target.setCurrentText("産業振興課")
    assert field_error(dialog, "referred_to") == ""
    dialog.reply_due.setText((TODAY + dt.timedelta(days=3)).strftime("%Y/%m/%d"))
    save(qtbot, dialog)
    settle(desk)

    reply_due = f"{TODAY + dt.timedelta(days=3):%Y/%m/%d}"
    note, details = history_texts(page)[0][-1].split("\n")
    assert note == "referred to the department"
    assert details == f"紹介先 所管課：産業振興課　回答期限 {reply_due}　回答待ち　担当 tanaka"
    page.detail.history.selectRow(0)
    assert page.detail.log_reply.isEnabled()
    click(qtbot, page.detail.log_reply)
    page.detail.dialog.setTextValue(TODAY.strftime("%Y/%m/%d"))
    page.detail.dialog.accept()
    settle(desk)
    assert f"回答 {TODAY:%Y/%m/%d}" in history_texts(page)[0][-1]
    assert "回答待ち" not in history_texts(page)[0][-1]


def test_closing_asks_for_the_outcome(qtbot, page, desk, cases, settle):
    receipt = cases["b"].receipt_no
    select(page, settle, desk, receipt)
    click(qtbot, page.detail.change_status)
    dialog = page.detail.dialog
    dialog.select_status("info_only")
    assert dialog.outcome.isEnabled()
    dialog.outcome.clear()
    save(qtbot, dialog)
    assert field_error(dialog, "outcome") == "「結果」は必須です。入力してください。"
    assert dialog.isVisible() and dialog.focusWidget() is dialog.outcome
    assert inquiries.get_inquiry(desk.db, receipt, actor=actor_for("t")).status == "in_progress"

    dialog.outcome.setFocus()
    qtbot.keyClicks(dialog.outcome, "brochure sent")
    save(qtbot, dialog)
    settle(desk)
    record = inquiries.get_inquiry(desk.db, receipt, actor=actor_for("t"))
    assert (record.status, record.outcome) == ("info_only", "brochure sent")
    assert "情報提供で完了" in page.detail.summary.toPlainText()
    # The change is a line of the history, and the closed case has no follow-up date left.
    assert [row[1] for row in history_texts(page)] == ["状況変更"]
    assert history_texts(page)[0][-1].startswith("対応中 → 情報提供で完了（結果: brochure sent）")
    assert record.follow_up_due is None
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).receipt_no == receipt)
    due = model.index(row, COLUMN_NAMES.index("follow_up_due"))
    qtbot.waitUntil(lambda: due.data() in ("", None), timeout=5000)


def test_refused_transition_shows_the_message_and_changes_nothing(
    qtbot, page, desk, cases, settle, snapshot, db_path
):
    receipt = cases["a"].receipt_no
    select(page, settle, desk, receipt)
    click(qtbot, page.detail.change_status)
    dialog = page.detail.dialog
    dialog.select_status("referred")
    # Meanwhile a colleague closes the case from another window.
    inquiries.update_inquiry(
        desk.db,
        InquiryChange.read(receipt, {"status": "withdrawn", "outcome": "取下げの連絡"}),
        actor=actor_for("sato"),
    )
    before = snapshot(db_path)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: error_box(dialog) is not None, timeout=5000)
    assert re.match(r"状況を「.+」から「.+」には変更できません。", error_box(dialog).text())
    assert snapshot(db_path) == before
    assert inquiries.get_inquiry(desk.db, receipt, actor=actor_for("t")).status == "withdrawn"


def test_reopening_a_closed_case(qtbot, page, desk, cases, settle):
    receipt = cases["c"].receipt_no
    select(page, settle, desk, receipt)
    click(qtbot, page.detail.change_status)
    dialog = page.detail.dialog
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == ["in_progress"]
    assert "再開" in dialog.hint.text()
    save(qtbot, dialog)
    settle(desk)
    assert inquiries.get_inquiry(desk.db, receipt, actor=actor_for("t")).status == "in_progress"


def test_case_sheet_pdf_with_and_without_personal_data(qtbot, page, desk, cases, settle, tmp_path):
    select(page, settle, desk, cases["a"].receipt_no)
    click(qtbot, page.detail.case_sheet)
    dialog = page.detail.dialog
    assert not dialog.personal.isChecked()
    without = dialog.html()
    assert "相談票" in without and "柚子の物産展に出店したい" in without
    assert "鈴木" not in without and "03-5555-0101" not in without and "港区芝" not in without
    dialog.personal.setChecked(True)
    with_personal = dialog.html()
    assert "鈴木 一郎" in with_personal and "03-5555-0101" in with_personal
    assert "鈴木 一郎" in dialog.preview.toPlainText()

    for name, ticked in (("without.pdf", False), ("with.pdf", True)):
        dialog.personal.setChecked(ticked)
        pdf = dialog.save_pdf(tmp_path / name).read_bytes()
        assert pdf.startswith(b"%PDF") and len(pdf) > 1000
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 1
    settle(desk)
    with sqlite3.connect(desk.db.path) as conn:
        saved = conn.execute(
            "SELECT field, new FROM audit_log WHERE action = 'pdf' ORDER BY pk"
        ).fetchall()
    conn.close()
    assert saved == [(None, "without.pdf"), ("personal", "with.pdf")]  # each PDF is audited


def test_edit_asks_the_window_to_open_the_form(qtbot, page, desk, cases, settle):
    select(page, settle, desk, cases["a"].receipt_no)
    with qtbot.waitSignal(page.editRequested) as signal:
        click(qtbot, page.detail.edit)
    assert signal.args == [cases["a"].receipt_no]


def test_history_model_passes_qtmodeltester(qtmodeltester, page, desk, cases, settle):
    actions.add_action(
        desk.db, NewAction(cases["a"].receipt_no, kind="note", note="メモ"), actor=actor_for("t")
    )
    select(page, settle, desk, cases["a"].receipt_no)
    qtmodeltester.check(page.detail.history_model)


def test_enter_with_an_empty_note_is_refused_at_the_field(
    qtbot, page, desk, cases, settle, snapshot, db_path
):
    select(page, settle, desk, cases["a"].receipt_no)
    click(qtbot, page.detail.add_action)
    dialog = page.detail.dialog
    qtbot.waitUntil(dialog.isVisible)
    before = snapshot(db_path)
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Return)  # the default button: 保存
    settle(desk)

    assert dialog.isVisible() and error_box(dialog) is None
    assert field_error(dialog, "note") == "「内容」は必須です。入力してください。"
    assert dialog.focusWidget() is dialog.note
    assert snapshot(db_path) == before
    qtbot.keyClicks(dialog.note, "will call back on Friday")
    assert field_error(dialog, "note") == ""
    save(qtbot, dialog)
    settle(desk)
    assert [row[-1] for row in history_texts(page)] == ["will call back on Friday\n担当 tanaka"]


def test_the_kind_list_leaves_status_changes_to_the_status_dialog(qtbot, page, desk, cases, settle):
    select(page, settle, desk, cases["a"].receipt_no)
    click(qtbot, page.detail.add_action)
    kinds = page.detail.dialog.kind
    codes = [kinds.itemData(i) for i in range(kinds.count())]
    assert "call" in codes and "status_change" not in codes
