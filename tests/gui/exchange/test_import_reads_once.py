"""After an import in 取込・送付 the conflict queue and the count under the navigation are each
read once: the screen's own watch (ui.widgets.freshness) hears the import's changes, and nothing
refreshes by hand beside it (issue 20)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import wraps
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import conflicts, inquiries, sync_export, sync_import
from desktop_app.ui.main_window import PAGES, MainWindow
from tests.actors import actor_for
from tests.gui.exchange.test_exchange_page import CASE, settle


def a_conflicting_package(office, tmp_path):
    """HQ holds SHIBA's case and changed its 件名; SHIBA's next package, not yet imported,
    changed it differently."""
    shiba, hq = office("SHIBA"), office("HQ")
    recorded = inquiries.add_inquiry(shiba, NewInquiry.read(CASE), actor=actor_for("clerk"))
    sync_export.export_sync(shiba, tmp_path / "p1.xlsx", actor=actor_for("clerk"))
    sync_import.import_sync(hq, [tmp_path / "p1.xlsx"], actor=actor_for("hq"))
    receipt = recorded.receipt_no
    inquiries.update_inquiry(
        shiba, InquiryChange.read(receipt, {"subject": "支所の直し"}), actor=actor_for("clerk")
    )
    inquiries.update_inquiry(
        hq, InquiryChange.read(receipt, {"subject": "本庁の直し"}), actor=actor_for("h")
    )
    sync_export.export_sync(shiba, tmp_path / "p2.xlsx", actor=actor_for("clerk"))
    return hq, tmp_path / "p2.xlsx"


def counted(reads: Counter[str], fn: Callable[..., Any]) -> Callable[..., Any]:
    """The real service function, counting its calls (it still reads the real database)."""

    @wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        reads[fn.__name__] += 1
        return fn(*args, **kwargs)

    return call


def test_an_import_reads_the_queue_and_the_count_once_each(
    qtbot, office, office_desk, tmp_path, monkeypatch
):
    hq_db, package = a_conflicting_package(office, tmp_path)
    hq = office_desk(hq_db)
    reads: Counter[str] = Counter()
    for name in ("list_conflicts", "open_count"):
        monkeypatch.setattr(conflicts, name, counted(reads, getattr(conflicts, name)))
    window = MainWindow(hq)
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(qtbot, hq)
    window.show_page("exchange")
    settle(qtbot, hq)
    panel = window.exchange.import_panel
    panel.add_files([package])  # the dry run
    settle(qtbot, hq)
    assert panel.run.isEnabled()
    # The start-up's own count comes a moment after the first page: counted from here on.
    qtbot.waitUntil(lambda: reads["open_count"] >= 1, timeout=5_000)
    settle(qtbot, hq)
    reads.clear()

    qtbot.keyClick(panel.run, Qt.Key.Key_Return)
    settle(qtbot, hq)

    assert "競合 1" in panel.summary.text()
    assert reads == Counter({"list_conflicts": 1, "open_count": 1})
    assert window.exchange.queue.table.topLevelItemCount() == 1
    assert window.nav.item(PAGES.index("exchange")).text().split("\n") == [
        "取込・送付",
        "競合 1 件",
        "Ctrl+6",
    ]
