"""A conflict resolved in 取込・送付 reaches 受付一覧 without anyone refreshing it (issue 20)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.ui.main_window import PAGES, MainWindow
from tests.gui.exchange.test_exchange_page import settle
from tests.gui.exchange.test_sync_conflict import conflicting, the_dialog


def listed_subject(window: MainWindow, receipt: str) -> str | None:
    model = window.list_page.model
    rows = (model.row_at(n) for n in range(model.rowCount()))
    return next((row.subject for row in rows if row and row.receipt_no == receipt), None)


def test_resolving_a_conflict_refreshes_the_list_and_the_count(
    qtbot, office, office_desk, tmp_path
):
    hq_db, receipt = conflicting(office, tmp_path)
    hq = office_desk(hq_db)
    window = MainWindow(hq)
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(qtbot, hq)
    assert listed_subject(window, receipt) == "本庁の直し"  # ours, before the choice
    window.show_page("exchange")
    settle(qtbot, hq)
    queue = window.exchange.queue
    qtbot.mouseClick(queue.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, hq)
    dialog = the_dialog(qtbot)
    dialog.view.choice_buttons("subject")[1].click()  # theirs for 件名
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    settle(qtbot, hq)
    assert window.nav.item(PAGES.index("exchange")).text().split("\n") == ["取込・送付", "Ctrl+6"]
    assert queue.table.topLevelItemCount() == 0

    window.show_page("list")  # no refresh asked for: the resolution said what it changed
    settle(qtbot, hq)
    assert listed_subject(window, receipt) == "支所の直し"
