"""Who runs a command: the one place the command line signs a member of staff in.

Every handler that reads or changes data asks `signed_in(db)` once and hands the actor to the
services, which check its permissions. The user is `--user NAME` (main records it with
`use_user`), else `RENKEI_DESK_USER`, else `admin`; the password is `RENKEI_DESK_PASSWORD`,
else typed at the terminal. Without a terminal and without the variable the command is refused
rather than left waiting for input nobody can give (a scheduled task, a pipe).
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import TYPE_CHECKING

from desktop_app import config
from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render

if TYPE_CHECKING:
    from db.engine import Database

NEW_PASSWORD_ENV = "RENKEI_DESK_NEW_PASSWORD"

_requested: dict[str, str | None] = {"user": None}
# The database and actor of this command's sign-in, so a refused permission is audited.
_signed: list[tuple[Database, Actor]] = []
_typed: list[str] = []  # this command's signing-in password, once given


def use_user(name: str | None) -> None:
    """The `--user` of this command (None: the environment or the default decides)."""
    _requested["user"] = name
    _signed.clear()
    _typed.clear()


def requested_user() -> str | None:
    """`--user`, else RENKEI_DESK_USER; None when neither names anyone."""
    return _requested["user"] or os.environ.get(config.USER_ENV) or None


def user_name() -> str:
    return config.sign_in_user(requested_user())


def signed_in(db: Database, *, reading: bool = False) -> Actor:
    """The signed-in actor. A command that only `reading` still works while another program
    holds the write lock past the busy timeout: the password is checked without writing, and
    the sign-in goes unrecorded (said on standard error)."""
    from desktop_app.services import staff, storage_failures

    try:
        actor = staff.sign_in(db, user_name(), password())
    except Exception as exc:
        if not reading or not storage_failures.is_busy(exc):
            raise
        actor = staff.sign_in_unrecorded(db, user_name(), password())
        print(render("sign_in_not_recorded", config.language()), file=sys.stderr)
    _signed[:] = [(db, actor)]
    return actor


def audit_refusal(refusal: UserError) -> None:
    """Write a refused permission of this command to the trail of the database signed in to."""
    if refusal.code != "permission_denied" or not _signed:
        return
    from sqlalchemy.exc import SQLAlchemyError

    from desktop_app.services import audit

    db, _actor = _signed[0]
    try:
        audit.log_refusal(db, refusal)
    except (UserError, SQLAlchemyError, OSError):
        pass  # a file that cannot be written to still shows the refusal


def password() -> str:
    """The signing-in password: the variable, else a prompt at a terminal, else refused.
    Typed once per command: a read that tried the light sign-in first (cli/inquiry.py) and
    then signs in in full does not ask again."""
    if _typed:
        return _typed[0]
    given = _secret(config.PASSWORD_ENV, "password_missing", twice=False)
    _typed[:] = [given]
    return given


def new_password() -> str:
    """A password being set: the variable, else asked twice at a terminal, else refused."""
    return _secret(NEW_PASSWORD_ENV, "new_password_missing", twice=True)


def first_password() -> str:
    """The first administrator's password at `init`: the signing-in variable (what every later
    command signs in with), else asked twice at a terminal."""
    return _secret(config.PASSWORD_ENV, "password_missing", twice=True)


def _secret(variable: str, missing: str, *, twice: bool) -> str:
    given = os.environ.get(variable)
    if given:
        return given
    if not sys.stdin.isatty():
        raise UserError(missing)
    lang = config.language()
    first = getpass.getpass(render("password_prompt", lang))
    if twice and getpass.getpass(render("password_again", lang)) != first:
        raise UserError("password_mismatch")
    return first
