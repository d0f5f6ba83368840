"""The first administrator a new desk is set up with: what makes a login, name and password
acceptable, checked all at once so the set-up wizard shows every problem beside its field.

The password is held only as long as it takes to hand it to the staff service, which keeps a
slow salted hash (argon2), never the password itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.domain.errors import InputErrors, UserError

MIN_PASSWORD = 10
MAX_LOGIN = 32
MAX_NAME = 50
_LOGIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class FirstAdmin:
    login: str
    name: str
    password: str = field(repr=False)  # never in a log line or a traceback's locals


def check_first_admin(login: str, name: str, password: str, confirmation: str) -> FirstAdmin:
    """The account when every entry is acceptable; otherwise InputErrors, one per field
    (`login`, `name`, `password`, `confirmation`)."""
    login, name = login.strip(), " ".join(name.split())
    errors: list[UserError] = []
    if not (_LOGIN.fullmatch(login) and len(login) <= MAX_LOGIN):
        errors.append(UserError("admin_login_invalid", at="login", limit=MAX_LOGIN))
    if not name or len(name) > MAX_NAME:
        errors.append(UserError("admin_name_invalid", at="name", limit=MAX_NAME))
    if len(password) < MIN_PASSWORD:
        errors.append(
            UserError(
                "admin_password_short", at="password", limit=MIN_PASSWORD, length=len(password)
            )
        )
    elif password != confirmation:
        errors.append(UserError("admin_password_mismatch", at="confirmation"))
    if errors:
        raise InputErrors(errors)
    return FirstAdmin(login=login, name=name, password=password)
