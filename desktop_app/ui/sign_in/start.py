"""Who works at the window: signing in once the database is open, before the main window.

A screenshot run (`gui --screenshot`) signs in from the environment, as every command does
(RENKEI_DESK_USER or `--user`, RENKEI_DESK_PASSWORD). Otherwise: a database without accounts
that is not a training database gets the first-run set-up; any other the sign-in dialog, which
on a training database lists its demo accounts and is pre-filled with the demo administrator
(or the demo account asked for) and the published password, so that Enter opens the desk.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app import config
from desktop_app.demo.accounts import DEMO_ACCOUNTS, DEMO_ADMIN, DEMO_PASSWORD
from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import UserError
from desktop_app.services import setup, staff
from desktop_app.services.database import Database
from desktop_app.ui.sign_in.first_run_dialog import FirstRunDialog
from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog
from desktop_app.ui.worker import DbRunner

_DEMO_LOGINS = {account.login for account in DEMO_ACCOUNTS}


def sign_in_from_environment(
    db: Database, user: str | None, password: str | None, lang: str
) -> Actor:
    if password is None:
        raise UserError("password_missing")
    runner = DbRunner(lang)
    try:
        training = runner.call(setup.office_of, db) is not None and runner.call(
            setup.is_training, db
        )
        return runner.call(staff.sign_in, db, _login(user, training=training), password)
    finally:
        runner.shutdown()


def _login(user: str | None, *, training: bool) -> str:
    """Who signs in when nobody was named: a training database's demo administrator (its
    first start has no `admin`), else the first administrator."""
    return user or (DEMO_ADMIN if training else config.sign_in_user())


def sign_in_interactively(
    db: Database, user: str | None, lang: str, parent: QWidget | None = None
) -> Actor | None:
    """The signed-in actor, or None when the person cancelled. `user` pre-fills the login."""
    runner = DbRunner(lang)
    try:
        office = runner.call(setup.office_of, db)
        training = office is not None and runner.call(setup.is_training, db)
        dialog: FirstRunDialog | SignInDialog
        if not training and (office is None or not runner.call(staff.has_accounts, db)):
            dialog = FirstRunDialog(
                lambda chosen, password: runner.call(staff.first_run, db, chosen, password),
                lang=lang,
                ask_office=office is None,
                parent=parent,
            )
        else:
            demo_login = training and (user is None or user in _DEMO_LOGINS)
            dialog = SignInDialog(
                lambda login, password: runner.call(staff.sign_in, db, login, password),
                lang=lang,
                login=_login(user, training=training),
                demo=[(account.login, account.role) for account in DEMO_ACCOUNTS]
                if training
                else (),
                demo_password=DEMO_PASSWORD,
                prefill=demo_login,
                parent=parent,
            )
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        runner.shutdown()
