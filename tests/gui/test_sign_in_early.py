"""The sign-in dialog comes before the database is opened: it is on screen before SQLAlchemy,
the models, openpyxl and the screens are imported, and Enter signs in through the services
once the database has opened behind it. A failed opening is said in the dialog."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.demo.accounts import DEMO_PASSWORD
from desktop_app.domain.errors import UserError
from desktop_app.services.sign_in_facts import SignInFacts
from desktop_app.ui import app as desk_app
from desktop_app.ui.sign_in.opening import Opening
from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog
from desktop_app.ui.sign_in.start import sign_in_while_opening
from tests.conftest import ADMIN_PASSWORD

# What the dialog must not wait for.
HEAVY = (
    "sqlalchemy", "alembic", "openpyxl", "zxcvbn", "db.models", "db.engine",
    "desktop_app.ui.main_window", "desktop_app.ui.inquiry_list",
)  # fmt: skip


def test_the_dialog_is_shown_before_the_heavy_imports_and_enter_signs_in(db_path: Path, tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication, QLabel
        from desktop_app.ui.app import prepare_application, sign_in_early
        from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog

        app = QApplication([])
        prepare_application(app, "ja", 10)
        seen = []

        class Shown(QObject):
            def eventFilter(self, watched, event):
                if isinstance(watched, SignInDialog) and event.type() == QEvent.Type.Show:
                    seen.append(sorted(m for m in sys.modules
                                       if any(m == h or m.startswith(h + ".") for h in {HEAVY!r})))
                    QTimer.singleShot(50, lambda: enter(watched))
                return False

        def enter(dialog):
            dialog.password.setText({ADMIN_PASSWORD!r})
            dialog.submit()

        shown = Shown()
        app.installEventFilter(shown)
        signed = sign_in_early(Path({str(db_path)!r}), "ja", training=False, user="admin")
        db, office, actor = signed
        print(",".join(seen[0]) or "none")
        print(office, actor.login, actor.role)
        db.dispose()
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    heavy, signed_in = done.stdout.strip().splitlines()[-2:]
    assert heavy == "none"
    assert signed_in == "SHIBA admin admin"


def _shown_dialog() -> SignInDialog | None:
    """The sign-in dialog on screen (earlier tests' closed ones may still exist)."""
    shown = (w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog))
    return next((w for w in shown if w.isVisible()), None)


def _failing_open() -> tuple[object, str]:
    raise UserError("database_busy", path="desk.sqlite3", detail="database is locked")


def test_a_failed_opening_is_said_in_the_dialog_and_nobody_is_signed_in(qtbot):
    opening = Opening(_failing_open, lambda _opened: None)
    seen: dict[str, str] = {}

    def enter() -> None:
        dialog = _shown_dialog()
        if dialog is None:
            QTimer.singleShot(10, enter)
            return
        dialog.password.setText("whatever-it-is")
        dialog.submit()
        seen["error"] = dialog.error.text()
        seen["password"] = dialog.password.text()
        dialog.reject()

    QTimer.singleShot(0, enter)
    facts = SignInFacts(office="SHIBA", training=False, accounts=True)
    assert sign_in_while_opening(facts, opening, "admin", "ja") is None
    assert "別のプログラムが書き込み中です" in seen["error"]
    assert seen["password"] == ""


def test_a_training_database_s_dialog_lists_and_fills_in_its_demo_accounts(qtbot, db):
    opening = Opening(lambda: (db, "SHIBA"), lambda _opened: None)
    seen: dict[str, str] = {}

    def look() -> None:
        dialog = _shown_dialog()
        if dialog is None:
            QTimer.singleShot(10, look)
            return
        seen["note"] = dialog.findChild(QLabel, "demoAccounts").text()
        seen["login"], seen["password"] = dialog.login.text(), dialog.password.text()
        dialog.reject()

    QTimer.singleShot(0, look)
    facts = SignInFacts(office="SHIBA", training=True, accounts=True)
    assert sign_in_while_opening(facts, opening, None, "ja") is None
    assert "demo-clerk" in seen["note"] and DEMO_PASSWORD in seen["note"]
    assert (seen["login"], seen["password"]) == ("demo-admin", DEMO_PASSWORD)


def test_enter_before_the_warming_signs_in_and_leaves_out_what_follows_the_first_page(qtbot, db):
    """Enter pressed while the window's modules are still being imported behind the dialog:
    the password is checked once the database is open (not after the warming), and what the
    window needs only after its first page is not imported meanwhile (`Opening.hurry`)."""
    release = threading.Event()
    later: list[str] = []
    opening = Opening(
        lambda: (db, "SHIBA"), lambda _opened: release.wait(10), lambda: later.append("imported")
    )
    seen: dict[str, bool] = {}

    def enter() -> None:
        dialog = _shown_dialog()
        if dialog is None:
            QTimer.singleShot(10, enter)
            return
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.submit()  # answered while the warming still waits
        seen["accepted"] = dialog.result() == dialog.DialogCode.Accepted
        release.set()

    QTimer.singleShot(0, enter)
    facts = SignInFacts(office="SHIBA", training=False, accounts=True)
    actor = sign_in_while_opening(facts, opening, "admin", "ja")
    opening.finish()
    opening._thread.join(10)
    assert seen == {"accepted": True}
    assert actor is not None and actor.login == "admin"
    assert later == []


def test_the_warming_names_only_qt_classes_that_exist():
    """The classes whose Python types are made behind the dialog (a misspelt one would leave
    the rest unmade, silently)."""
    for module, names in desk_app._FIRST_PAINT_TYPES.items():
        qt = importlib.import_module(f"PySide6.{module}")
        assert all(isinstance(getattr(qt, name), type) for name in names)
    desk_app._make_first_paint_types()
