"""Start-up: the start frame comes before the heavy imports, and the main window takes its place."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_app import cli, config
from desktop_app.demo.accounts import DEMO_PASSWORD
from desktop_app.services import database, setup
from desktop_app.ui import preferences
from desktop_app.ui.app import FRAME_SIZE, DeskApp, show_start_frame
from desktop_app.ui.main_window import WINDOW_SIZE, MainWindow
from tests.actors import actor_for

# What the start frame must not wait for: the database layers and the screens.
HEAVY = ("sqlalchemy", "alembic", "db", "desktop_app.services", "desktop_app.ui.main_window")


def test_start_frame_is_painted_before_sqlalchemy_and_the_screens_are_imported(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from desktop_app.ui.app import prepare_application, show_start_frame
        app = QApplication([])
        prepare_application(app, "ja", 10)
        frame = show_start_frame(app, "ja")
        assert frame.windowHandle().isExposed()
        heavy = sorted(m for m in sys.modules
                       if any(m == h or m.startswith(h + ".") for h in {HEAVY!r}))
        print(",".join(heavy) or "none")
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "none"


def test_frame_opens_as_the_main_window_does_when_nothing_is_saved(qtbot):
    assert FRAME_SIZE == WINDOW_SIZE
    frame = show_start_frame(QApplication.instance(), "en")
    qtbot.addWidget(frame)
    # The offscreen screen (800x600) has no room for 1280x800: maximised, as on a small laptop.
    assert frame.isMaximized()
    assert frame.windowTitle() == "Renkei Desk"


def test_main_window_takes_the_frames_place_at_the_remembered_geometry(qtbot, db, cases):
    placed = QMainWindow()
    qtbot.addWidget(placed)
    placed.setGeometry(QRect(0, 0, 780, 560))  # inside the offscreen 800x600 screen
    preferences.set_window_state(preferences.GEOMETRY_KEY, QByteArray(placed.saveGeometry()))
    app = QApplication.instance()
    frame = show_start_frame(app, "ja")
    qtbot.addWidget(frame)
    assert frame.isVisible() and frame.windowTitle() == "連携デスク"
    assert frame.size() != WINDOW_SIZE and abs(frame.width() - placed.width()) <= 2

    desk = DeskApp(app, db, "SHIBA", actor_for())
    try:
        window = desk.build("ja", restore=True, replacing=frame)
        qtbot.addWidget(window)
        assert not frame.isVisible()
        assert window.isVisible()
        # Where the frame stood (the offscreen screen is narrower than the window's minimum
        # width, so only the width may differ).
        assert (window.y(), window.height()) == (frame.y(), frame.height())
        qtbot.waitUntil(lambda: window.list_page.model.row_at(0) is not None, timeout=10_000)
    finally:
        desk.runner.shutdown()


def test_gui_training_makes_a_new_training_file_a_demo_desk_behind_the_frame(
    qtbot, tmp_path, monkeypatch
):
    """What `make run` starts: the training database beside --db's, with no set-up wizard."""
    monkeypatch.setattr(config, "DEMO_COUNT", 12)
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", DEMO_PASSWORD)  # the demo admin's
    desk, png = tmp_path / "new" / "desk.sqlite3", tmp_path / "first.png"
    path = tmp_path / "new" / "desk-training.sqlite3"
    assert cli.main(["--db", str(desk), "gui", "--training", "--screenshot", str(png)]) == 0
    assert not desk.exists()
    assert QImage(str(png)).size().width() == WINDOW_SIZE.width()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close()
    opened = database.connect(path)
    try:
        assert setup.office_of(opened) == config.DEMO_OFFICE
        assert setup.is_training(opened)
    finally:
        opened.dispose()


def test_a_screenshot_of_a_missing_database_is_refused_and_creates_nothing(qtbot, tmp_path, capsys):
    path = tmp_path / "none" / "desk.sqlite3"
    assert cli.main(["--db", str(path), "gui", "--screenshot", str(tmp_path / "x.png")]) == 2
    assert "データベースがありません" in capsys.readouterr().err
    assert not path.parent.exists()
