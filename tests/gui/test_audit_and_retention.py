"""操作記録 and the retention section of 設定, driven as a supervisor and an admin would."""

from __future__ import annotations

import dataclasses
import datetime as dt

import openpyxl
from PySide6.QtCore import Qt

from desktop_app.domain.actor import Actor, Role
from desktop_app.services import inquiries
from desktop_app.ui.audit.audit_page import AuditPage
from desktop_app.ui.settings.retention_box import RetentionBox
from tests.actors import actor_for
from tests.retention.conftest import case, person


def test_the_viewer_filters_pages_and_exports(qtbot, desk, cases, settle, tmp_path):
    inquiries.get_inquiry(desk.db, cases["a"].receipt_no, actor=actor_for("sato"))
    page = AuditPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    settle(desk)
    assert page.count.text() == f"{page.model.rowCount()} 件"
    assert page.staff.findData("sato") > 0
    page.staff.setCurrentIndex(page.staff.findData("sato"))
    page.load()
    settle(desk)
    assert page.count.text() == "1 件"
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[1:4] == ["sato", "個人情報の表示", "相談者"]
    page.staff.setCurrentIndex(0)
    qtbot.keyClicks(page.text, cases["b"].receipt_no)
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    settle(desk)
    assert {e.receipt_no for e in page.model.entries} <= {cases["b"].receipt_no, None}
    out = tmp_path / "trail.xlsx"
    page.export_to(out)
    settle(desk)
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]][:3] == ["日時", "職員", "操作"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:I")
    assert page.message.text().startswith(f"{sheet.max_row - 1} 件を出力しました")


def test_a_bad_day_in_the_filter_is_said_beside_the_table(qtbot, desk, settle):
    page = AuditPage(desk)
    qtbot.addWidget(page)
    page.date_from.setText("2026/13/40")
    page.load()
    settle(desk)
    assert page.message.isVisibleTo(page) and "期間（から）" in page.message.text()


def test_a_clerk_sees_the_refusal_and_no_entries(qtbot, desk, cases, settle):
    clerk = Actor(login="tanaka", name="田中", role=Role.CLERK, office="SHIBA")
    page = AuditPage(dataclasses.replace(desk, actor=clerk))
    qtbot.addWidget(page)
    page.refresh()
    settle(desk)
    assert page.model.rowCount() == 0
    assert "操作記録の閲覧は係長・管理職以上の権限が必要です" in page.message.text()


def test_retention_counts_first_then_erases(qtbot, desk, settle):
    receipt = case(desk.db, person("古川 一郎", "03-1000-0001"), closed_on=dt.date(2019, 5, 1))
    box = RetentionBox(desk)
    qtbot.addWidget(box)
    box.refresh()
    settle(desk)
    assert box.years.value() == 5 and not box.erase_button.isEnabled()
    box.count_button.click()
    settle(desk)
    assert "相談者 1 人（相談 1 件）が対象です" in box.message.text()
    assert (
        inquiries.get_inquiry(desk.db, receipt, actor=actor_for("x")).inquirer.name == "古川 一郎"
    )
    box.erase_button.click()
    settle(desk)
    assert box.message.text() == "相談者 1 人（相談 1 件）の個人情報を消去しました。"
    assert inquiries.get_inquiry(desk.db, receipt, actor=actor_for("x")).inquirer.name == ""
    assert not box.erase_button.isEnabled()


def test_the_period_is_saved(qtbot, desk, settle):
    box = RetentionBox(desk)
    qtbot.addWidget(box)
    box.years.setValue(7)
    box.save.click()
    settle(desk)
    assert box.message.text() == "保存期間を 7 年にしました。"
    fresh = RetentionBox(dataclasses.replace(desk))
    qtbot.addWidget(fresh)
    fresh.refresh()
    settle(desk)
    assert fresh.years.value() == 7
