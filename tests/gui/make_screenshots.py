"""`python -m tests.gui.make_screenshots DIR`: every screen of the desk as PNG, ja and en.

Builds a demo database in a temporary directory (QSettings too, so the person's own settings
are neither read nor changed), opens the main window at 1280x800 offscreen and saves:
list (with the detail pane), detail (a referral waiting for its reply), list_place (the
都道府県 filter), case_sheet (at a 1366x768 screen's size), followups, masters
(municipality search), dashboard (this fiscal year), reports (a monthly workbook just
written), settings (and its retention section after a count), 操作記録 (the reads of personal
data), the intake form (tests/gui/intake_screenshots.py), 取込・送付 at the central office
(tests/gui/exchange_screenshots.py), 設定's backups and the damaged-database dialog
(tests/gui/backup_screenshots.py), the About box and the set-up wizard's pages
(tests/gui/first_run_screenshots.py), each as <name>_<lang>.png; and every screen at 150% and in
high contrast (tests/gui/access_screenshots.py, Japanese only).
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

from PySide6.QtCore import QRect, QSettings, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.demo.accounts import DEMO_ACCOUNTS, DEMO_ADMIN, DEMO_PASSWORD  # noqa: E402
from desktop_app.demo.service import generate_demo_data  # noqa: E402
from desktop_app.domain.actor import Actor  # noqa: E402
from desktop_app.domain.local_time import local_today
from desktop_app.services import database, followups, setup, staff  # noqa: E402
from desktop_app.services.lookup import search_municipalities  # noqa: E402
from desktop_app.ui.app import DeskApp, set_application_font  # noqa: E402
from desktop_app.ui.i18n import install_translators  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog  # noqa: E402
from desktop_app.ui.style import apply_style  # noqa: E402
from desktop_app.ui.widgets.screen_fit import fitted_size  # noqa: E402
from desktop_app.ui.worker import DbRunner  # noqa: E402
from tests.gui.access_screenshots import shoot_access  # noqa: E402
from tests.gui.backup_screenshots import shoot_backups  # noqa: E402
from tests.gui.exchange_screenshots import shoot_exchange, shoot_ledger  # noqa: E402
from tests.gui.first_run_screenshots import shoot_first_run  # noqa: E402
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
            for row in followups.due_followups(db, local_today(), within_days=30)
            if row.reason == "reply"
        )
        db.dispose()
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        set_application_font(app, 10)
        apply_style(app)
        desk = DeskApp(app, database.connect(path), "SHIBA", _demo_admin(path))
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

    def detail() -> None:
        window.open_inquiry(waiting)
        _until(app, desk, lambda: _selected_row_loaded(window))

    shot("detail", detail)

    def by_place() -> None:
        window.show_page("list")
        place = window.list_page.filters.place
        place.setText("ほっかいどう")
        hokkaido = search_municipalities(desk.db, "ほっかいどう")[0]
        place.suggestions.picked.emit(hokkaido)
        window.list_page.table.scrollToTop()

    shot("list_place", by_place)
    _shoot_case_sheet(app, desk, window, out / f"case_sheet_{lang}.png")
    window.list_page.filters.clear()
    shot("followups", lambda: window.show_page("followups"))

    def masters() -> None:
        window.show_page("masters")
        window.masters.tabs.setCurrentIndex(2)
        window.masters.search.setText("くしろ")

    shot("masters", masters)

    def dashboard() -> None:
        window.show_page("dashboard")
        _settle(app, desk.runner)
        picker = window.dashboard.picker
        picker.choice.setCurrentIndex(picker.choice.findData("fiscal_year"))

    shot("dashboard", dashboard)

    def reports() -> None:
        window.show_page("reports")
        page = window.reports
        page.month.setText(f"{TODAY:%Y-%m}")
        page.write_to(Path(tempfile.gettempdir()) / f"report-monthly-{TODAY:%Y%m}-ALL.xlsx")

    shot("reports", reports)
    shot("settings", lambda: window.show_page("settings"))

    def retention_section() -> None:
        window.show_page("settings")
        _settle(app, desk.runner)
        window.settings.retention.count()

    shot("settings_retention", retention_section)

    def audit_trail() -> None:
        window.show_page("audit")
        _settle(app, desk.runner)
        window.audit.action.setCurrentIndex(window.audit.action.findData("read"))
        window.audit.load()

    shot("audit", audit_trail)
    shot("idle_lock", window.idle_lock.lock)
    window.idle_lock.panel.uncover()
    _shoot_sign_in(app, desk, out / f"sign_in_{lang}.png", lang)
    shoot_intake(window.ctx, out, lang, lambda: _settle(app, desk.runner))
    shoot_exchange(out, lang, lambda runner: _settle(app, runner))
    shoot_ledger(out, lang, lambda runner: _settle(app, runner))
    shoot_backups(out, lang, lambda runner: _settle(app, runner))
    shoot_first_run(window, out, lang, lambda: _settle(app, desk.runner))
    if lang == "ja":  # 150% and high contrast (tests/gui/access_screenshots.py)
        shoot_access(app, desk, out, lambda: _settle(app, desk.runner))


def _demo_admin(path: Path) -> Actor:
    db = database.connect(path)
    try:
        return staff.sign_in(db, DEMO_ADMIN, DEMO_PASSWORD)
    finally:
        db.dispose()


def _shoot_sign_in(app: QApplication, desk: DeskApp, path: Path, lang: str) -> None:
    """The training database's sign-in dialog as `make run` opens it."""
    dialog = SignInDialog(
        lambda login, password: staff.sign_in(desk.db, login, password),
        lang=lang,
        login=DEMO_ADMIN,
        demo=[(account.login, account.role) for account in DEMO_ACCOUNTS],
        demo_password=DEMO_PASSWORD,
        prefill=True,
    )
    dialog.show()
    _settle(app, None)
    dialog.grab().save(str(path), "PNG")
    print(path)
    dialog.close()


def _shoot_case_sheet(app: QApplication, desk: DeskApp, window: MainWindow, path: Path) -> None:
    """The 相談票 at the size a 1366x768 screen (with a taskbar) gives it."""
    window.list_page.table.selectRow(0)
    _settle(app, desk.runner)
    window.list_page.detail.case_sheet.click()
    dialog = window.list_page.detail.dialog
    assert dialog is not None
    dialog.resize(fitted_size(QSize(720, 820), QRect(0, 0, 1366, 728)))
    dialog.show()
    _settle(app, desk.runner)
    dialog.grab().save(str(path), "PNG")
    dialog.close()
    print(path)


def _selected_row_loaded(window: MainWindow) -> bool:
    page = window.list_page
    rows = page.table.selectionModel().selectedRows()
    return bool(rows) and page.model.row_at(rows[0].row()) is not None


def _until(app: QApplication, desk: DeskApp, done: Callable[[], bool]) -> None:
    """Settle until `done()` (a page read after the key list), at most 20 s."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not done():
        _settle(app, desk.runner)
        app.processEvents()


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
