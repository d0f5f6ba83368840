"""Two windows on one database file, and an action added under an open form: nothing newer
is lost. Each form has its own connection and worker, as two desk windows would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.inquiry_commands import InquiryChange, NewAction, NewInquiry
from desktop_app.domain.local_time import local_today
from desktop_app.services import actions, database, inquiries
from desktop_app.ui.intake.intake_form import IntakeForm
from desktop_app.ui.widgets.conflict_dialog import ConflictDialog
from tests.actors import actor_for
from tests.gui.test_intake_form import answer, type_text

WAIT_MS = 10_000
TODAY = local_today()


@pytest.fixture
def record(db, sample_inquiry):
    sample_inquiry["received_at"] = TODAY.isoformat()
    sample_inquiry["follow_up_due"] = (TODAY + dt.timedelta(days=10)).isoformat()
    return inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka"))


@pytest.fixture
def open_form(qtbot, make_desk, db_path: Path, tmp_path: Path, record):
    """`open_form(name)`: a form of its own window, connection and worker, showing `record`."""
    opened = []

    def make(name: str) -> IntakeForm:
        db = database.connect(db_path)
        opened.append(db)
        ctx = make_desk(db, staff=name)
        form = IntakeForm(ctx, draft_dir=tmp_path / name)
        qtbot.addWidget(form)
        form.resize(1280, 800)
        form.show()
        qtbot.waitExposed(form)
        qtbot.waitUntil(lambda: form.inquiry.combos["status"].count() > 0, timeout=WAIT_MS)
        form.load(record.receipt_no)
        qtbot.waitUntil(lambda: form.receipt_no == record.receipt_no, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT_MS)
        return form

    yield make
    for db in opened:
        db.dispose()


def save(qtbot, form: IntakeForm) -> None:
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS):
        form.save()


def stored(db, record):
    return inquiries.get_inquiry(db, record.receipt_no, actor=actor_for("t"))


def test_two_windows_changing_different_fields_both_keep_their_change(qtbot, open_form, db, record):
    first, second = open_form("sato"), open_form("suzuki")
    first.inquiry.subject.setText("防災訓練（日程調整中）")
    second.inquirer.edits["phone"].setText("03-5555-0202")
    save(qtbot, first)
    save(qtbot, second)

    now = stored(db, record)
    assert (now.subject, now.inquirer.phone) == ("防災訓練（日程調整中）", "03-5555-0202")
    # Each form shows what was stored, and takes it as the base of its next save.
    assert second.inquiry.subject.text() == "防災訓練（日程調整中）"
    assert second.title.text() == f"受付番号 {record.receipt_no} を編集"
    assert not second.is_dirty()
    second.inquiry.content.setPlainText("日程は来月に決める。")
    save(qtbot, second)
    assert stored(db, record).content == "日程は来月に決める。"


def conflict_dialog(qtbot, form: IntakeForm) -> ConflictDialog:
    qtbot.waitUntil(lambda: form.findChild(ConflictDialog) is not None, timeout=WAIT_MS)
    dialog = form.findChild(ConflictDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("side", ["keep_mine", "take_stored"])
def test_the_same_field_changed_in_two_windows_asks_which_to_keep(
    qtbot, open_form, db, db_path, snapshot, record, side
):
    first, second = open_form("sato"), open_form("suzuki")
    first.inquiry.subject.setText("第一の件名")
    first.inquirer.edits["kana"].setText("スズキ イチロー")
    second.inquiry.subject.setText("第二の件名")
    second.inquirer.edits["phone"].setText("03-5555-0303")
    save(qtbot, first)
    before = snapshot(db_path)

    second.save()
    dialog = conflict_dialog(qtbot, second)
    assert snapshot(db_path) == before  # nothing written until the clerk chose
    assert dialog.view.conflict_keys() == ["subject"]
    assert dialog.intro.text() == (
        f"{record.receipt_no} はこの画面を開いた後に変更されています。"
        "両方で変わった項目が 1 件あります。どちらの値を残すか選んでください。"
    )
    keep, take = dialog.view.choice_buttons("subject")
    (keep if side == "keep_mine" else take).click()
    with qtbot.waitSignal(second.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    now = stored(db, record)
    assert now.subject == ("第二の件名" if side == "keep_mine" else "第一の件名")
    assert now.inquirer.kana == "スズキ イチロー"  # the first window's other change stays
    assert now.inquirer.phone == "03-5555-0303"  # and the second's
    assert second.inquiry.subject.text() == now.subject
    assert not second.is_dirty()


def test_cancelling_the_choice_saves_nothing_and_keeps_the_input(
    qtbot, open_form, db_path, snapshot
):
    first, second = open_form("sato"), open_form("suzuki")
    first.inquiry.subject.setText("第一の件名")
    second.inquiry.subject.setText("第二の件名")
    save(qtbot, first)
    before = snapshot(db_path)
    second.save()
    dialog = conflict_dialog(qtbot, second)
    dialog.reject()
    QApplication.processEvents()
    assert snapshot(db_path) == before
    assert second.inquiry.subject.text() == "第二の件名"
    assert second.is_dirty()


def test_an_action_added_under_an_open_form_keeps_its_due_date(qtbot, open_form, db, record):
    form = open_form("sato")
    assert form.inquiry.follow_up_due.edit.text() == f"{TODAY + dt.timedelta(days=10):%Y/%m/%d}"
    later = TODAY + dt.timedelta(days=20)
    actions.add_action(
        db,
        NewAction(record.receipt_no, kind="call", note="先方から折り返し", next_due=later),
        actor=actor_for("t"),
    )
    type_text(qtbot, form.inquiry.content, "（電話あり）")
    form.inquiry.content.setFocus()
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS):
        qtbot.keyClick(form.inquiry.content, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    now = stored(db, record)
    assert now.follow_up_due == later
    assert now.content.startswith("（電話あり）")
    assert form.inquiry.follow_up_due.edit.text() == f"{later:%Y/%m/%d}"
    assert form.notice.text() == f"受付番号 {record.receipt_no} で保存しました"


def test_a_restored_draft_of_an_edit_merges_with_changes_made_since(
    qtbot, open_form, db, record, tmp_path
):
    form = open_form("sato")
    form.inquiry.subject.setText("下書きの件名")
    draft = form._drafts.path
    qtbot.waitUntil(draft.exists, timeout=WAIT_MS)
    form.close()
    later = TODAY + dt.timedelta(days=20)
    actions.add_action(
        db,
        NewAction(record.receipt_no, kind="call", note="折り返し", next_due=later),
        actor=actor_for("t"),
    )
    inquiries.update_inquiry(
        db,
        InquiryChange.read(record.receipt_no, {"subject": "ほかの窓口の件名"}),
        actor=actor_for("t"),
    )

    again = open_form("sato")  # the same draft folder: the draft is offered
    answer(qtbot, again, "restoreDraftBox", QMessageBox.StandardButton.Yes)
    dialog = conflict_dialog(qtbot, again)
    assert dialog.view.conflict_keys() == ["subject"]
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT_MS):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # keep the draft's
    assert again.inquiry.subject.text() == "下書きの件名"
    assert again.inquiry.follow_up_due.date() == later
    save(qtbot, again)
    now = stored(db, record)
    assert (now.subject, now.follow_up_due) == ("下書きの件名", later)
