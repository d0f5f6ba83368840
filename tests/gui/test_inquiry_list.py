"""受付一覧: the list fills, counts, searches, filters and sorts in SQL; a real database file."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox

from desktop_app.demo.service import generate_demo_data
from desktop_app.domain.local_time import local_today
from desktop_app.services import search
from desktop_app.ui.inquiry_list.list_model import (
    COLUMN_NAMES,
    OVERDUE_BACKGROUND,
    InquiryListModel,
)
from desktop_app.ui.inquiry_list.list_page import InquiryListPage

TODAY = local_today()


@pytest.fixture
def page(qtbot, desk, cases, settle):
    page = InquiryListPage(desk)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.start()
    settle(desk)
    return page


def receipts(page: InquiryListPage) -> list[str]:
    model = page.model
    return [model.row_at(row).receipt_no for row in range(model.rowCount())]


def expect(cases, *names: str) -> list[str]:
    return [cases[name].receipt_no for name in names]


def choose(combo: QComboBox, label: str) -> None:
    index = combo.findText(label)
    assert index >= 0, f"{label} not offered"
    combo.setCurrentIndex(index)


def test_list_fills_newest_first_with_counts(page, cases):
    assert receipts(page) == expect(cases, "a", "d", "b", "c")
    assert page.match_count.text() == "4件"
    assert "本日期限 1件" in page.counts.text()
    assert "期限超過 <span" in page.counts.text() and ">1</b>" in page.counts.text()
    status = page.model.index(2, COLUMN_NAMES.index("status"))
    assert status.data() == "対応中"


def test_overdue_row_is_highlighted(page, cases):
    row = receipts(page).index(cases["b"].receipt_no)
    index = page.model.index(row, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert page.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("物産展", ("a",)),  # 3 characters: the trigram index
        ("柚", ("a",)),  # 1 character: the bigram index
        ("すずき", ("a",)),  # reading folded from スズキ
        ("03(5555)0101", ("a",)),  # a phone written another way
        ("出店", ("a", "d")),
    ],
)
def test_search_text_narrows(qtbot, page, desk, cases, query, names, settle):
    page.filters.text.setText(query)
    qtbot.waitUntil(lambda: page.model.current_filter.text == query, timeout=3000)
    settle(desk)
    assert receipts(page) == expect(cases, *names)
    assert page.match_count.text() == f"{len(names)}件"


@pytest.mark.parametrize(
    ("combo", "label", "names"),
    [
        ("status", "対応中", ("b",)),
        ("status", "未完了すべて", ("a", "d", "b")),
        ("field", "食・物産・農林水産", ("a", "d")),
        ("relationship", "行政↔行政（職員交流）", ("c",)),
        ("inquirer_type", "NPO法人", ("d",)),
    ],
)
def test_each_filter_narrows(qtbot, page, desk, cases, combo, label, names, settle):
    choose(getattr(page.filters, combo), label)
    settle(desk)
    assert receipts(page) == expect(cases, *names)


def test_period_and_overdue_filters(qtbot, page, desk, cases, settle):
    page.filters.date_from.setText(f"{TODAY - dt.timedelta(days=12):%Y/%m/%d}")
    page.filters.date_to.setText(f"{TODAY - dt.timedelta(days=4):%Y/%m/%d}")
    page.filters.date_to.editingFinished.emit()
    settle(desk)
    assert receipts(page) == expect(cases, "d", "b")

    qtbot.mouseClick(page.filters.overdue, Qt.MouseButton.LeftButton)
    settle(desk)
    assert receipts(page) == expect(cases, "b")

    page.filters.clear()
    settle(desk)
    assert receipts(page) == expect(cases, "a", "d", "b", "c")


def test_office_filter(qtbot, make_desk, db, settle):
    generate_demo_data(db, count=30, seed=7)  # a branch's demo cases are its own
    ctx = make_desk(db)
    page = InquiryListPage(ctx)
    qtbot.addWidget(page)
    page.start()
    settle(ctx)
    assert page.model.rowCount() == 30
    choose(page.filters.office, "麻布地区総合支所")
    settle(ctx)
    assert page.model.rowCount() == 0
    choose(page.filters.office, "芝地区総合支所")
    settle(ctx)
    assert page.model.rowCount() == 30
    offices = {page.model.index(r, COLUMN_NAMES.index("office")).data() for r in range(30)}
    assert offices == {"芝地区総合支所"}


def test_sort_by_column_in_sql(qtbot, page, desk, cases, settle):
    column = COLUMN_NAMES.index("receipt_no")
    page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    settle(desk)
    assert receipts(page) == sorted(receipts(page))
    assert page.model.sort_key == ("receipt_no", False)

    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    settle(desk)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert receipts(page) == sorted(receipts(page), reverse=True)


def test_unsortable_column_keeps_the_order(qtbot, page, desk, cases, settle):
    page.model.sort(COLUMN_NAMES.index("subject"), Qt.SortOrder.AscendingOrder)
    settle(desk)
    assert receipts(page) == expect(cases, "a", "d", "b", "c")


def test_list_model_passes_qtmodeltester(qtmodeltester, qtbot, desk, cases, settle):
    model = InquiryListModel(desk)
    model.reload()
    settle(desk)
    qtmodeltester.check(model)


def test_paging_beyond_the_first_page(qtbot, make_desk, db, settle):
    generate_demo_data(db, count=450, seed=11)
    ctx = make_desk(db)
    page = InquiryListPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.start()
    settle(ctx)
    assert page.model.rowCount() == 450
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.row_at(449) is not None, timeout=10_000)
    dates = [page.model.row_at(r).received_at for r in (0, 449)]
    assert dates[0] >= dates[1]


def test_the_end_of_the_list_is_there_before_the_key_list(qtbot, make_desk, db, settle):
    generate_demo_data(db, count=450, seed=5)
    ctx = make_desk(db)
    model = InquiryListModel(ctx)
    tail_asked_early: list[bool] = []

    def ask_for_the_last_row() -> None:  # as a view scrolled to the end would, keys not yet in
        tail_asked_early.append(model.index(449, 0).data() == "…")

    model.headLoaded.connect(ask_for_the_last_row)
    model.reload()
    settle(ctx)
    assert tail_asked_early == [True]
    expected = search.ordered_pks(db, search.InquiryFilter(), "received_at", True)
    assert [model.row_at(r).pk for r in (0, 400, 449)] == [expected[r] for r in (0, 400, 449)]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_from_the_search_box_to_a_result_and_into_it_by_keyboard(
    qtbot, page, desk, cases, settle, key
):
    page.activateWindow()
    page.filters.text.setFocus()
    qtbot.keyClicks(page.filters.text, "NPO")
    qtbot.keyClick(page.filters.text, key)  # at once, without waiting for the typing pause
    settle(desk)

    assert page.focusWidget() is page.table
    assert page.table.selectionModel().selectedRows()[0].row() == 0
    assert receipts(page) == expect(cases, "d")
    qtbot.waitUntil(lambda: page.detail.receipt_no == cases["d"].receipt_no, timeout=5000)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.focusWidget() is page.detail.summary


def test_enter_in_the_search_box_with_no_result_selects_nothing(qtbot, page, desk, settle):
    page.filters.text.setFocus()
    qtbot.keyClicks(page.filters.text, "zzzz")
    qtbot.keyClick(page.filters.text, Qt.Key.Key_Return)
    settle(desk)
    assert page.model.rowCount() == 0
    assert page.table.selectionModel().selectedRows() == []
    assert page.detail.receipt_no is None
