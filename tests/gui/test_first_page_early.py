"""The main window and its list page can be imported, built and painted before SQLAlchemy,
the models and the services are imported (docs/gui.md, "Start-up after the sign-in"): Enter
pressed the moment the sign-in dialog shows need not wait for the database layer's imports."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.services import database, light_window, search
from desktop_app.services.database import Database
from desktop_app.services.list_rows import InquiryFilter, for_actor
from desktop_app.services.records import InquiryRecord
from desktop_app.ui import app as desk_app
from desktop_app.ui.app import DeskApp, FirstPage
from desktop_app.ui.inquiry_list.list_model import PAGE
from desktop_app.ui.late_database import LateDatabase
from desktop_app.ui.main_window import PAGES
from desktop_app.ui.sign_in.opening import Opening
from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog
from tests.conftest import ADMIN_PASSWORD
from tests.gui.conftest import WAIT_MS

ADMIN = Actor(login="admin", name="管理者", role=Role.ADMIN, office="SHIBA")

# What the window's modules must not import at their top.
DATABASE_LAYER = ("sqlalchemy", "alembic", "openpyxl", "db", "desktop_app.services.database",
                  "desktop_app.services.search", "desktop_app.services.lookup")  # fmt: skip


def test_the_window_modules_import_no_database_layer(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        import PySide6.QtWidgets
        import desktop_app.ui.main_window, desktop_app.ui.vocab, desktop_app.ui.worker
        print(",".join(sorted(m for m in sys.modules
                              if any(m == h or m.startswith(h + ".") for h in {DATABASE_LAYER!r})))
              or "none")
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "none"


class Held:
    """An opening of the real file that waits until `release` (so the window is surely built
    and used before the database is open), or fails then with `failure`."""

    def __init__(self, path: Path, failure: UserError | None = None) -> None:
        self.path = path
        self.release = threading.Event()
        self.failure = failure
        self.opened: list[Database] = []
        self.opening: Opening[tuple[Database, str]] = Opening(self._open, lambda _opened: None)
        self.opening.start()

    def _open(self) -> tuple[Database, str]:
        assert self.release.wait(20), "the test never let the opening finish"
        if self.failure is not None:
            raise self.failure
        db = database.connect(self.path)
        self.opened.append(db)
        return db, "SHIBA"

    def first_page(self) -> FirstPage:
        """What the dialog's Enter reads before the database is open (ui.app)."""
        start = light_window.read_start(self.path, local_today(), PAGE)
        assert start is not None and self.opening.early()
        return FirstPage(start, False, self.opening)


@pytest.fixture
def held(db_path: Path, cases: dict[str, InquiryRecord]) -> Iterator[Held]:
    opening = Held(db_path)
    yield opening
    opening.release.set()
    with contextlib.suppress(UserError):
        opening.opening.result()
    for db in opening.opened:
        db.dispose()


def _desk(held: Held, after: list[Callable[[Database], object]] | None = None) -> DeskApp:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    late = cast("Database", LateDatabase(held.opening))
    return DeskApp(
        app, late, "SHIBA", ADMIN, after_sign_in=after or [], first_page=held.first_page()
    )


def _shown(model: Any) -> list[Any]:
    return [model.row_at(n) for n in range(model.rowCount())]


def test_the_window_shows_the_full_lists_first_page_before_the_database_is_open(qtbot, db, held):
    desk = _desk(held)
    window = desk.build("ja", restore=False)
    try:
        qtbot.waitExposed(window)
        assert not held.opening.ready  # shown, and the database still not open
        full = search.list_head(db, InquiryFilter(today=local_today()), "received_at", True, PAGE)
        model = window.list_page.model
        assert _shown(model) == full.rows and model.rowCount() == full.count == 4
        assert window.list_page.match_count.text() == "4件"
        assert model.data(model.index(0, 0)) not in ("", "…")  # the cells' texts, labelled
    finally:
        held.release.set()
        desk.close()


def test_what_is_asked_before_the_opening_waits_for_it_and_answers_from_the_database(
    qtbot, db, held, cases
):
    after: list[Callable[[Database], object]] = []
    ran: list[str] = []
    after.append(lambda opened: ran.append(str(opened.path)))  # as the package-key slot
    desk = _desk(held, after)
    window = desk.build("ja", restore=False)
    try:
        model = window.list_page.model
        window.list_page.filters.text.setText("柚子")  # typed before the database is open
        qtbot.wait(400)  # past the debounce: the new filter's read is queued, and waits
        assert model.loading and not ran and not held.opening.ready
        held.release.set()
        qtbot.waitUntil(lambda: not model.loading, timeout=WAIT_MS)
        flt = for_actor(InquiryFilter(text="柚子", today=local_today()), ADMIN)
        full = search.list_head(db, flt, "received_at", True, PAGE)
        assert _shown(model) == full.rows and [r.receipt_no for r in full.rows] == [
            cases["a"].receipt_no
        ]
        qtbot.waitUntil(lambda: bool(ran), timeout=WAIT_MS)
        assert ran == [str(held.path)]  # the rest of the sign-in, on the opened database
    finally:
        held.release.set()
        desk.close()


def test_a_new_inquiry_asked_for_before_the_opening_is_shown_and_its_reads_wait(qtbot, held):
    desk = _desk(held)
    window = desk.build("ja", restore=False)
    try:
        window.new_inquiry()  # Ctrl+N: the form at once; what it reads waits for the database
        assert window.stack.currentIndex() == PAGES.index("intake") and window.intake
        assert not held.opening.ready and window.ctx.runner.busy
        held.release.set()
        qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=WAIT_MS)
        assert not cast(Any, window.intake).is_dirty()
    finally:
        held.release.set()
        desk.close()


def test_a_failed_opening_closes_the_window_with_nothing_run(qtbot, db_path, cases, monkeypatch):
    held = Held(db_path, UserError("database_busy", path="desk.sqlite3", detail="locked"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    late = cast("Database", LateDatabase(held.opening))
    ran: list[object] = []
    after: list[Callable[[Database], object]] = [lambda opened: ran.append(opened.path)]
    built: list[Any] = []
    monkeypatch.setattr(desk_app.DeskApp, "abandon", _noting(desk_app.DeskApp.abandon, built))
    threading.Timer(0.3, held.release.set).start()
    signed = (late, "SHIBA", ADMIN)
    desk = desk_app._desk_before_opened(app, signed, held.first_page(), after, "ja")
    assert desk is None and built  # the window was shown, then abandoned
    assert built[0] is None or not built[0].isVisible()
    assert not ran and not after  # nothing of the sign-in's rest ran, nor is left to run


def _noting(abandon: Callable[[Any], None], seen: list[Any]) -> Callable[[Any], None]:
    def noted(desk: Any) -> None:
        window = desk.window
        abandon(desk)
        seen.append(window if window is None else (window if _alive(window) else None))

    return noted


def _alive(widget: Any) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_enter_at_once_signs_in_lightly_and_the_window_comes_before_the_opening(
    qtbot, db_path, cases, monkeypatch
):
    """The whole path as run_gui takes it: the dialog, Enter before the database is open, the
    window from the light read, then the wait for the opening with the window on screen."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    entered = threading.Event()
    opens = desk_app._open_to_sign_in

    def slow_open(path: Path, *, training: bool) -> tuple[Database, str]:
        assert entered.wait(20)  # as SQLAlchemy's imports would: Enter comes first
        return opens(path, training=training)

    monkeypatch.setattr(desk_app, "_open_to_sign_in", slow_open)

    def enter() -> None:
        dialog = next(
            (w for w in app.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()),
            None,
        )
        if dialog is None:
            QTimer.singleShot(1, enter)
            return
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.submit()
        entered.set()

    QTimer.singleShot(0, enter)
    after: list[Callable[[Database], object]] = []
    first: list[FirstPage] = []
    signed = desk_app.sign_in_early(
        db_path, "ja", training=False, user="admin", after_sign_in=after, first_page=first
    )
    assert signed is not None and signed[2] is not None and signed[2].login == "admin"
    assert first and isinstance(signed[0], LateDatabase) and not first[0].opening.ready
    desk = desk_app._desk_before_opened(app, signed, first[0], after, "ja")
    assert desk is not None and desk.window is not None and first[0].opening.ready
    try:
        assert not isinstance(desk.db, LateDatabase)  # the opened one from now on
        assert desk.window.list_page.model.rowCount() == 4
    finally:
        desk.close()


def test_a_row_chosen_before_the_opening_shows_its_case_once_the_database_is_open(
    qtbot, held, cases
):
    desk = _desk(held)
    window = desk.build("ja", restore=False)
    try:
        page = window.list_page
        page.table.selectRow(0)  # a click on the first row: the pane is built, its read waits
        assert page.detail.detail is None and not held.opening.ready
        held.release.set()
        qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=WAIT_MS)
        assert page.detail.detail.record.receipt_no == cases["a"].receipt_no  # the newest
    finally:
        held.release.set()
        desk.close()
