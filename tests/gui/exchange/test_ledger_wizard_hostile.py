"""Issue 18, defect 5 in the window: the ledger wizard's automatic dry run on a small workbook
whose far cell is written with single quotes shows the refusal and stays on its first page; the
process does not abort, and nothing is written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from desktop_app.ui.exchange.exchange_page import ExchangePage
from desktop_app.ui.exchange.ledger_wizard import FILE_PAGE
from tests.excel import hostile
from tests.gui.exchange.test_exchange_page import page_of, settle


def test_the_dry_run_of_a_far_cell_workbook_is_refused(qtbot, db_path, desk, tmp_path, snapshot):
    ledger = hostile.write(tmp_path, "受付簿.xlsx", hostile.far_cell_workbook("r in single quotes"))
    assert ledger.stat().st_size < 5_000  # openpyxl's theme is most of it
    before = snapshot(db_path)
    page: ExchangePage = page_of(qtbot, desk)
    settle(qtbot, desk)
    qtbot.mouseClick(page.ledger, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert wizard is not None
    wizard.file_page.file.setText(str(ledger))

    wizard.button(QWizard.WizardButton.NextButton).click()

    assert wizard.currentId() == FILE_PAGE
    boxes = [box for box in wizard.findChildren(QMessageBox) if box.objectName() == "errorBox"]
    assert boxes, "no refusal shown"
    assert (
        "「受付簿.xlsx」のシート（xl/worksheets/sheet1.xml）の範囲が大きすぎる" in boxes[-1].text()
    )
    assert boxes[-1].icon() == QMessageBox.Icon.Warning
    wizard.close()
    assert snapshot(db_path) == before
