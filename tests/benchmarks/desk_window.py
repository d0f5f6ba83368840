"""The desk side of the window start-up figure, as `renkei-desk gui` starts it.

A standalone script (run by path) that imports only the program: `python desk_window.py DB`
prints "ready" once the main window is shown with its first page of the list painted.
`open_desk` is also what bench_list's in-process list measurements start from.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def open_desk(path: Path) -> tuple[Any, Any]:
    """(QApplication, DeskApp) set up exactly as run_gui does."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.services import database, setup
    from desktop_app.ui import preferences
    from desktop_app.ui.app import DeskApp, set_application_font
    from desktop_app.ui.i18n import install_translators
    from desktop_app.ui.style import apply_style

    app = QApplication([])
    set_application_font(app, preferences.DEFAULT_FONT_PT)
    apply_style(app)
    install_translators(app, "ja")
    db = database.connect(path)
    office = setup.office_of(db)
    assert office is not None
    desk = DeskApp(app, db, office)
    return app, desk


def until(app: Any, condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        app.processEvents()
        time.sleep(0.0005)
    app.processEvents()


def main(path: Path) -> None:
    app, desk = open_desk(path)
    window = desk.build("ja", restore=False)
    model = window.list_page.model
    until(app, lambda: window.windowHandle().isExposed() and model.row_at(0) is not None)
    window.repaint()
    print("ready", flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
