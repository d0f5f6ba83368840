"""ヘルプ → バージョン情報 shows the version, the schema revision and where the data lives."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtWidgets import QLabel

from db import migrate
from desktop_app.ui.about_dialog import AboutDialog
from desktop_app.ui.main_window import MainWindow


def test_the_help_menu_opens_the_facts_of_the_open_database(qtbot, desk, db_path):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    menu = window.menuBar().actions()[0]
    assert menu.text() == "ヘルプ(&H)"
    assert window.about_action.text() == "バージョン情報(&A)"
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "バージョン情報"
    facts = dialog.findChild(QLabel, "aboutFacts").text().splitlines()
    assert facts == [
        f"renkei-desk {metadata.version('renkei-desk')}",
        f"データベースの版: {migrate.HEAD}（このプログラムの版: {migrate.HEAD}）",
        f"データベース: {db_path}",
        f"データの場所: {db_path.parent}（更新前の写しもここに保存します）",
    ]
    dialog.close()
