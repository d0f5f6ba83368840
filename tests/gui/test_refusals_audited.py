"""A permission the window refuses (the screens grey out what a role may not do, and the
services refuse the rest) is an audit entry, as at the command line."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QApplication

from desktop_app.services import audit_trail, staff
from desktop_app.ui.app import DeskApp
from tests.actors import actor_for

CLERK_PASSWORD = "madoguchi-pass-1"


def test_a_refusal_in_the_window_is_an_audit_entry(qtbot, db, db_path):
    """The window greys out what a role may not do; what the services still refuse through the
    window's runner is audited, as at the command line: here a clerk's 操作記録."""
    staff.add_staff(
        db,
        login="tanaka",
        name="田中 花子",
        role="clerk",
        password=CLERK_PASSWORD,
        actor=actor_for(),
    )
    app = QApplication.instance()
    desk = DeskApp(app, db, "SHIBA", staff.sign_in(db, "tanaka", CLERK_PASSWORD))
    window = desk.build("ja", restore=False)
    window.show_page("audit")
    assert not window.may_open("audit")  # greyed for a clerk: the page is never built
    refusals: list[str] = []
    # What the screens do not grey still meets the services' check, through the same runner.
    clerk = desk.actor
    desk.runner.query(
        lambda: audit_trail.list_entries(db, actor=clerk),
        on_done=lambda _: refusals.append("none"),
        on_error=lambda exc: refusals.append(exc.message("ja")),
    )
    qtbot.waitUntil(lambda: bool(refusals), timeout=10_000)
    assert "操作記録の閲覧は係長・管理職以上の権限が必要です" in refusals[0]
    qtbot.waitUntil(lambda: not desk.runner.busy, timeout=10_000)
    conn = sqlite3.connect(db_path)
    with conn:
        denied = conn.execute(
            "SELECT staff, entity_id, new FROM audit_log WHERE action = 'denied'"
        ).fetchall()
    conn.close()
    assert ("tanaka", "audit", "clerk") in denied
    desk.runner.shutdown()
    window.close()
