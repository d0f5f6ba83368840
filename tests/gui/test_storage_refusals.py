"""Issue 18, defect 6 in the window: a full disk or a write lock another program holds is shown as
a refusal (its own message, a warning, no log of an internal error), not as an unexpected error.

The errors are SQLite's own: a file capped with PRAGMA max_page_count fills up for real, and a
second connection holds BEGIN IMMEDIATE past a short busy timeout.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.ui import errors


def _disk_full(tmp_path: Path) -> sqlite3.Error:
    conn = sqlite3.connect(tmp_path / "full.sqlite3")
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.execute("PRAGMA max_page_count = 4")
    try:
        with pytest.raises(sqlite3.Error) as raised:
            for _ in range(100):
                conn.execute("INSERT INTO t VALUES (zeroblob(4096))")
        return raised.value
    finally:
        conn.close()


def _locked(tmp_path: Path) -> sqlite3.Error:
    path = tmp_path / "busy.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    try:
        with pytest.raises(sqlite3.Error) as raised:
            other.execute("BEGIN IMMEDIATE")
        return raised.value
    finally:
        other.close()
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_disk_full, "ディスクの空き容量が足りないため保存できませんでした。"),
        (_locked, "他のプログラム（別の窓口の画面や取込みなど）がデータベースに書き込み中"),
    ],
    ids=["full disk", "write lock"],
)
def test_shown_as_a_refusal(qtbot, tmp_path, monkeypatch, make, words):
    monkeypatch.setattr(errors, "log_path", lambda: tmp_path / "log" / "renkei-desk.log")
    error = make(tmp_path)
    try:  # as the services raise it: wrapped, the driver's error as the cause
        raise RuntimeError("while saving") from error
    except RuntimeError as wrapped:
        box = errors.show_error(None, wrapped, "ja")
    qtbot.addWidget(box)
    assert words in box.text()
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.windowTitle() == "入力内容を確認してください"
    assert not (tmp_path / "log").exists()  # no internal error logged
