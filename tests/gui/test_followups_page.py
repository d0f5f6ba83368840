"""対応予定: due and overdue follow-ups, overdue ones highlighted; opening a case from it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.ui.followups.followups_model import COLUMNS
from desktop_app.ui.followups.followups_page import FollowUpsPage
from desktop_app.ui.inquiry_list.list_model import OVERDUE_BACKGROUND, OVERDUE_TEXT


def test_overdue_first_and_highlighted(qtbot, qtmodeltester, desk, cases, settle):
    page = FollowUpsPage(desk)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(desk)

    model = page.model
    assert [model.row_at(r).receipt_no for r in range(model.rowCount())] == [
        cases["b"].receipt_no,
        cases["d"].receipt_no,
    ]
    late = model.index(0, COLUMNS.index("when"))
    assert late.data() == "3日超過"
    assert late.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert late.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_TEXT
    today = model.index(1, COLUMNS.index("when"))
    assert today.data() == "本日"
    assert today.data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.summary.text() == "2件（うち期限超過 1件）"
    qtmodeltester.check(model)

    with qtbot.waitSignal(page.openRequested) as opened:
        page.table.activated.emit(model.index(0, 0))
    assert opened.args == [cases["b"].receipt_no]
