"""Screens re-read what a write changed, and only that (domain.changes, DbRunner.changed)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from desktop_app.domain.changes import CASES, NOTHING, Changes, Kind
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import InquiryChange
from desktop_app.services import inquiries
from desktop_app.ui.main_window import MainWindow
from tests.actors import actor_for
from tests.gui.conftest import TODAY, WAIT_MS
from tests.gui.exchange.test_ledger_wizard import CELLS as LEDGER
from tests.gui.test_intake_form import fill_minimum
from tests.ledger import ledgers
from tests.retention.conftest import case, person


@pytest.fixture
def window(qtbot, desk, settle, cases):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(desk)
    return window


def heard(ctx) -> list[Changes]:
    seen: list[Changes] = []
    ctx.runner.changed.connect(seen.append)
    return seen


def test_a_write_says_what_it_changed_after_it_succeeded(qtbot, desk, settle, cases):
    seen = heard(desk)
    receipt = cases["a"].receipt_no
    actor = actor_for("tanaka")
    done: list[str] = []
    desk.write(
        lambda db: inquiries.update_inquiry(
            db, InquiryChange.read(receipt, {"subject": "直した件名"}), actor=actor
        ),
        CASES,
        on_done=lambda record: done.append(record.subject),
    )
    settle(desk)
    assert done == ["直した件名"] and seen == [CASES]
    failed: list[BaseException] = []
    desk.write(
        lambda db: inquiries.update_inquiry(
            db, InquiryChange.read("NO-SUCH-1", {"subject": "x"}), actor=actor
        ),
        CASES,
        on_error=failed.append,
    )
    settle(desk)
    assert isinstance(failed[0], UserError) and seen == [CASES]  # a refused write says nothing
    # What changed may come from the result; nothing changed is not announced.
    desk.write(lambda db: 0, lambda count: CASES if count else NOTHING)
    settle(desk)
    assert seen == [CASES]
    owner = QObject()
    desk.write(lambda db: 1, Changes.of(Kind.MASTERS), on_done=lambda _: None, owner=owner)
    owner.deleteLater()  # the asking widget gone: the data changed all the same
    settle(desk)
    assert seen == [CASES, Changes.of(Kind.MASTERS)]


def test_changes_combine_and_are_asked_by_kind():
    both = Changes.of(Kind.CONFLICTS) | Changes.of(Kind.INQUIRIES)
    assert both.touches(CASES.kinds) and both.touches({Kind.CONFLICTS})
    assert not both.touches({Kind.MASTERS, Kind.STAFF})
    assert not NOTHING and not NOTHING.touches(CASES.kinds)


def test_retention_erasure_refreshes_the_list_and_the_detail(qtbot, make_desk, db, settle):
    receipt = case(db, person("古川 一郎", "03-1000-0001"), closed_on=dt.date(2019, 5, 1))
    desk = make_desk(db)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(desk)
    page = window.list_page
    page.table.selectRow(0)
    settle(desk)
    assert page.model.row_at(0).receipt_no == receipt
    assert "古川 一郎" in page.model.row_at(0).inquirer_label
    assert "古川 一郎" in page.detail.summary.toPlainText()

    window.show_page("settings")
    box = window.settings.retention
    settle(desk)
    box.count_button.click()
    settle(desk)
    box.erase_button.click()
    settle(desk)
    assert box.message.text() == "相談者 1 人（相談 1 件）の個人情報を消去しました。"

    window.show_page("list")  # nobody asked the list to refresh
    settle(desk)
    assert page.model.row_at(0).receipt_no == receipt
    assert "古川" not in page.model.row_at(0).inquirer_label
    assert "古川" not in page.detail.summary.toPlainText()


def test_a_screen_is_not_read_again_on_show_when_nothing_it_shows_changed(
    qtbot, window, desk, settle, cases
):
    window.show_page("followups")
    settle(desk)
    reads: list[int] = []
    window.followups.model.modelReset.connect(lambda: reads.append(1))
    window.show_page("list")
    window.show_page("followups")
    settle(desk)
    assert reads == []  # shown again, nothing changed: no query

    window.show_page("list")
    desk.write(lambda db: None, Changes.of(Kind.MASTERS))  # not what 対応予定 shows
    settle(desk)
    window.show_page("followups")
    settle(desk)
    assert reads == []

    window.show_page("list")
    receipt, actor = cases["a"].receipt_no, actor_for("tanaka")
    desk.write(
        lambda db: inquiries.update_inquiry(
            db, InquiryChange.read(receipt, {"subject": "直した"}), actor=actor
        ),
        CASES,
    )
    settle(desk)
    assert reads == []  # not on screen: marked, not read
    window.show_page("followups")
    settle(desk)
    assert reads == [1]

    desk.write(
        lambda db: inquiries.update_inquiry(
            db, InquiryChange.read(receipt, {"subject": "また"}), actor=actor
        ),
        CASES,
    )
    settle(desk)
    assert reads == [1, 1]  # on screen: read at once


def test_a_save_in_the_intake_form_reaches_the_list_when_it_is_next_shown(
    qtbot, window, desk, settle, cases
):
    assert window.list_page.match_count.text() == "4件"
    window.new_inquiry()
    form = window.intake
    qtbot.waitUntil(lambda: form.inquirer.type.count() > 1, timeout=WAIT_MS)
    settle(desk)
    fill_minimum(qtbot, form, "変更を知らせる件名")
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS):
        form.save()
    settle(desk)
    window.show_page("list")  # the window no longer refreshes the list by hand
    settle(desk)
    assert window.list_page.match_count.text() == "5件"


def test_an_action_added_in_the_detail_pane_reaches_the_followups(
    qtbot, window, desk, settle, cases
):
    window.show_page("followups")
    settle(desk)
    before = window.followups.model.rowCount()
    window.show_page("list")
    page = window.list_page
    receipt = cases["a"].receipt_no
    model = page.model
    page.table.selectRow(
        next(r for r in range(model.rowCount()) if model.row_at(r).receipt_no == receipt)
    )
    settle(desk)
    qtbot.mouseClick(page.detail.add_action, Qt.MouseButton.LeftButton)
    dialog = page.detail.dialog
    dialog.select_kind("meeting")
    qtbot.keyClicks(dialog.note, "next meeting")
    dialog.next_due.setFocus()
    qtbot.keyClicks(dialog.next_due, (TODAY + dt.timedelta(days=3)).strftime("%Y/%m/%d"))
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    settle(desk)
    assert page.detail.receipt_no == receipt  # the list read in place: the case stays
    window.show_page("followups")
    settle(desk)
    shown = window.followups.model
    cells = {
        shown.index(r, c).data()
        for r in range(shown.rowCount())
        for c in range(shown.columnCount())
    }
    assert f"{TODAY + dt.timedelta(days=3):%Y/%m/%d}" in cells and receipt in cells
    assert shown.rowCount() >= before


def test_a_ledger_import_reaches_the_list_and_the_dashboard(qtbot, window, desk, settle, tmp_path):
    window.show_page("dashboard")
    settle(desk)
    before = window.dashboard.figures.headline
    window.show_page("exchange")
    settle(desk)
    ledger = ledgers.write_xlsx(tmp_path / "受付簿.xlsx", LEDGER)
    wizard = window.exchange.open_ledger_wizard()
    wizard.file_page.file.setText(str(ledger))
    wizard.button(QWizard.WizardButton.NextButton).click()
    content = wizard.mapping_page.target_combo(2)  # 話の中身, as a person maps it
    content.setCurrentIndex(content.findData("content"))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.mouseClick(wizard.report_page.run, Qt.MouseButton.LeftButton)
    assert "取り込みました" in wizard.report_page.summary.text()
    wizard.close()
    window.show_page("list")  # nobody asked the list to refresh
    settle(desk)
    assert window.list_page.match_count.text() == "6件"
    window.show_page("dashboard")
    settle(desk)
    assert window.dashboard.figures.headline != before
