"""The window's save dialogs (issue 18, defect 1): an existing file is replaced only after a yes
to 上書きしますか？, and never when it is the database, whatever the answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop_app.ui.audit.audit_page import AuditPage
from desktop_app.ui.widgets.save_target import ask_save_path


def _chosen_in_dialog(monkeypatch: pytest.MonkeyPatch, name: Path | str) -> list[object]:
    """The file dialog answers `name` (the platform's dialog cannot be driven headless); the
    options it was opened with are recorded."""
    seen: list[object] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, str]:
        seen.append(kwargs.get("options"))
        return str(name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return seen


def _answer_question(qtbot, button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Click `button` on the overwrite question as soon as it is on screen."""

    def click() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "overwriteQuestion"
        ]
        if not boxes or not boxes[0].isVisible():
            QTimer.singleShot(10, click)
            return
        asked.append(boxes[0].text())
        qtbot.mouseClick(boxes[0].button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


@pytest.fixture
def page(qtbot, desk) -> AuditPage:
    shown = AuditPage(desk)
    qtbot.addWidget(shown)
    return shown


def _export(page: AuditPage, settle: Callable[..., None], desk) -> None:
    page._ask_export()
    settle(desk)


def test_no_keeps_the_existing_file(qtbot, monkeypatch, page, desk, settle, tmp_path):
    existing = tmp_path / "trail.xlsx"
    existing.write_bytes(b"kept")
    seen = _chosen_in_dialog(monkeypatch, tmp_path / "trail")  # the suffix is added
    asked: list[str] = []
    _answer_question(qtbot, QMessageBox.StandardButton.No, asked)
    _export(page, settle, desk)
    assert asked == [f"{existing} は既にあります。上書きしますか？"]
    assert seen == [QFileDialog.Option.DontConfirmOverwrite]
    assert existing.read_bytes() == b"kept"


def test_yes_replaces_it(qtbot, monkeypatch, page, desk, settle, tmp_path):
    existing = tmp_path / "trail.xlsx"
    existing.write_bytes(b"old")
    _chosen_in_dialog(monkeypatch, existing)
    asked: list[str] = []
    _answer_question(qtbot, QMessageBox.StandardButton.Yes, asked)
    _export(page, settle, desk)
    assert len(asked) == 1
    sheet = openpyxl.load_workbook(existing).active
    assert [c.value for c in sheet[1]][:3] == ["日時", "職員", "操作"]


def test_a_new_name_is_not_asked_about(qtbot, monkeypatch, page, desk, settle, tmp_path):
    out = tmp_path / "new.xlsx"
    _chosen_in_dialog(monkeypatch, out)
    _export(page, settle, desk)
    assert openpyxl.load_workbook(out).active["A1"].value == "日時"


def test_the_database_is_refused_even_after_yes(qtbot, monkeypatch, page, desk, settle, snapshot):
    database = desk.db.path
    header = database.read_bytes()[:16]
    before = snapshot(database)
    _chosen_in_dialog(monkeypatch, database)
    asked: list[str] = []
    _answer_question(qtbot, QMessageBox.StandardButton.Yes, asked)
    choice = ask_save_path(page, "t", str(database), "", suffix=".sqlite3", lang="ja")
    assert choice is not None and choice.overwrite and len(asked) == 1
    page.export_to(choice.path, overwrite=choice.overwrite)
    settle(desk)
    assert "データベース、そのバックアップ" in page.message.text()
    assert database.read_bytes()[:16] == header
    assert snapshot(database) == before


def test_a_screenshot_is_never_written_onto_the_database(qtbot, db_path, capsys):
    import sqlite3

    from desktop_app import cli
    from desktop_app.ui.main_window import MainWindow

    header = db_path.read_bytes()[:16]
    code = cli.main(["--db", str(db_path), "gui", "--screenshot", str(db_path)])
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close()
    assert code == 2
    assert "データベース、そのバックアップ" in capsys.readouterr().err
    assert db_path.read_bytes()[:16] == header
    with sqlite3.connect(db_path) as conn:  # still the database, whole
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM staff").fetchone() == (1,)
    conn.close()
