"""The desk side of the window start-up figures, as `renkei-desk gui` starts it.

A standalone script (run by path) that imports only the program: `python desk_window.py DB`
prints "shown" once the start frame is painted (before SQLAlchemy and the screens are
imported) and "ready" once the main window is shown with its first page of the list painted.
`open_desk` is also what bench_list's in-process list measurements start from.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui import preferences
    from desktop_app.ui.app import prepare_application

    app = QApplication([])
    prepare_application(app, "ja", preferences.DEFAULT_FONT_PT)
    return app


def _desk(app: Any, path: Path) -> Any:
    """The DeskApp as run_gui builds it, signed in as the program itself (the benchmark's
    databases carry no accounts; signing in is one hash check, not what is measured)."""
    from desktop_app.domain.actor import system_actor
    from desktop_app.ui.app import DeskApp, open_desk_database

    db, office = open_desk_database(path)  # (database, office code)
    return DeskApp(app, db, office, system_actor(office))


def open_desk(path: Path) -> tuple[Any, Any]:
    """(QApplication, DeskApp) set up exactly as run_gui does, without the start frame."""

    app = _application()
    return app, _desk(app, path)


def until(app: Any, condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        app.processEvents()
        time.sleep(0.0005)
    app.processEvents()


def main(path: Path) -> None:
    from desktop_app.ui.app import show_start_frame

    app = _application()
    frame = show_start_frame(app, "ja")
    print("shown", flush=True)
    desk = _desk(app, path)
    window = desk.build("ja", restore=False, replacing=frame)
    model = window.list_page.model
    until(app, lambda: window.windowHandle().isExposed() and model.row_at(0) is not None)
    window.repaint()
    print("ready", flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
