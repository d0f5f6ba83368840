"""The idle lock as the office's policy in the window, 「別の職員でサインイン」 and サインアウト."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop_app.domain.actor import Role
from desktop_app.services import idle_limits, idle_policy, staff
from desktop_app.ui import preferences
from desktop_app.ui.app import DeskApp
from desktop_app.ui.main_window import MainWindow
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD
from tests.gui.test_sign_in import answer_dialog

CLERK_PASSWORD = "madoguchi-pass-1"


def _entries(path, action: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    with conn:
        rows = conn.execute(
            "SELECT staff, entity_id FROM audit_log WHERE action = ? ORDER BY pk", (action,)
        ).fetchall()
    conn.close()
    return rows


@pytest.fixture
def clerk(db):
    staff.add_staff(
        db,
        login="tanaka",
        name="田中 花子",
        role="clerk",
        password=CLERK_PASSWORD,
        actor=actor_for(),
    )


def _window(qtbot, make_desk, db, login: str, role: Role) -> MainWindow:
    made = MainWindow(make_desk(db, staff=login, role=role))
    qtbot.addWidget(made)
    made.show()
    made.start()
    return made


def test_a_clerk_cannot_choose_more_than_the_office_allows(qtbot, make_desk, db, clerk):
    preferences.set_idle_minutes(120)  # chosen on this PC before the policy
    idle_policy.set_maximum(db, 10, actor=actor_for())
    window = _window(qtbot, make_desk, db, "tanaka", Role.CLERK)
    assert window.idle_lock.minutes == 10
    window.show_page("settings")
    page = window.settings
    assert not page.idle_maximum.isEnabled()  # the office's maximum is an administrator's
    assert page.idle_minutes.maximum() == 10
    page.idle_minutes.setValue(60)
    assert page.idle_minutes.value() == 10
    page.idle_minutes.setValue(3)
    assert window.idle_lock.minutes == 3  # at once, no restart


def test_an_administrators_new_maximum_applies_at_once(qtbot, make_desk, db, db_path):
    window = _window(qtbot, make_desk, db, "admin", Role.ADMIN)
    assert window.idle_lock.minutes == idle_limits.DEFAULT_MAXIMUM
    window.show_page("settings")
    page = window.settings
    assert page.idle_maximum.isEnabled()
    page.idle_maximum.setValue(5)
    assert idle_policy.maximum(db) == 5
    assert page.idle_minutes.maximum() == 5 and page.idle_minutes.value() == 5
    assert window.idle_lock.minutes == 5
    assert _entries(db_path, "setting") == [("admin", "idle_lock_max_minutes")]


def test_the_lock_offers_another_member_of_staff_and_the_window_signs_out(
    qtbot, make_desk, db, db_path, clerk
):
    window = _window(qtbot, make_desk, db, "tanaka", Role.CLERK)
    window.idle_lock.lock()
    switch = window.idle_lock.panel.findChild(QPushButton, "switchUserButton")
    assert switch is not None and switch.isVisible()
    assert switch.text() == "別の職員でサインイン"
    with qtbot.waitSignal(window.signOutRequested, timeout=5_000):
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert _entries(db_path, "sign_out") == [("tanaka", "tanaka")]
    button = window.findChild(QPushButton, "signOut")
    assert button is not None and button.text() == "サインアウト" and button.isVisible()
    with qtbot.waitSignal(window.signOutRequested, timeout=5_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_signing_out_builds_the_window_for_the_next_person(qtbot, db, db_path, clerk):
    app = QApplication.instance()
    desk = DeskApp(app, db, "SHIBA", staff.sign_in(db, "admin", ADMIN_PASSWORD))
    first = desk.build("ja", restore=False)
    assert first.ctx.actor.login == "admin"

    def fill(dialog) -> None:
        dialog.login.setText("tanaka")
        dialog.password.setText(CLERK_PASSWORD)
        dialog.submit()

    answer_dialog(qtbot, fill)
    first.sign_out()
    qtbot.waitUntil(lambda: desk.window is not None and desk.window is not first, timeout=10_000)
    assert desk.window.ctx.actor.login == "tanaka"
    assert desk.window.signed_in.text().startswith("サインイン中: 田中 花子")
    assert _entries(db_path, "sign_out") == [("admin", "admin")]
    assert desk.runner is not None
    desk.runner.shutdown()
    desk.window.close()
