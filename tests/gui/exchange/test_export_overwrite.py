"""The window's package export asks before replacing a file (issue 18, defect 1)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.gui.exchange.test_exchange_page import case, page_of, settle
from tests.gui.test_overwrite_question import _answer_question


def _exports(path) -> int:
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM sync_package").fetchone()[0]
    conn.close()
    return int(count)


def test_no_keeps_last_weeks_package_and_yes_replaces_it(
    qtbot, office, office_desk, tmp_path, monkeypatch
):
    shiba_db = office("SHIBA")
    case(shiba_db)
    shiba = office_desk(shiba_db)
    page = page_of(qtbot, shiba)
    export = page.export_panel
    settle(qtbot, shiba)
    package = tmp_path / "shiba.xlsx"
    package.write_bytes(b"last week's package")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(package), ""))

    asked: list[str] = []
    _answer_question(qtbot, QMessageBox.StandardButton.No, asked)
    qtbot.mouseClick(export.button, Qt.MouseButton.LeftButton)
    settle(qtbot, shiba)
    assert asked == [f"{package} は既にあります。上書きしますか？"]
    assert package.read_bytes() == b"last week's package"
    assert _exports(shiba_db.path) == 0

    _answer_question(qtbot, QMessageBox.StandardButton.Yes, asked)
    qtbot.mouseClick(export.button, Qt.MouseButton.LeftButton)
    settle(qtbot, shiba)
    assert len(asked) == 2
    assert package.read_bytes()[:2] == b"PK"
    assert _exports(shiba_db.path) == 1
