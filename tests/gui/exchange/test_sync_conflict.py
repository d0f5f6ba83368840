"""A sync conflict at HQ resolved per field in the side-by-side dialog, from the navigation on."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import conflicts, inquiries, sync_export, sync_import
from desktop_app.ui.main_window import PAGES, MainWindow
from tests.actors import actor_for
from tests.gui.conftest import WAIT_MS
from tests.gui.exchange.test_exchange_page import CASE, settle
from tests.sync.conftest import dump


def conflicting(office, tmp_path):
    """SHIBA and HQ changed 件名 and 段階 differently, SHIBA alone 相談内容; HQ imported it."""
    shiba, hq = office("SHIBA"), office("HQ")
    recorded = inquiries.add_inquiry(shiba, NewInquiry.read(CASE), actor=actor_for("clerk"))
    sync_export.export_sync(shiba, tmp_path / "p1.xlsx", actor=actor_for("clerk"))
    sync_import.import_sync(hq, [tmp_path / "p1.xlsx"], actor=actor_for("hq"))
    receipt = recorded.receipt_no
    shiba_edit = {"subject": "支所の直し", "step": "2_connect", "content": "支所で追記"}
    inquiries.update_inquiry(
        shiba, InquiryChange.read(receipt, shiba_edit), actor=actor_for("clerk")
    )
    inquiries.update_inquiry(
        hq,
        InquiryChange.read(receipt, {"subject": "本庁の直し", "step": "3_selfrun"}),
        actor=actor_for("h"),
    )
    sync_export.export_sync(shiba, tmp_path / "p2.xlsx", actor=actor_for("clerk"))
    report = sync_import.import_sync(hq, [tmp_path / "p2.xlsx"], actor=actor_for("hq"))
    assert report.total("conflicts") == 1
    return hq, receipt


def the_dialog(qtbot) -> QWidget:
    found: list[QWidget] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "syncConflictDialog" and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return found[0]


def cells(dialog: QWidget, state: str) -> list[str]:
    return [
        label.text()
        for label in dialog.findChildren(QLabel, "conflictCell")
        if label.property("state") == state
    ]


def test_resolve_a_conflict_per_field_in_the_dialog(qtbot, office, office_desk, tmp_path):
    hq_db, receipt = conflicting(office, tmp_path)
    hq = office_desk(hq_db)
    window = MainWindow(hq)
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(qtbot, hq)
    exchange_item = window.nav.item(PAGES.index("exchange"))
    # Counted a moment after the list's first page (MainWindow.start).
    qtbot.waitUntil(lambda: "競合" in exchange_item.text(), timeout=5_000)
    assert exchange_item.text().split("\n") == ["取込・送付", "競合 1 件", "Ctrl+6"]

    window.show_page("exchange")
    settle(qtbot, hq)
    queue = window.exchange.queue
    row = queue.table.topLevelItem(0)
    assert [row.text(n) for n in (1, 2, 4)] == [receipt, "受付", "件名、段階"]
    assert "芝" in row.text(3)
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    settle(qtbot, hq)
    dialog = the_dialog(qtbot)

    conflict_cells = cells(dialog, "conflict")
    assert conflict_cells[:3] == ["件名", "本庁の直し", "支所の直し"]
    assert conflict_cells[3] == "段階"
    # Codes read as their labels, never as the code.
    step_labels = [hq.vocab.label("step", "3_selfrun"), hq.vocab.label("step", "2_connect")]
    assert conflict_cells[4:6] == step_labels and "3_selfrun" not in conflict_cells
    intro = dialog.intro.text()
    assert intro.startswith(f"{receipt}（受付）: {hq.vocab.office('SHIBA')}から届いた版")
    assert "（2 項目）" in intro
    before = dump(hq_db.path)

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes and changes nothing
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    settle(qtbot, hq)
    assert dump(hq_db.path) == before

    qtbot.mouseClick(queue.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, hq)
    dialog = the_dialog(qtbot)
    view = dialog.view
    assert sorted(view.conflict_keys()) == ["step", "subject"]
    assert dialog.focusWidget() is view.choice_buttons(view.conflict_keys()[0])[0]
    view.choice_buttons("subject")[1].click()  # theirs for 件名, ours for 段階
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter: the default button
    settle(qtbot, hq)

    stored = inquiries.get_inquiry(hq_db, receipt, actor=actor_for("x"))
    assert stored.subject == "支所の直し"  # theirs, as chosen
    assert stored.step == "3_selfrun"  # ours, as left
    assert stored.content == "支所で追記"  # merged by itself at the import
    assert conflicts.open_count(hq_db) == 0
    assert queue.table.topLevelItemCount() == 0
    assert exchange_item.text().split("\n") == ["取込・送付", "Ctrl+6"]
    with sqlite3.connect(hq_db.path) as conn:
        audited = conn.execute("SELECT new FROM audit_log WHERE action = 'resolve'").fetchall()
    conn.close()
    assert ("mixed: subject",) in audited
