"""Enter before the database is open behind the sign-in dialog: the password is checked and the
sign-in recorded with sqlite3 alone (services/light_sign_in.py) while the opening goes on, and
the account's package-key slot is opened once the database is. Anything but a plain sign-in (a
wrong password, a failure since the last sign-in, a disabled account) takes the full sign-in,
which slows, refuses and records as always: every sign-in is recorded exactly once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import UserError
from desktop_app.services import database, package_key, staff
from desktop_app.services.database import Database
from desktop_app.services.sign_in_facts import SignInFacts
from desktop_app.ui import app as desk_app
from desktop_app.ui.sign_in.opening import Opening
from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog
from desktop_app.ui.sign_in.start import sign_in_while_opening
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD

FACTS = SignInFacts(office="SHIBA", training=False, accounts=True)
PACKAGE_PASSWORD = "minato-paketto-2026"
CLERK_PASSWORD = "minami-aoyama-madoguchi-7"


def _entries(path: Path, login: str) -> list[str]:
    """The trail's sign-in entries of `login`, oldest first, read from the file itself."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT action FROM audit_log WHERE entity = 'staff' AND entity_id = ?"
            " AND action LIKE 'sign_in%' ORDER BY pk",
            (login,),
        ).fetchall()
    finally:
        conn.close()
    return [action for (action,) in rows]


class Behind:
    """An opening that opens the real file only once the dialog's light try is over, so Enter
    surely comes before the database is open; notes the trail as it was at that moment."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tried = threading.Event()
        self.trail_at_open: list[str] = []
        self.opened: list[Database] = []
        self.opening: Opening[tuple[Database, str]] = Opening(self._open, lambda _opened: None)
        self.after: list[Callable[[Database], object]] = []  # the rest of a light sign-in

    def _open(self) -> tuple[Database, str]:
        assert self.tried.wait(10), "the dialog never tried the light sign-in"
        self.trail_at_open = _entries(self.path, "admin") + _entries(self.path, "kakari")
        db = database.connect(self.path)
        self.opened.append(db)
        return db, "SHIBA"

    def light(self) -> Callable[[str, str], Actor | None]:
        wired = desk_app._light_sign_in(self.path, self.after)

        def tried(login: str, password: str) -> Actor | None:
            try:
                return wired(login, password)
            finally:
                self.tried.set()

        return tried

    def close(self) -> None:
        self.opening.finish()
        for db in self.opened:
            db.dispose()


@pytest.fixture
def behind(db_path: Path) -> Iterator[Behind]:
    opened = Behind(db_path)
    yield opened
    opened.close()
    package_key.forget_all()


def _enter(passwords: list[str], login: str = "admin") -> dict[str, list[str]]:
    """Presses Enter in the shown dialog with each password in turn; then cancels if still up."""
    seen: dict[str, list[str]] = {"errors": []}

    def step() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets()
             if isinstance(w, SignInDialog) and w.isVisible()),
            None,
        )  # fmt: skip
        if dialog is None:
            QTimer.singleShot(10, step)
            return
        dialog.login.setText(login)
        for password in passwords:
            dialog.password.setText(password)
            dialog.submit()
            if dialog.result() == SignInDialog.DialogCode.Accepted:
                return
            seen["errors"].append(dialog.error.text())
        dialog.reject()

    QTimer.singleShot(0, step)
    return seen


def test_enter_before_the_opening_signs_in_with_sqlite_and_records_it_once(qtbot, db, behind):
    package_key.set_password(db, PACKAGE_PASSWORD, actor=actor_for())
    package_key.forget_all()  # as in a new process: the password is opened at the sign-in
    before = _entries(behind.path, "admin")
    _enter([ADMIN_PASSWORD])
    actor = sign_in_while_opening(FACTS, behind.opening, "admin", "ja", light=behind.light())
    behind.opening.finish()
    assert actor is not None and (actor.login, actor.role) == ("admin", "admin")
    # Recorded before the database was opened, and once.
    assert behind.trail_at_open == [*before, "sign_in"]
    assert _entries(behind.path, "admin") == [*before, "sign_in"]
    # The rest of a sign-in waits for the database: the account's slot, opened by it.
    assert len(behind.after) == 1
    with db.read() as session:
        assert package_key.password(session) is None
    behind.after[0](db)
    with db.read() as session:
        assert package_key.password(session) == PACKAGE_PASSWORD
    assert _entries(behind.path, "admin") == [*before, "sign_in"]


def test_at_start_up_the_slot_is_opened_by_the_window_s_worker_after_its_first_page(
    qtbot, db, behind
):
    """As `run_gui` does it: the rest of the light sign-in goes to the window's worker, queued
    after the first page and before anything the person asks for."""
    package_key.set_password(db, PACKAGE_PASSWORD, actor=actor_for())
    package_key.forget_all()
    _enter([ADMIN_PASSWORD])
    actor = sign_in_while_opening(FACTS, behind.opening, "admin", "ja", light=behind.light())
    behind.opening.finish()
    assert actor is not None and len(behind.after) == 1
    desk = desk_app.DeskApp(QApplication.instance(), db, "SHIBA", actor, after_sign_in=behind.after)
    try:
        window = desk.build("ja", restore=False)
        qtbot.addWidget(window)
        assert desk.runner is not None
        is_set = desk.runner.query_now(lambda: package_key.is_set(db))  # queued after it
        qtbot.waitUntil(lambda: not window.list_page.model.loading, timeout=10_000)
    finally:
        if desk.runner is not None:
            desk.runner.shutdown()
    assert is_set
    assert _entries(behind.path, "admin")[-1] == "sign_in"


def test_enter_after_the_opening_signs_in_lightly_too_and_leaves_the_slot_for_the_window(
    qtbot, behind
):
    """Typed for a while: the database is open, and the light sign-in still spares the check
    the warming's competition and the first page the slot's KDF."""
    behind.tried.set()  # the opening does not wait for Enter
    before = _entries(behind.path, "admin")
    seen: dict[str, bool] = {}

    def enter_once_open() -> None:
        seen["open"] = behind.opening.result() is not None  # waits for the opening
        _enter([ADMIN_PASSWORD])

    QTimer.singleShot(0, enter_once_open)
    actor = sign_in_while_opening(FACTS, behind.opening, "admin", "ja", light=behind.light())
    assert seen == {"open": True}
    assert actor is not None and actor.login == "admin"
    assert behind.trail_at_open == before
    assert _entries(behind.path, "admin") == [*before, "sign_in"]
    assert len(behind.after) == 1


def test_a_wrong_password_takes_the_full_sign_in_which_counts_it_once(qtbot, behind):
    before = _entries(behind.path, "admin")
    seen = _enter(["not-the-password"])
    assert sign_in_while_opening(FACTS, behind.opening, "admin", "ja", light=behind.light()) is None
    assert len(seen["errors"]) == 1 and "でサインインできませんでした" in seen["errors"][0]
    assert behind.trail_at_open == before  # the light try wrote nothing
    assert behind.after == []  # and left nothing to do
    assert _entries(behind.path, "admin") == [*before, "sign_in_failed"]


def test_after_a_failure_the_right_password_signs_in_through_the_full_path(qtbot, behind):
    """A failure since the last sign-in: the full sign-in alone knows how long to wait."""
    before = _entries(behind.path, "admin")
    seen = _enter(["not-the-password", ADMIN_PASSWORD])
    actor = sign_in_while_opening(FACTS, behind.opening, "admin", "ja", light=behind.light())
    assert actor is not None and actor.login == "admin"
    assert len(seen["errors"]) == 1
    assert _entries(behind.path, "admin") == [*before, "sign_in_failed", "sign_in"]


def test_a_disabled_account_is_refused_by_the_full_sign_in(qtbot, db, behind):
    admin = actor_for()
    staff.add_staff(db, login="kakari", name="係 員", role="clerk", password=CLERK_PASSWORD,
                    actor=admin)  # fmt: skip
    staff.disable_staff(db, "kakari", actor=admin)
    before = _entries(behind.path, "kakari")
    seen = _enter([CLERK_PASSWORD], login="kakari")
    assert (
        sign_in_while_opening(FACTS, behind.opening, "kakari", "ja", light=behind.light()) is None
    )
    assert len(seen["errors"]) == 1
    assert _entries(behind.path, "kakari") == [*before, "sign_in_failed"]


def test_a_light_sign_in_whose_opening_failed_leaves_nothing_for_the_window(
    qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The opening fails after the light sign-in (another program holds the file): the usual
    path asks whoever comes next to sign in, so the slot of this one is not opened for them."""
    tried = threading.Event()
    wire = desk_app._light_sign_in

    def light(path: Path, after: list[Callable[[Database], object]]) -> Callable[..., object]:
        wired = wire(path, after)

        def tried_light(login: str, password: str) -> Actor | None:
            try:
                return wired(login, password)
            finally:
                tried.set()

        return tried_light

    def busy(_path: Path, *, training: bool) -> tuple[Database, str]:
        tried.wait(10)
        raise UserError("database_busy", path=str(_path), detail="database is locked")

    monkeypatch.setattr(desk_app, "_light_sign_in", light)
    monkeypatch.setattr(desk_app, "_open_to_sign_in", busy)
    before = _entries(db_path, "admin")
    seen = _enter([ADMIN_PASSWORD])
    after: list[Callable[[Database], object]] = []
    early = desk_app.sign_in_early(db_path, "ja", training=False, user="admin", after_sign_in=after)
    assert early is None and after == []
    assert len(seen["errors"]) == 1 and "別のプログラムが書き込み中です" in seen["errors"][0]
    assert _entries(db_path, "admin") == [*before, "sign_in"]  # that sign-in did happen


def test_the_light_sign_in_imports_no_sqlalchemy(db_path: Path, tmp_path: Path):
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from desktop_app.services.light_sign_in import sign_in_lightly

        actor = sign_in_lightly(Path({str(db_path)!r}), "admin", {ADMIN_PASSWORD!r})
        heavy = sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy"
                       or m in ("db.models", "db.engine"))
        print(actor.login if actor else None, ",".join(heavy) or "none")
        """
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["admin", "none"]
    assert _entries(db_path, "admin")[-1] == "sign_in"
