"""Who works at the window: signing in once the database is open, before the main window.

A screenshot run (`gui --screenshot`) signs in from the environment, as every command does
(RENKEI_DESK_USER or `--user`, RENKEI_DESK_PASSWORD). Otherwise: a database without accounts
that is not a training database gets the first-run set-up; any other the sign-in dialog, which
on a training database lists its demo accounts and is pre-filled with the demo administrator
(or the demo account asked for) and the published password, so that Enter opens the desk.

At start-up the dialog comes before the database is opened (`sign_in_while_opening`): what it
needs is read with plain sqlite3 (services/sign_in_facts.py) and the database opens behind it
(ui/sign_in/opening.py), so this module imports SQLAlchemy and the services only inside the
functions that use them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app import config
from desktop_app.domain.actor import Actor
from desktop_app.domain.changes import STAFF
from desktop_app.domain.errors import UserError
from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog

if TYPE_CHECKING:
    from desktop_app.services.database import Database
    from desktop_app.services.sign_in_facts import SignInFacts
    from desktop_app.ui.sign_in.opening import Opening
    from desktop_app.ui.worker import DbRunner

_POLL_MS = 5


def sign_in_from_environment(
    db: Database, user: str | None, password: str | None, lang: str
) -> Actor:
    from desktop_app.services import setup, staff
    from desktop_app.ui.worker import DbRunner

    if password is None:
        raise UserError("password_missing")
    runner = DbRunner(lang)
    try:
        training = runner.query_now(
            lambda: setup.office_of(db) is not None and setup.is_training(db)
        )
        login = _login(user, training=training)
        return runner.write_now(lambda: staff.sign_in(db, login, password), STAFF)
    finally:
        runner.shutdown()


def _login(user: str | None, *, training: bool) -> str:
    """Who signs in when nobody was named: a training database's demo administrator (its
    first start has no `admin`), else the first administrator."""
    if user or not training:
        return user or config.sign_in_user()
    from desktop_app.demo.accounts import DEMO_ADMIN

    return DEMO_ADMIN


def sign_in_interactively(
    db: Database, user: str | None, lang: str, parent: QWidget | None = None
) -> Actor | None:
    """The signed-in actor, or None when the person cancelled. `user` pre-fills the login."""
    from desktop_app.services import setup, staff
    from desktop_app.ui.sign_in.first_run_dialog import FirstRunDialog
    from desktop_app.ui.worker import DbRunner

    runner = DbRunner(lang)
    try:
        office = runner.query_now(lambda: setup.office_of(db))
        training = office is not None and runner.query_now(lambda: setup.is_training(db))
        dialog: FirstRunDialog | SignInDialog
        if not training and (
            office is None or not runner.query_now(lambda: staff.has_accounts(db))
        ):
            dialog = FirstRunDialog(
                lambda chosen, password: runner.write_now(
                    lambda: staff.first_run(db, chosen, password), STAFF
                ),
                lang=lang,
                ask_office=office is None,
                parent=parent,
            )
        else:
            dialog = _sign_in_dialog(
                lambda login, password: runner.write_now(
                    lambda: staff.sign_in(db, login, password), STAFF
                ),
                user,
                lang,
                training=training,
                parent=parent,
            )
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        runner.shutdown()


def sign_in_while_opening(
    facts: SignInFacts,
    opening: Opening[tuple[Database, str]],
    user: str | None,
    lang: str,
    *,
    light: Callable[[str, str], Actor | None] | None = None,
    early: Callable[[], bool] | None = None,
) -> Actor | None:
    """The sign-in dialog of a file that has accounts (or is a training database), shown from
    its `facts` while `opening` opens the database behind it (started once the dialog is up).
    It is the first window of the start-up, so it has no parent.

    Enter tries `light(login, password)` first (the sign-in with sqlite3 alone,
    services/light_sign_in.py): before the database is open, the password is checked and
    recorded while the opening's imports go on (the dialog stays up until it is open); after,
    the check does not compete with the warming for the interpreter, and what a full sign-in
    does besides (the package-key slot's KDF) waits for the first page. When `light` gives
    None (anything but a plain sign-in), or there is none, Enter waits for the opening and
    checks the password as always (staff.sign_in on a DbRunner: the same argon2 check,
    slowdown and audit entry). A failed opening is said in the dialog; the caller, finding
    it failed, takes the usual path once the dialog is closed. None when the person cancelled.

    With `early`, a light sign-in before the database is open does not wait for it when
    `early()` says the window can be shown without it (ui/app.py: the first page read with
    sqlite3 alone); the caller then waits for the opening with the window on screen.
    """
    runners: list[DbRunner] = []  # made at the first Enter: nothing before the dialog needs it

    def check(login: str, password: str) -> Actor:
        opening.hurry()  # nothing after the first page is imported behind the check any more
        # Enter before the dialog's first paint was seen (keys typed ahead): the imports go on
        # during the password check (argon2 lets go of the interpreter) instead of after it.
        opening.start()
        if light is not None:
            actor = light(login, password)
            if actor is not None:
                if early is None or not early():
                    opening.result()  # raises what the opening raised, said in the dialog
                return actor
        db = opening.result()[0]
        from desktop_app.services import staff
        from desktop_app.ui.worker import DbRunner

        if not runners:
            runners.append(DbRunner(lang))
        return runners[0].write_now(lambda: staff.sign_in(db, login, password), STAFF)

    try:
        dialog = _sign_in_dialog(check, user, lang, training=facts.training, parent=None)
        _once_on_screen(dialog, opening.start)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        for runner in runners:
            runner.shutdown()


def _once_on_screen(dialog: QDialog, then: Callable[[], None]) -> None:
    """`then()` once `dialog` is painted on screen: the opening's imports hold Python's lock
    for long stretches, which would otherwise slow the dialog's own first paint."""

    def check() -> None:
        handle = dialog.windowHandle()
        if not dialog.isVisible():
            return  # closed already: whoever needs `then` done asks for it
        if handle is not None and handle.isExposed():
            then()
        else:
            QTimer.singleShot(_POLL_MS, check)

    QTimer.singleShot(0, check)


def _sign_in_dialog(
    check: Callable[[str, str], Actor],
    user: str | None,
    lang: str,
    *,
    training: bool,
    parent: QWidget | None,
) -> SignInDialog:
    """A training database's dialog lists its demo accounts and is pre-filled with one (the
    demo accounts, and the password module behind them, are imported for a training one only:
    a ward's dialog comes without them)."""
    login = _login(user, training=training)
    if not training:
        return SignInDialog(check, lang=lang, login=login, parent=parent)
    from desktop_app.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

    return SignInDialog(
        check,
        lang=lang,
        login=login,
        demo=[(account.login, account.role) for account in DEMO_ACCOUNTS],
        demo_password=DEMO_PASSWORD,
        prefill=user is None or user in {account.login for account in DEMO_ACCOUNTS},
        parent=parent,
    )
