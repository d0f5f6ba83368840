"""The offices' shared package password: it encrypts packages and keys their manifest HMAC.

An admin sets it once per PC (設定, or `renkei-desk config set package-password`); scripts
may pass it in RENKEI_DESK_PACKAGE_PASSWORD instead. The HMAC key is derived from it with
PBKDF2, so the key is never the password itself.

The database never holds it in clear. Like a password manager's or LUKS's key slots, it is
sealed once per supervisor and administrator account (domain/sealing.py): each such account
has a key pair whose private half is locked by the account's own password (argon2id), and a
slot holding the package password sealed to its public half. Signing in with the password
opens the account's slot and keeps the package password in this process's memory (for this
database file only) until the program ends or `forget` is called (sign-out, idle lock). So
a copy of the database, or of a backup, reveals it only to someone who knows a supervisor's
or an administrator's password. Whoever holds it fills the slots that are missing: a new
supervisor added by an administrator, an account whose password an administrator reset
(its key pair is made anew, since the old password is gone), an account that had none
before this scheme. A clerk's account has no slot: clerks send no packages.

A database that still has the older plain setting keeps working: the first supervisor's or
administrator's sign-in seals it into slots and deletes the plain value.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Setting, Staff
from desktop_app.domain import sealing
from desktop_app.domain.actor import Actor, Permission, Role
from desktop_app.domain.errors import UserError
from desktop_app.services import audit

ENVIRONMENT = "RENKEI_DESK_PACKAGE_PASSWORD"
SETTING = "package_password"  # the older plain value, removed once sealed into slots
ACCOUNT_KEY = "account_key:"  # + login: the account's key pair, locked by its password
SLOT = "package_slot:"  # + login: the package password sealed to that account's key
MIN_LENGTH = 10
HOLDERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
_SALT = b"renkei-desk package manifest"
_ROUNDS = 200_000
_AAD = b"renkei-desk package password"

_unlocked: dict[str, str] = {}  # database file -> the package password, this process only
_guard = threading.Lock()


def set_password(db: Database, password: str, *, actor: Actor) -> None:
    """Seal `password` for every supervisor and administrator (administrators only)."""
    actor.require(Permission.SETTINGS)
    if len(password) < MIN_LENGTH:
        raise UserError("package_password_short", limit=MIN_LENGTH)
    with db.write() as session:
        _remember(session, password)
        session.execute(delete(Setting).where(Setting.key.startswith(SLOT)))
        _fill_slots(session, password)
        _drop_plain(session)
        audit.log(
            session,
            staff=actor.login,
            action="package_password",
            entity="database",
            entity_id=SETTING,
            new="set",
        )


def is_set(db: Database) -> bool:
    """Whether a shared password is in force here (the environment, or opened at sign-in)."""
    with db.read() as session:
        return password(session) is not None


def password(session: Session) -> str | None:
    """The password in force: the environment's, else the one this process opened for this
    database at a supervisor's or administrator's sign-in (or the older plain setting)."""
    given = os.environ.get(ENVIRONMENT)
    if given:
        return given
    with _guard:
        opened = _unlocked.get(_where(session))
    if opened:
        return opened
    return _plain(session)


def hmac_key(secret: str | None) -> bytes | None:
    if secret is None:
        return None
    return hashlib.pbkdf2_hmac("sha256", secret.encode(), _SALT, _ROUNDS)


def forget(db: Database) -> None:
    """Drop the opened password of `db` from memory (sign-out, idle lock)."""
    with _guard:
        _unlocked.pop(str(db.path.resolve()), None)


def forget_all() -> None:
    """Drop every opened password of this process (the window's sign-out; tests)."""
    with _guard:
        _unlocked.clear()


def signed_in(session: Session, login: str, role: Role, account_password: str) -> None:
    """At a successful sign-in (inside its write): open this account's slot and keep the
    package password in memory; then seal it for the accounts that lack a slot."""
    if role not in HOLDERS:
        return
    private = _account_private(session, login, account_password)
    secret = _open_slot(session, login, private)
    if secret is None:
        secret = _plain(session)
    if secret is None:
        with _guard:
            secret = _unlocked.get(_where(session))
    if secret is None:
        return
    _remember(session, secret)
    _fill_slots(session, secret)
    _drop_plain(session)


def open_at_sign_in(db: Database, actor: Actor, account_password: str) -> None:
    """`signed_in` in a write of its own, for a sign-in the light read checked and recorded
    before the database was opened (services/light_sign_in.py): the same slot opened, once
    the database is open, and nothing else of the sign-in done again."""
    with db.write() as session:
        signed_in(session, actor.login, actor.role, account_password)


def _drop_plain(session: Session) -> None:
    """Delete the older plain setting, its bytes overwritten (SQLite's secure_delete), so that
    no freed page of the file or of a later backup still holds it."""
    plain = session.get(Setting, SETTING)
    if plain is not None:
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        session.delete(plain)
        session.flush()


def account_password_set(session: Session, login: str, role: Role, account_password: str) -> None:
    """A new account or a new password (inside the staff service's write): a fresh key pair
    locked by the new password, and its slot filled when this process holds the package
    password (an administrator who signed in); otherwise the slot waits for the next
    holder's sign-in."""
    session.execute(delete(Setting).where(Setting.key.in_([ACCOUNT_KEY + login, SLOT + login])))
    if role not in HOLDERS:
        return
    locked, _private = sealing.new_locked_key(account_password, sealing.ACCOUNT_KDF)
    session.add(Setting(key=ACCOUNT_KEY + login, value=locked.to_json()))
    session.flush()
    secret = _held(session)  # never the environment's: a script's password stays its own
    if secret is not None:
        _fill_slots(session, secret)


def _held(session: Session) -> str | None:
    with _guard:
        opened = _unlocked.get(_where(session))
    return opened or _plain(session)


def _account_private(session: Session, login: str, account_password: str) -> bytes:
    """The account's private key, made on its first sign-in under this scheme."""
    found = session.get(Setting, ACCOUNT_KEY + login)
    if found is not None:
        try:
            return sealing.unlock(sealing.LockedKey.from_json(found.value), account_password)
        except (sealing.WrongKey, ValueError, KeyError):
            session.delete(found)  # a key of a password since replaced: made anew below
            stale = session.get(Setting, SLOT + login)
            if stale is not None:
                session.delete(stale)
            session.flush()
    locked, private = sealing.new_locked_key(account_password, sealing.ACCOUNT_KDF)
    session.add(Setting(key=ACCOUNT_KEY + login, value=locked.to_json()))
    session.flush()
    return private


def _open_slot(session: Session, login: str, private: bytes) -> str | None:
    slot = session.get(Setting, SLOT + login)
    if slot is None:
        return None
    try:
        return sealing.open_sealed(private, sealing.unb64(slot.value), _AAD).decode("utf-8")
    except (sealing.WrongKey, ValueError):
        return None


def _fill_slots(session: Session, secret: str) -> None:
    """Seal `secret` for every active supervisor and administrator with a key and no slot."""
    holders = set(
        session.scalars(
            select(Staff.login).where(
                Staff.role.in_([str(role) for role in HOLDERS]), Staff.active.is_(True)
            )
        )
    )
    for key in session.scalars(select(Setting).where(Setting.key.startswith(ACCOUNT_KEY))):
        login = key.key.removeprefix(ACCOUNT_KEY)
        if login not in holders or session.get(Setting, SLOT + login) is not None:
            continue
        public = sealing.LockedKey.from_json(key.value).public
        sealed = sealing.seal(public, secret.encode("utf-8"), _AAD)
        session.add(Setting(key=SLOT + login, value=sealing.b64(sealed)))
    session.flush()


def _remember(session: Session, secret: str) -> None:
    with _guard:
        _unlocked[_where(session)] = secret


def _plain(session: Session) -> str | None:
    setting = session.get(Setting, SETTING)
    return setting.value if setting is not None and setting.value else None


def _where(session: Session) -> str:
    """The database file the session works on: what an opened password belongs to."""
    name = session.get_bind().engine.url.database or ""
    return str(Path(name).resolve()) if name else ""
