"""受付一覧's 自治体 and 協定先 filters: kana completion, as on the intake form, then SQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.inquiry_list.list_page import InquiryListPage
from tests.gui.conftest import WAIT_MS, add, days_ago
from tests.gui.test_intake_form import type_text


@pytest.fixture
def placed(db):
    return {
        "kushiro": add(db, "物産展", days_ago(1), municipalities=["012068"]).receipt_no,
        "sapporo": add(db, "雪まつり", days_ago(2), municipalities=["011002"]).receipt_no,
        "kyoto": add(
            db, "大学", days_ago(3), municipalities=["261009"], agreement_bodies=["kyoto_mayors"]
        ).receipt_no,
        "none": add(db, "講師", days_ago(4)).receipt_no,
    }


@pytest.fixture
def page(qtbot, desk, placed, settle):
    page = InquiryListPage(desk)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    page.start()
    settle(desk)
    return page


def _listed(page) -> set[str]:
    return {page.model.row_at(row).receipt_no for row in range(page.model.rowCount())}


def _pick(qtbot, edit, typed: str, wanted: str) -> None:
    """Type a reading, wait for the offers, move down to `wanted` and take it with Enter."""
    edit.setFocus()
    type_text(qtbot, edit, typed)
    popup = edit.suggestions.popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert any(wanted in line for line in offered), offered
    for _ in range(next(n for n, line in enumerate(offered) if wanted in line) + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_a_prefecture_by_its_reading_lists_its_municipalities_cases(
    qtbot, page, desk, placed, settle
):
    _pick(qtbot, page.filters.place, "ほっかいどう", "北海道")
    settle(desk)
    assert page.filters.place.text() == "北海道"
    assert _listed(page) == {placed["kushiro"], placed["sapporo"]}

    qtbot.keyClick(page.filters.place, Qt.Key.Key_Backspace)  # edited: no longer a condition
    settle(desk)
    assert _listed(page) == set(placed.values())


def test_one_municipality_and_an_agreement_body(qtbot, page, desk, placed, settle):
    _pick(qtbot, page.filters.place, "くしろ", "釧路市")
    settle(desk)
    assert page.filters.place.text() == "北海道釧路市"
    assert _listed(page) == {placed["kushiro"]}

    page.filters.clear()
    settle(desk)
    assert page.filters.place.text() == ""
    assert _listed(page) == set(placed.values())

    _pick(qtbot, page.filters.agreement, "きょうと", "京都府市長会")
    settle(desk)
    assert page.filters.agreement.text() == "京都府市長会"
    assert _listed(page) == {placed["kyoto"]}
