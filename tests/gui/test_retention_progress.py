"""The retention's first run goes on the worker; the window shows how far it got."""

from __future__ import annotations

import datetime as dt
import threading

from desktop_app.domain.changes import NOTHING
from desktop_app.services import retention
from desktop_app.ui.main_window import MainWindow
from tests.retention.conftest import ADMIN, case, person


def test_the_erasure_runs_on_the_worker_and_its_progress_shows_in_the_status_bar(
    qtbot, desk, settle, monkeypatch
):
    monkeypatch.setattr(retention, "_ERASE_CHUNK", 1)
    for n in range(3):
        case(desk.db, person(f"古川 {n}郎", f"03-1000-000{n}"), closed_on=dt.date(2019, 5, 1))
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    heard: list[tuple[int, int, bool]] = []
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)

    def progress(done: int, due: int) -> None:
        heard.append((done, due, threading.current_thread() is threading.main_thread()))
        window.retentionProgress.emit(done, due)  # as ui.app forwards it

    db = desk.db
    desk.runner.write(
        lambda: retention.apply(db, actor=ADMIN, progress=progress), NOTHING, owner=window
    )
    settle(desk)
    qtbot.waitUntil(lambda: len(shown) >= 3)

    assert heard == [(1, 3, False), (2, 3, False), (3, 3, False)]  # never the GUI thread
    assert shown[:2] == [
        "保存期間を過ぎた個人情報を消去しています: 1 / 3 人",
        "保存期間を過ぎた個人情報を消去しています: 2 / 3 人",
    ]
    assert window.statusBar().currentMessage() == "保存期間を過ぎた個人情報を消去しました: 3 人"
