"""`python -m tests.gui.make_screenshots DIR`: every screen of the desk as PNG, ja and en.

Builds a demo database in a temporary directory (QSettings too, so the person's own settings
are neither read nor changed), opens the main window at 1280x800 offscreen and saves:
list (with the detail pane), detail (a referral waiting for its reply), followups, masters
(municipality search), settings, the intake form (tests/gui/intake_screenshots.py) and 取込・送付
at the central office (tests/gui/exchange_screenshots.py), each as <name>_<lang>.png.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.demo.service import generate_demo_data  # noqa: E402
from desktop_app.services import database, followups, setup  # noqa: E402
from desktop_app.ui.app import DeskApp, set_application_font  # noqa: E402
from desktop_app.ui.i18n import install_translators  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.style import apply_style  # noqa: E402
from desktop_app.ui.worker import DbRunner  # noqa: E402
from tests.gui.exchange_screenshots import shoot_exchange  # noqa: E402
from tests.gui.intake_screenshots import shoot_intake  # noqa: E402

COUNT = 3_000
TODAY = dt.date(2026, 11, 23)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        path = Path(tmp) / "demo.sqlite3"
        db = database.connect(path)
        setup.initialise(db, "SHIBA")
        generate_demo_data(db, count=COUNT, seed=3, today=TODAY)
        waiting = next(
            row.receipt_no
            for row in followups.due_followups(db, dt.date.today(), within_days=30)
            if row.reason == "reply"
        )
        db.dispose()
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        set_application_font(app, 10)
        apply_style(app)
        desk = DeskApp(app, database.connect(path), "SHIBA")
        try:
            for lang in ("ja", "en"):
                install_translators(app, lang)
                window = desk.build(lang, restore=False)
                _shoot_all(app, desk, window, out, lang, waiting)
                window.close()
                desk.runner.shutdown()
        finally:
            desk.db.dispose()


def _shoot_all(
    app: QApplication, desk: DeskApp, window: MainWindow, out: Path, lang: str, waiting: str
) -> None:
    def shot(name: str, prepare: Callable[[], None]) -> None:
        prepare()
        _settle(app, desk.runner)
        path = out / f"{name}_{lang}.png"
        window.grab().save(str(path), "PNG")
        print(path)

    def first_row() -> None:
        _settle(app, desk.runner)  # the first page must be in before a row can be selected
        window.list_page.table.selectRow(0)

    shot("list", first_row)
    shot("detail", lambda: window.open_inquiry(waiting))
    shot("followups", lambda: window.show_page("followups"))

    def masters() -> None:
        window.show_page("masters")
        window.masters.tabs.setCurrentIndex(2)
        window.masters.search.setText("くしろ")

    shot("masters", masters)
    shot("settings", lambda: window.show_page("settings"))
    shoot_intake(window.ctx, out, lang, lambda: _settle(app, desk.runner))
    shoot_exchange(out, lang, lambda runner: _settle(app, runner))


def _settle(app: QApplication, runner: DbRunner | None) -> None:
    deadline = time.monotonic() + 20
    time.sleep(0.3)  # debounced searches start after a pause
    while time.monotonic() < deadline:
        app.processEvents()
        if runner is not None and not runner.busy:
            app.processEvents()
            time.sleep(0.05)
            app.processEvents()
            if not runner.busy:
                return
        time.sleep(0.01)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
