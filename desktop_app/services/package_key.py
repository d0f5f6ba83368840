"""The offices' shared package password: it encrypts packages and keys their manifest HMAC.

An admin sets it once per PC (設定, or `renkei-desk config set package-password`); scripts
may pass it in RENKEI_DESK_PACKAGE_PASSWORD instead. It is kept in the database's settings,
because it must be given back to encrypt and to open packages: it protects files on USB
sticks, not the PC itself (which holds the data anyway). The HMAC key is derived from it with
PBKDF2, so the key is never the password itself.
"""

from __future__ import annotations

import hashlib
import os

from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Setting
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.services import audit

ENVIRONMENT = "RENKEI_DESK_PACKAGE_PASSWORD"
SETTING = "package_password"
MIN_LENGTH = 10
_SALT = b"renkei-desk package manifest"
_ROUNDS = 200_000


def set_password(db: Database, password: str, *, actor: Actor) -> None:
    actor.require(Permission.SETTINGS)
    if len(password) < MIN_LENGTH:
        raise UserError("package_password_short", limit=MIN_LENGTH)
    with db.write() as session:
        session.merge(Setting(key=SETTING, value=password))
        # That it was set, by whom and when; never the password.
        audit.log(session, staff=actor.login, action="setting", entity="setting", entity_id=SETTING)


def is_set(db: Database) -> bool:
    """Whether a shared password is in force here (the setting or the environment)."""
    with db.read() as session:
        return password(session) is not None


def password(session: Session) -> str | None:
    """The password in force: the environment's, else this PC's setting, else none."""
    given = os.environ.get(ENVIRONMENT)
    if given:
        return given
    setting = session.get(Setting, SETTING)
    return setting.value if setting is not None and setting.value else None


def hmac_key(secret: str | None) -> bytes | None:
    if secret is None:
        return None
    return hashlib.pbkdf2_hmac("sha256", secret.encode(), _SALT, _ROUNDS)
