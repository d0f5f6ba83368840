"""The window's sign-in: the dialog, a training database's demo accounts, the first run, the
idle lock over the window, and the staff section of 設定 for administrators only."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.demo.accounts import DEMO_PASSWORD
from desktop_app.demo.service import generate_demo_data
from desktop_app.domain.actor import Role
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render
from desktop_app.services import database, setup, staff
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.sign_in.first_run_dialog import FirstRunDialog
from desktop_app.ui.sign_in.idle_lock import IdleLock
from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog
from desktop_app.ui.sign_in.start import sign_in_interactively
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD

WAIT_MS = 10_000


def accounts(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT login, failed_logins, password_hash FROM staff").fetchall()
    conn.close()
    return rows


def answer_dialog(qtbot, fill) -> None:
    """Fill and submit the next modal dialog from inside its own event loop."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        fill(dialog)

    QTimer.singleShot(0, run)


def test_a_wrong_password_stays_in_the_dialog_with_the_message(qtbot, db, db_path):
    dialog = SignInDialog(
        lambda login, password: staff.sign_in(db, login, password), lang="ja", login="admin"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None and dialog.isVisible()
    assert "ユーザー名かパスワードが違うか" in dialog.error.text()
    assert dialog.error.isVisible()
    assert dialog.password.text() == ""
    assert accounts(db_path)[0][1] == 1
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.role is Role.ADMIN
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert accounts(db_path)[0][1] == 0


def test_a_training_database_made_from_a_real_one_keeps_the_admin_password(qtbot, db):
    generate_demo_data(db, count=5)  # `init` made admin; demo-data adds demo-* accounts

    def enter(dialog) -> None:
        assert dialog.login.text() == "admin" and dialog.password.text() == ""
        qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    answer_dialog(qtbot, enter)
    actor = sign_in_interactively(db, "admin", "ja")
    assert actor is not None and actor.login == "admin"
    with pytest.raises(UserError):
        staff.sign_in(db, "admin", DEMO_PASSWORD)


def test_the_demo_sign_in_screen(qtbot, tmp_path):
    path = tmp_path / "training.sqlite3"
    db = database.connect(path)
    try:
        from desktop_app.demo.service import first_start

        assert first_start(db, office="SHIBA", demo_count=5)
        # Only the demo accounts sign in; the people its cases name are disabled accounts.
        roles = {r.login: r.role for r in staff.list_staff(db, actor=actor_for()) if r.active}
        assert roles == {
            "demo-admin": Role.ADMIN,
            "demo-clerk": Role.CLERK,
            "demo-supervisor": Role.SUPERVISOR,
        }
        seen: dict[str, str] = {}

        def enter(dialog) -> None:
            seen["note"] = dialog.findChild(object, "demoAccounts").text()
            seen["login"] = dialog.login.text()
            qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

        answer_dialog(qtbot, enter)
        actor = sign_in_interactively(db, None, "ja")  # what `make run` meets: one Enter
        assert actor is not None and (actor.login, actor.role) == ("demo-admin", Role.ADMIN)
        assert seen["login"] == "demo-admin"
        assert DEMO_PASSWORD in seen["note"] and "demo-clerk" in seen["note"]
        assert "窓口職員" in seen["note"] and "研修用データベース" in seen["note"]
    finally:
        db.dispose()


def test_a_real_installation_starts_with_the_first_run_set_up(qtbot, new_db_path):
    new_db_path.parent.mkdir(parents=True)
    db = database.connect(new_db_path)
    try:

        def weak_then_good(dialog: FirstRunDialog) -> None:
            assert dialog.office.isVisibleTo(dialog)
            dialog.password.setText("short")
            dialog.again.setText("short")
            dialog.submit()
            assert "10文字以上" in dialog.error.text()
            assert setup.office_of(db) is None  # checked before anything is written
            dialog.office.setCurrentIndex(dialog.office.findData("AZABU"))
            dialog.password.setText("azabu-juban-1")
            dialog.again.setText("azabu-juban-2")
            dialog.submit()
            assert "一致しません" in dialog.error.text()
            dialog.again.setText("azabu-juban-1")
            dialog.submit()

        answer_dialog(qtbot, weak_then_good)
        actor = sign_in_interactively(db, "admin", "ja")
        assert actor is not None and (actor.login, actor.office) == ("admin", "AZABU")
        assert setup.office_of(db) == "AZABU" and not setup.is_training(db)
        assert staff.sign_in(db, "admin", "azabu-juban-1").role is Role.ADMIN
    finally:
        db.dispose()


def test_cancelling_the_sign_in_opens_nothing(qtbot, db):
    answer_dialog(qtbot, lambda dialog: dialog.reject())
    assert sign_in_interactively(db, "admin", "ja") is None


@pytest.fixture
def window(qtbot, make_desk, db):
    staff.add_staff(
        db,
        login="tanaka",
        name="田中 花子",
        role="clerk",
        password="madoguchi-pass-1",
        actor=actor_for(),
    )
    ctx = make_desk(db, staff="tanaka", role=Role.CLERK)
    made = MainWindow(ctx)
    qtbot.addWidget(made)
    made.show()
    made.start()
    return made


def test_the_idle_lock_covers_the_window_and_asks_for_the_password(qtbot, window, db_path):
    lock = IdleLock(window.ctx, window, minutes=0.002)  # 120 ms, for the test
    qtbot.waitUntil(lambda: lock.locked, timeout=WAIT_MS)
    assert lock.panel.geometry() == window.rect()
    assert "tanaka" in lock.panel.findChild(object, "lockBox").findChildren(object)[1].text()
    # Keys under the cover do nothing: Ctrl+2 does not open 新規受付.
    qtbot.keyClick(window.nav, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 0
    qtbot.keyClicks(lock.panel.password, "not-the-password")
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    assert lock.locked
    # Only a password was asked: the message names the password alone.
    assert lock.panel.error.text() == render("lock_password_wrong")
    assert "ユーザー名" not in lock.panel.error.text()
    assert [row[1] for row in accounts(db_path) if row[0] == "tanaka"] == [1]
    qtbot.keyClicks(lock.panel.password, "madoguchi-pass-1")
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    assert not lock.locked
    qtbot.keyClick(window.nav, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 2


def test_input_keeps_the_lock_away_once_the_first_page_is_in(qtbot, window):
    """The window's idle lock counts input from a moment after its first page (IdleLock.watch),
    not from its construction: then it counts every key as before."""
    assert not window.idle_lock.watching  # the window is being built: not yet
    qtbot.waitUntil(lambda: window.idle_lock.watching, timeout=WAIT_MS)
    window.idle_lock.set_minutes(0.02)  # 1.2 s, for the test
    for _ in range(8):  # 2.4 s of keys, each within the 1.2 s
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
        qtbot.wait(300)
        assert not window.idle_lock.locked
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=WAIT_MS)  # then it locks


def test_the_window_names_who_is_signed_in(window):
    assert window.signed_in.text() == "サインイン中: tanaka（tanaka・窓口職員）"


def test_a_clerk_gets_no_staff_section_and_a_greyed_password_box(qtbot, window):
    window.show_page("settings")
    assert window.settings.staff is None
    assert not window.settings.package_password.isEnabled()


def test_an_admin_adds_and_unlocks_staff_in_settings(qtbot, make_desk, db, db_path, settle):
    ctx = make_desk(db, staff="admin")
    made = MainWindow(ctx)
    qtbot.addWidget(made)
    made.show()
    made.show_page("settings")
    section = made.settings.staff
    assert section is not None
    settle(ctx)
    assert [r.login for r in section.records] == ["admin"]

    def fill(dialog) -> None:
        dialog.login.setText("sato")
        dialog.name.setText("佐藤 次郎")
        dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
        dialog.password.setText("sato")  # too short: refused, the dialog stays
        dialog.again.setText("sato")
        dialog.accept()
        QTimer.singleShot(0, lambda: second(dialog))

    def second(dialog) -> None:
        if not (dialog.isVisible() and dialog.error.text()):  # the dialog shown again
            QTimer.singleShot(20, lambda: second(dialog))
            return
        assert "10文字以上" in dialog.error.text()
        dialog.password.setText("shibaura-pass-1")
        dialog.again.setText("shibaura-pass-1")
        dialog.accept()

    answer_dialog(qtbot, fill)
    section.open_add()
    settle(ctx)
    assert [(r.login, r.role) for r in section.records] == [
        ("admin", Role.ADMIN),
        ("sato", Role.SUPERVISOR),
    ]
    for _ in range(3):  # the next attempt would wait
        with pytest.raises(UserError):
            staff.sign_in(db, "sato", "wrong-password")
    section.refresh()
    settle(ctx)
    assert section.table.item(1, 3).text() == "失敗3回・待ち時間あり"
    section.table.selectRow(1)
    section.unlock.click()
    settle(ctx)
    assert section.table.item(1, 3).text() == ""
    assert staff.sign_in(db, "sato", "shibaura-pass-1").login == "sato"
