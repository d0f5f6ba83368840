"""受付簿の取込, its last step: the rows in the ledger's order, reasons wrapped, 取込 the
default button (Enter imports), 閉じる the default once imported."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.ui.exchange.exchange_page import ExchangePage
from desktop_app.ui.exchange.ledger_wizard import REPORT_PAGE
from tests.gui.exchange.test_exchange_page import page_of, settle
from tests.ledger import ledgers

CELLS = [
    [ledgers.TITLE],
    [],
    ["受付日", "団体名・氏名", "件名", "分野", "電話"],
    ["R7.4.3", "港南商店会 田中", "物産展", "物産", "03-5555-0101"],  # row 4: fine
    ["令和7年2月30日", "山田", "日付の誤り", "", ""],  # row 5: refused
    ["令和７年５月２０日", "鈴木 一郎", "移住の相談", "まちおこし", ""],  # row 6: その他
    ["令和7年2月31日", "佐藤", "日付の誤り", "", ""],  # row 7: refused
]


def test_the_last_step_reads_in_row_order_and_enter_imports(qtbot, db_path, desk, tmp_path):
    ledger = ledgers.write_xlsx(tmp_path / "受付簿.xlsx", CELLS)
    page: ExchangePage = page_of(qtbot, desk)
    settle(qtbot, desk)
    wizard = page.open_ledger_wizard()
    wizard.file_page.file.setText(str(ledger))
    wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == REPORT_PAGE
    report = wizard.report_page
    table = report.problems
    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert rows == sorted(rows, key=int) and rows[:3] == ["5", "6", "7"]

    # A reason longer than its column wraps: the row grows instead of cutting it off.
    assert table.wordWrap()
    one_line = table.rowHeight(0)
    table.setColumnWidth(3, 80)
    table.horizontalHeader().setStretchLastSection(False)
    table.resizeRowsToContents()
    assert table.rowHeight(0) > one_line

    assert report.run.isDefault()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isDefault()
    qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Enter: 取込, not 閉じる
    assert "取り込みました" in report.summary.text()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM inquiry").fetchone() == (2,)
    assert wizard.isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isDefault()
    wizard.close()
