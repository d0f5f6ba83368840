"""Adversarial checks of the window shown before the database is open (docs/gui.md, "Fourth
pass"): what a clerk does during the hand-over, and an opening that fails behind the window."""

from __future__ import annotations

import contextlib
import threading
from typing import Any, cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.errors import UserError
from desktop_app.services import database
from desktop_app.services.database import Database
from desktop_app.ui import app as desk_app
from desktop_app.ui.late_database import LateDatabase
from tests.gui.test_first_page_early import ADMIN, Held, _desk, _shown


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible()
    ]


def test_a_failed_opening_leaves_no_error_box_of_the_abandoned_window(qtbot, db_path, cases):
    """The window's held reads fail once the opening fails; their errors must not pop up
    (the usual path says why once, with the start frame)."""
    held = Held(db_path, UserError("database_busy", path="desk.sqlite3", detail="locked"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    late = cast("Database", LateDatabase(held.opening))
    threading.Timer(0.3, held.release.set).start()
    desk = desk_app._desk_before_opened(app, (late, "SHIBA", ADMIN), held.first_page(), [], "ja")
    assert desk is None
    qtbot.wait(100)
    assert _error_boxes() == []


def test_a_language_switch_during_the_hand_over_shows_the_full_list_in_the_new_language(
    qtbot, db, db_path, cases
):
    from desktop_app.domain.local_time import local_today
    from desktop_app.services import search
    from desktop_app.services.list_rows import InquiryFilter
    from desktop_app.ui.inquiry_list.list_model import PAGE

    held = Held(db_path)
    desk = _desk(held)
    desk.build("ja", restore=False)
    try:
        threading.Timer(0.3, held.release.set).start()  # the rebuild drains the held queue
        desk._switch_language("en")
        window = desk.window
        assert window is not None and window.ctx.lang == "en"
        model = window.list_page.model
        qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=5000)
        full = search.list_head(db, InquiryFilter(today=local_today()), "received_at", True, PAGE)
        assert _shown(model) == full.rows
    finally:
        held.release.set()
        desk.close()
        desk_app.install_translators(desk.app, "ja")  # the next tests' language
        for opened in held.opened:
            opened.dispose()


def test_a_write_asked_for_during_the_hand_over_is_done_when_the_window_is_closed(
    qtbot, db_path, cases
):
    from desktop_app.domain.changes import NOTHING
    from desktop_app.services import staff

    held = Held(db_path)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    late = cast("Database", LateDatabase(held.opening))
    first = held.first_page()
    desk = desk_app.DeskApp(app, late, "SHIBA", ADMIN, first_page=first)
    window = desk.build("ja", restore=False)
    window.ctx.runner.write(lambda: staff.sign_out(late, actor=ADMIN), NOTHING)
    window.close()  # closed with the write still held
    threading.Timer(0.3, held.release.set).start()
    desk_app._until_ready(first.opening)
    desk.db = first.opening.result()[0]
    desk.close()
    opened = database.connect(db_path)
    try:
        with opened.read() as session:
            from sqlalchemy import text as sql

            actions = [r[0] for r in session.execute(sql("SELECT action FROM audit_log"))]
        assert "sign_out" in actions
    finally:
        opened.dispose()


def test_a_row_the_light_read_cannot_read_falls_back_to_the_opening_unpaused(qtbot, db_path, cases):
    """A stored value the light read does not take (a date with a time after it, which the
    full path refuses too) must not make Enter fail in the dialog with the opening's imports
    left paused: the window then waits for the opening, as when the file is locked."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "UPDATE inquiry SET received_at = received_at || ' 09:30:00' WHERE pk = "
            "(SELECT max(pk) FROM inquiry)"
        )
    conn.close()
    held = Held(db_path)
    first: list[desk_app.FirstPage] = []
    try:
        shown = desk_app._read_first_page(db_path, False, held.opening, first)
        assert shown is False and first == []
        assert held.opening._go.is_set()  # the opening's imports were not left paused
    finally:
        held.release.set()
        with contextlib.suppress(UserError):
            held.opening.result()
        for opened in held.opened:
            opened.dispose()


def test_what_was_typed_when_a_failing_opening_closes_the_window_is_kept_as_a_draft(
    qtbot, db_path, cases, tmp_path, monkeypatch
):
    """Ctrl+N during the hand-over and a subject typed: the opening then fails and the window
    is closed by the program, not by the clerk. The form's draft waits a second after the last
    key; what was typed in that second must still be kept (offered back at the next Ctrl+N)."""
    from desktop_app import config
    from desktop_app.services.drafts import DraftStore, draft_name
    from desktop_app.ui.main_window import MainWindow

    monkeypatch.setattr(config, "data_dir", lambda: tmp_path / "data")
    held = Held(db_path, UserError("database_busy", path="desk.sqlite3", detail="locked"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    late = cast("Database", LateDatabase(held.opening))
    typed: list[str] = []

    def type_then_fail() -> None:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        window.new_inquiry()
        form = window.intake
        assert form is not None
        cast(Any, form).inquiry.subject.setText("物産展の出店相談")  # as typed: textChanged
        typed.append(cast(Any, form).inquiry.subject.text())
        held.release.set()  # the opening fails a moment after the last key

    QTimer.singleShot(50, type_then_fail)
    desk = desk_app._desk_before_opened(app, (late, "SHIBA", ADMIN), held.first_page(), [], "ja")
    assert desk is None and typed == ["物産展の出店相談"]
    draft = DraftStore(tmp_path / "data", draft_name("SHIBA", ADMIN.login, training=False)).load()
    assert draft is not None and draft["contract"]["subject"] == "物産展の出店相談"


def test_an_earlier_draft_is_not_overwritten_before_it_is_offered(
    qtbot, db_path, cases, tmp_path, monkeypatch
):
    """A draft left from before is offered once the form's choices arrive, which during the
    hand-over is only once the database is open; typing for more than a second before that
    must not replace it unseen."""
    from desktop_app import config
    from desktop_app.services.drafts import DraftStore, draft_name
    from desktop_app.ui.intake import intake_form

    monkeypatch.setattr(config, "data_dir", lambda: tmp_path / "data")
    earlier = {"receipt_no": None, "baseline": None, "contract": {"subject": "前回の相談"}}
    DraftStore(tmp_path / "data", draft_name("SHIBA", ADMIN.login, training=False)).save(earlier)
    held = Held(db_path)
    desk = _desk(held)
    window = desk.build("ja", restore=False)
    try:
        window.new_inquiry()  # Ctrl+N before the database is open
        form = cast(Any, window.intake)
        form.inquiry.subject.setText("物産展の出店相談")  # as typed
        qtbot.wait(intake_form._DRAFT_DELAY_MS + 300)  # past the draft's pause
        kept = DraftStore(
            tmp_path / "data", draft_name("SHIBA", ADMIN.login, training=False)
        ).load()
        assert kept is not None and kept["contract"]["subject"] == "前回の相談"
        held.release.set()
        qtbot.waitUntil(lambda: form.findChild(QMessageBox, "restoreDraftBox") is not None)
    finally:
        held.release.set()
        desk.close()
        for opened in held.opened:
            opened.dispose()


def test_a_case_opened_to_edit_before_the_opening_takes_no_typing_it_would_wipe(
    qtbot, db_path, cases
):
    """A row opened to edit during the hand-over: its record comes once the database is open,
    and fills the form then. What a clerk types into the form before that must not be wiped
    by it without a word: the form takes no input until its record is in."""
    held = Held(db_path)
    desk = _desk(held)
    window = desk.build("ja", restore=False)
    try:
        receipt = cases["a"].receipt_no
        window.edit_inquiry(receipt)  # a double-click on the row
        form = cast(Any, window.intake)
        qtbot.keyClicks(form.inquiry.subject, "memo")  # keys: a disabled field takes none
        typed = form.inquiry.subject.text()
        held.release.set()
        qtbot.waitUntil(lambda: form.receipt_no == receipt, timeout=5000)
        assert typed == "" or form.inquiry.subject.text() == typed
        assert form.isEnabled()  # and the record, once in, may be edited
    finally:
        held.release.set()
        desk.close()
        for opened in held.opened:
            opened.dispose()


def test_ctrl_n_after_a_case_opened_before_the_opening_gets_a_new_form_not_the_case(
    qtbot, db_path, cases
):
    """A row opened to edit, then Ctrl+N, both before the database is open: the case read
    afterwards must not fill the new form (typed over and saved, it would overwrite the case)."""
    held = Held(db_path)
    desk = _desk(held)
    window = desk.build("ja", restore=False)
    try:
        window.edit_inquiry(cases["a"].receipt_no)
        window.new_inquiry()  # Ctrl+N
        form = cast(Any, window.intake)
        held.release.set()
        qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=5000)
        assert form.receipt_no is None and form.isEnabled()
        assert form.title.text() == "新規受付"
    finally:
        held.release.set()
        desk.close()
        for opened in held.opened:
            opened.dispose()
