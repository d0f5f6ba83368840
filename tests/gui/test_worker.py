"""DbRunner: results and errors come back on the GUI thread, in order, through one path."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.errors import UserError
from desktop_app.ui.worker import DbRunner


@pytest.fixture
def runner(qtbot):
    runner = DbRunner(lang="ja")
    yield runner
    runner.shutdown()


def test_results_arrive_in_order_on_the_gui_thread(qtbot, runner):
    seen: list[tuple[int, bool]] = []
    gui = threading.get_ident()

    def on_gui() -> bool:
        return threading.get_ident() == gui

    for n in range(5):
        runner.query(lambda n=n: n * n, on_done=lambda v: seen.append((v, on_gui())))
    assert runner.busy
    with qtbot.waitSignal(runner.idle, timeout=5000):
        pass
    assert seen == [(0, True), (1, True), (4, True), (9, True), (16, True)]
    assert not runner.busy


def test_jobs_run_on_one_worker_thread(runner):
    threads = {runner.query_now(threading.get_ident) for _ in range(3)}
    assert len(threads) == 1
    assert threading.get_ident() not in threads


def test_user_error_is_shown_in_japanese(qtbot, runner):
    parent = QWidget()
    qtbot.addWidget(parent)

    def refuse() -> None:
        raise UserError("receipt_unknown", value="SHIBA-2026-00001")

    runner.query(refuse, owner=parent)
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "errorBox") is not None)
    box = parent.findChild(QMessageBox, "errorBox")
    assert box.text() == "受付番号「SHIBA-2026-00001」の相談は見つかりません。"
    box.close()


def test_bug_is_logged_not_shown(qtbot, runner, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    parent = QWidget()
    qtbot.addWidget(parent)
    runner.query(lambda: 1 / 0, owner=parent)
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "errorBox") is not None)
    text = parent.findChild(QMessageBox, "errorBox").text()
    log = tmp_path / "renkei-desk" / "log" / "renkei-desk.log"
    assert text == f"予期しないエラーが発生しました。ログ: {log}"
    assert "Traceback" not in text
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")


def test_result_for_a_destroyed_owner_is_dropped(qtbot, runner):
    owner = QWidget()
    release = threading.Event()
    seen: list[bool] = []
    runner.query(release.wait, on_done=seen.append, owner=owner)
    shiboken6.delete(owner)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert seen == []


def test_a_long_background_read_does_not_hold_up_other_jobs(qtbot, runner):
    release = threading.Event()
    order: list[str] = []
    runner.query(release.wait, on_done=lambda _: order.append("long read"), background=True)
    runner.query(lambda: "click", on_done=order.append)
    qtbot.waitUntil(lambda: order == ["click"], timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert order == ["click", "long read"]
