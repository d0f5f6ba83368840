"""報告書作成: the month's workbook written from the window; bad periods refused, no file."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.ui.reports.report_page import ReportPage
from tests.gui.conftest import TODAY, days_ago


@pytest.fixture
def out(tmp_path):
    """Where the reports go (the database lives in tmp_path itself)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def page(qtbot, desk, cases):
    page = ReportPage(desk)
    qtbot.addWidget(page)
    page.show()
    return page


def error_text(page: ReportPage) -> str:
    box = page.findChild(QMessageBox, "errorBox")
    assert box is not None
    return box.text()


def test_the_months_workbook_is_written_and_says_where(qtbot, page, desk, settle, out):
    month = days_ago(2)  # case a
    page.month.setText(f"{month:%Y-%m}")
    assert page.period_text.text().startswith(f"令和{month.year - 2018}年{month.month}月分")
    out = out / "month.xlsx"
    page.write_to(out)
    assert page.busy.isVisible() and not page.excel_button.isEnabled()
    settle(desk)
    assert not page.busy.isVisible() and page.excel_button.isEnabled()
    assert str(out) in page.result.text()
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["表紙", "集計", "月別", "受付一覧", "期限超過"]
    listed = [row[0] for row in book["受付一覧"].iter_rows(min_row=2, values_only=True)]
    received = {2: "a", 10: "b", 40: "c", 5: "d"}
    expected = [d for d in received if days_ago(d).strftime("%Y-%m") == f"{month:%Y-%m}"]
    assert len(listed) == len(expected) and all(r.startswith("SHIBA-") for r in listed)
    assert book["表紙"]["A2"].value == page.period().title


@pytest.mark.parametrize(
    ("monthly", "text", "message"),
    [
        (True, "2026-13", "月「2026-13」は YYYY-MM の形で指定してください（例: 2026-10）。"),
        (True, "10月", "月「10月」は YYYY-MM の形で指定してください（例: 2026-10）。"),
        (
            False,
            "来年度",  # 令和8 is a fiscal year now (test_a_fiscal_year_as_ward_paper_writes_it)
            "年度「来年度」は 1900〜2999 の西暦4桁で指定してください（例: 2026 は令和8年度）。",
        ),
    ],
)
def test_a_period_that_cannot_be_read_is_refused_and_nothing_is_written(
    qtbot, page, desk, settle, out, db_path, snapshot, monthly, text, message
):
    before = snapshot(db_path)
    if not monthly:
        qtbot.mouseClick(page.yearly, Qt.MouseButton.LeftButton)
    (page.month if monthly else page.year).setText(text)
    assert page.period_text.text() == message  # read back as it is typed
    page.write_to(out / "report.xlsx")
    settle(desk)
    assert error_text(page) == message
    assert list(out.iterdir()) == []
    assert page.result.text() == ""
    assert snapshot(db_path) == before  # not even an audit entry


def test_personal_fields_are_for_the_monthly_workbook_only(qtbot, page):
    assert page.month.text() == f"{TODAY.replace(day=1) - dt.timedelta(days=1):%Y-%m}"
    qtbot.mouseClick(page.personal, Qt.MouseButton.LeftButton)
    assert page.personal.isChecked() and not page.pdf_button.isEnabled()
    qtbot.mouseClick(page.yearly, Qt.MouseButton.LeftButton)
    assert not page.personal.isEnabled() and page.pdf_button.isEnabled()


def test_a_workbook_with_personal_fields_needs_the_shared_password(qtbot, page, desk, settle, out):
    page.month.setText(f"{days_ago(2):%Y-%m}")
    qtbot.mouseClick(page.personal, Qt.MouseButton.LeftButton)
    page.write_to(out / "personal.xlsx")
    settle(desk)
    assert error_text(page).startswith("個人情報を含む報告書には共有パスワード")
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("text", ["令和8年11月", "R8.11", "2026-11", "２０２６／１１"])
def test_a_month_as_ward_paper_writes_it(qtbot, page, text):
    page.month.setText(text)
    period = page.period()
    assert (period.first, period.last) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert "2026/11/01" in page.period_text.text()


@pytest.mark.parametrize("text", ["令和8年度", "R8", "2026", "Ｒ８年度"])
def test_a_fiscal_year_as_ward_paper_writes_it(qtbot, page, text):
    qtbot.mouseClick(page.yearly, Qt.MouseButton.LeftButton)
    page.year.setText(text)
    period = page.period()
    assert (period.first, period.last) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert "令和8年度" in page.period_text.text()
