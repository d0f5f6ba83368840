"""取込・送付 → 受付簿の取込, driven as a supervisor would: open the wizard, correct one column,
save the mapping as a profile, import; and the profile chosen again next time."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QWizard

from desktop_app.services import ledger_profiles
from desktop_app.ui.exchange.exchange_page import ExchangePage
from desktop_app.ui.exchange.ledger_wizard import MAPPING_PAGE, REPORT_PAGE
from tests.gui.exchange.test_exchange_page import page_of, settle
from tests.ledger import ledgers

CELLS = [
    [ledgers.TITLE],
    [],
    ["受付日", "団体名・氏名", "話の中身", "分野", "電話"],
    ["R7.4.3", "港南商店会 田中", "物産展に出店する自治体を探している。", "物産", "03-5555-0101"],
    ["令和７年５月２０日", "鈴木 一郎", "移住の相談", "まちおこし", ""],
    ["令和7年2月30日", "山田", "日付の誤り", "", ""],
    ["合計", "", "", "", ""],
]


def contents(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT subject, content FROM inquiry ORDER BY pk").fetchall()


def test_open_correct_a_column_save_the_profile_and_import(qtbot, db, db_path, desk, tmp_path):
    ledger = ledgers.write_xlsx(tmp_path / "受付簿.xlsx", CELLS)
    page: ExchangePage = page_of(qtbot, desk)
    settle(qtbot, desk)
    qtbot.mouseClick(page.ledger, qtbot_left())
    wizard = page.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.file_page.file.setText(str(ledger))
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == MAPPING_PAGE
    mapping = wizard.mapping_page
    headers = [mapping.columns.item(row, 1).text() for row in range(mapping.columns.rowCount())]
    assert headers == ["受付日", "団体名・氏名", "話の中身", "分野", "電話"]
    content_combo = mapping.target_combo(2)
    assert content_combo.currentData() is None  # 話の中身 is no catalogue word
    content_combo.setCurrentIndex(content_combo.findData("content"))
    assert mapping.values.rowCount() == 1  # まちおこし: no field fits
    assert mapping.values.item(0, 1).text() == "まちおこし"
    mapping.profile_name.setText("芝の受付簿")  # (keyClicks cannot type kanji)
    qtbot.mouseClick(mapping.save, qtbot_left())
    assert ledger_profiles.profile_names(db) == ["芝の受付簿"]
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == REPORT_PAGE
    report = wizard.report_page
    assert "試行" in report.summary.text() and "取込 2" in report.summary.text()
    # In the ledger's order: まちおこし (row 5), then the impossible date (row 6, Excel's row)
    assert [report.problems.item(r, 0).text() for r in range(2)] == ["5", "6"]
    assert "取込不可" in report.problems.item(1, 3).text()
    assert contents(db_path) == []  # the dry run wrote nothing
    qtbot.mouseClick(report.run, qtbot_left())
    assert "取り込みました" in report.summary.text()
    assert contents(db_path) == [
        ("物産展に出店する自治体を探している", "物産展に出店する自治体を探している。"),
        ("移住の相談", "移住の相談"),
    ]
    rejects = tmp_path / "取込不可.xlsx"
    report.write_rejects(rejects)
    assert rejects.is_file()
    wizard.close()

    # The next time, the profile maps 話の中身 at once; the same rows are not added again.
    again = page.open_ledger_wizard()
    again.file_page.profile.setCurrentIndex(again.file_page.profile.findData("芝の受付簿"))
    again.file_page.file.setText(str(ledger))
    again.button(QWizard.WizardButton.NextButton).click()
    assert again.mapping_page.target_combo(2).currentData() == "content"
    again.button(QWizard.WizardButton.NextButton).click()
    assert "取込済み 2" in again.report_page.summary.text()
    assert not again.report_page.run.isEnabled()
    again.close()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
