"""The backup password: what opens every backup that leaves the database's folder.

An administrator sets it (設定, `renkei-desk config set backup-password`, the first-run
wizard); scripts give it in RENKEI_DESK_BACKUP_PASSWORD. The database never holds the
password or a key it opens: only a key pair whose private half is locked by the password
(argon2id, domain/sealing.py). Backups are sealed to the public half, so the daily and
before-import backups are encrypted with nobody present, and only someone who knows the
password opens one, on this PC or a new one. The locked half doubles as the verifier: a
wrong password fails to unlock it. Setting a new password makes a new pair; older backups
keep their own copy of the old locked key in their header and open with the old password.
"""

from __future__ import annotations

import os

from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Setting
from desktop_app.domain import sealing
from desktop_app.domain.actor import Actor, Permission
from desktop_app.services import audit, passwords

ENVIRONMENT = "RENKEI_DESK_BACKUP_PASSWORD"
SETTING = "backup_key"


def check_password(password: str) -> None:
    """The rules every staff password meets (length, not one character repeated)."""
    passwords.check_strength(password, login="")


def set_password(db: Database, password: str, *, actor: Actor) -> None:
    """Make the backup key for `password` (administrators); audited, never stored in clear."""
    actor.require(Permission.SETTINGS)
    check_password(password)
    locked, _private = sealing.new_locked_key(password, sealing.BACKUP_KDF)
    with db.write() as session:
        replacing = session.get(Setting, SETTING) is not None
        session.merge(Setting(key=SETTING, value=locked.to_json()))
        audit.log(
            session,
            staff=actor.login,
            action="backup_password",
            entity="database",
            entity_id=SETTING,
            new="changed" if replacing else "set",
        )


def key_in(session: Session) -> sealing.LockedKey | None:
    setting = session.get(Setting, SETTING)
    return sealing.LockedKey.from_json(setting.value) if setting is not None else None


def current_key(db: Database) -> sealing.LockedKey | None:
    """The backup key, or None until an administrator sets a backup password."""
    with db.read() as session:
        return key_in(session)


def is_set(db: Database) -> bool:
    return current_key(db) is not None


def from_environment() -> str | None:
    return os.environ.get(ENVIRONMENT) or None
