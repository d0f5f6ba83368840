"""Staff accounts and signing in: who may use this database, in which role.

Every account belongs to this database's office. Signing in checks the password against its
argon2id hash (services.passwords), and a disabled account cannot sign in at all.

A stranger learns nothing from a refusal: an unknown login is hashed against a dummy hash, a
disabled account's password is still checked, so every refusal takes the time of one argon2
verification, and every refusal says the same words (`sign_in_failed`); the reason is written
to the audit trail only. Failed attempts slow down instead of locking anyone out: after
FREE_FAILURES failures of a login (known or not) within FAILURE_WINDOW since its last sign-in,
each further attempt waits 1, 2, 4 ... seconds, at most MAX_DELAY, before its password is
checked; the right password then succeeds. Nobody can lock `admin` out: at the PC where the
database lives the administrator signs in at worst MAX_DELAY seconds later. The failures are
counted from the audit trail, so unknown logins slow down exactly as known ones do.
A failed sign-in is committed before the refusal is raised, so the count survives it.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Staff, utc_now
from desktop_app.domain import entry_rules
from desktop_app.domain.actor import ROLE_LABELS, Actor, Permission, Role
from desktop_app.domain.errors import ErrorCollector, UserError
from desktop_app.domain.messages import Localized
from desktop_app.services import audit, package_key, passwords, setup
from desktop_app.services.setup import require_office

FIRST_ADMIN = "admin"
FREE_FAILURES = 3  # failures of a login answered at once
FAILURE_WINDOW = dt.timedelta(minutes=15)  # older failures no longer slow the login down
MAX_DELAY = 30.0  # seconds: the longest anyone waits for an answer, the administrator too
_LOGIN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_NAME_LIMIT = 100
_NAME_LABEL = Localized("氏名", "Name")
# The trail's entries after which a login's failures no longer count.
FAILURES_RESET_BY = ("sign_in", "staff_unlock", "password")
# What a successful sign-in sets on the account (the light read writes it too: light_sql).
SIGNED_IN: dict[str, Any] = {"failed_logins": 0, "locked_until": None}


@dataclass(frozen=True)
class StaffRecord:
    login: str
    name: str
    role: Role
    office: str
    active: bool
    failed_logins: int
    locked_until: dt.datetime | None  # UTC; None or past: not locked

    def locked(self, now: dt.datetime | None = None) -> bool:
        """Whether its sign-ins are slowed down now (failures in a row; `staff unlock` ends
        it), or locked until a time by an older build."""
        if self.locked_until is not None and self.locked_until > (now or utc_now()):
            return True
        return self.failed_logins >= FREE_FAILURES

    def to_json(self) -> dict[str, Any]:
        return {
            "login": self.login,
            "name": self.name,
            "role": str(self.role),
            "office": self.office,
            "active": self.active,
            "locked": self.locked(),
            "failed_logins": self.failed_logins,
        }


def has_accounts(db: Database) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(Staff)))


def create_first_admin(
    db: Database, password: str, *, name: str = "管理者", login: str = FIRST_ADMIN
) -> StaffRecord:
    """The first administrator (`admin` unless the set-up wizard names another) of a database
    that has no accounts yet (`init`, the wizard)."""
    login = check_account(login, name, password)
    with db.write() as session:
        office = require_office(session)
        if session.scalar(select(func.count()).select_from(Staff)):
            raise UserError("staff_exists", value=login)
        row = _new_account(session, office, login, name.strip(), Role.ADMIN, password)
        _log(session, "system", "staff_add", login, new=Role.ADMIN)
        return _record(row)


def check_account(login: str, name: str, password: str, *, training: bool = False) -> str:
    """The login as stored (lower case) when a new account's entries are acceptable; otherwise
    every problem at once, each at its field (`login`, `name`, `password`), for a form to show
    beside them. No database: the set-up wizard checks as the person types."""
    login = login.strip().lower()
    errors = ErrorCollector()
    if not _LOGIN.fullmatch(login):
        errors.add(UserError("login_invalid", at="login", value=login))
    if not name.strip() or len(name) > _NAME_LIMIT:
        errors.add(UserError("staff_name_invalid", at="name", limit=_NAME_LIMIT))
    errors.check("name", lambda: entry_rules.check_text(_NAME_LABEL, name))
    errors.check(
        "password", lambda: passwords.check_strength(password, login=login, training=training)
    )
    errors.raise_any()
    return login


def first_run(db: Database, office: str | None, password: str) -> Actor:
    """A real installation's first start in the window: the office (unless the file has one)
    and the first administrator `admin`, signed in. Checked before anything is written."""
    passwords.check_strength(password, login=FIRST_ADMIN)
    if setup.office_of(db) is None:
        if not office:
            raise UserError("not_initialised")
        setup.initialise(db, office)
    create_first_admin(db, password)
    return sign_in(db, FIRST_ADMIN, password)


def add_staff(
    db: Database, *, actor: Actor, login: str, name: str, role: str, password: str
) -> StaffRecord:
    """A new account of this office; the login is lower-case ASCII and never reused."""
    actor.require(Permission.STAFF)
    login = check_account(login, name, password, training=setup.is_training(db))
    chosen = _role(role)
    with db.write() as session:
        office = require_office(session)
        if _find(session, login) is not None:
            raise UserError("staff_exists", at="login", value=login)
        row = _new_account(session, office, login, name.strip(), chosen, password)
        _log(session, actor.login, "staff_add", login, new=chosen)
        return _record(row)


def list_staff(db: Database, *, actor: Actor) -> list[StaffRecord]:
    actor.require(Permission.STAFF)
    with db.read() as session:
        return [_record(row) for row in session.scalars(select(Staff).order_by(Staff.login))]


def disable_staff(db: Database, login: str, *, actor: Actor) -> StaffRecord:
    """The account can no longer sign in (it stays, so the audit trail keeps naming it).

    Refused for oneself and for the last active administrator: nobody could manage accounts.
    """
    actor.require(Permission.STAFF)
    with db.write() as session:
        row = _existing(session, login)
        if row.login == actor.login:
            raise UserError("staff_disable_self")
        if row.role == Role.ADMIN and _active_admins(session) <= 1 and row.active:
            raise UserError("staff_last_admin", value=row.login)
        if row.active:
            row.active = False
            _log(session, actor.login, "staff_disable", row.login, old="active", new="disabled")
        return _record(row)


def unlock_staff(db: Database, login: str, *, actor: Actor) -> StaffRecord:
    actor.require(Permission.STAFF)
    with db.write() as session:
        row = _existing(session, login)
        row.failed_logins = 0
        row.locked_until = None
        _log(session, actor.login, "staff_unlock", row.login)
        return _record(row)


def change_password(db: Database, login: str, password: str, *, actor: Actor) -> StaffRecord:
    """A new password: one's own, or anyone's for an administrator. It also unlocks."""
    if login.strip().lower() != actor.login:
        actor.require(Permission.STAFF)
    with db.write() as session:
        row = _existing(session, login)
        passwords.check_strength(password, login=row.login, training=setup.training_in(session))
        row.password_hash = passwords.hash_password(password)
        package_key.account_password_set(session, row.login, Role(row.role), password)
        row.failed_logins = 0
        row.locked_until = None
        _log(session, actor.login, "password", row.login)
        return _record(row)


def sign_in(
    db: Database,
    login: str,
    password: str,
    *,
    now: dt.datetime | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Actor:
    """The Actor of `login` if `password` is theirs; otherwise refused (and counted).

    Waits `delay(failures)` first when the login failed several times lately (`sleep` is
    given by tests that measure the wait without spending it)."""
    moment = now or utc_now()
    key = login.strip().lower()
    with db.read() as session:
        require_office(session)  # a file `init` never prepared says so first
        if not session.scalar(select(func.count()).select_from(Staff)):
            raise UserError("no_accounts")
        waited = delay(_recent_failures(session, _logged_login(key), moment))
    if waited:
        sleep(waited)
    with db.write() as session:
        refusal = _check(session, key, password)
        if refusal is None:
            row = _existing(session, key)
            package_key.signed_in(session, row.login, Role(row.role), password)
            return Actor(
                login=row.login, name=row.display_name, role=Role(row.role), office=row.office_code
            )
    raise refusal  # after the commit: the failure is kept


def sign_out(db: Database, *, actor: Actor) -> None:
    """The window is left (サインアウト, or another member of staff takes the desk): audited."""
    with db.write() as session:
        _log(session, actor.login, "sign_out", actor.login)


def delay(failures: int) -> float:
    """Seconds to wait before checking a password after `failures` recent failures."""
    if failures < FREE_FAILURES:
        return 0.0
    return float(min(MAX_DELAY, 2 ** (failures - FREE_FAILURES)))


def _recent_failures(session: Session, login: str, moment: dt.datetime) -> int:
    """Failed sign-ins of `login` in the window and since its last sign-in (or unlock)."""
    return audit.failed_sign_ins(
        session,
        login,
        since=moment - FAILURE_WINDOW,
        reset_by=FAILURES_RESET_BY,
    )


def _logged_login(key: str) -> str:
    """How the trail names a login typed at the sign-in (an unknown one may be anything)."""
    return key[:64] or "?"  # as long as a login may be, so a known one counts the same


def _check(session: Session, login: str, password: str) -> UserError | None:
    """None on success (logged, counter reset); otherwise the one refusal, its reason logged.

    Every path verifies one argon2 hash, so the answer takes as long whichever the reason."""
    row = _find(session, login)
    right = _password_matches(row, password)
    if row is None:
        named = _logged_login(login)
        _log(session, named, "sign_in_failed", named, new="unknown")
        return UserError("sign_in_failed", user=login)
    if not row.active:
        _log(session, row.login, "sign_in_failed", row.login, new="disabled")
        return UserError("sign_in_failed", user=login)
    if right:
        for column, value in SIGNED_IN.items():
            setattr(row, column, value)
        _log(session, row.login, "sign_in", row.login)
        return None
    row.failed_logins += 1
    _log(session, row.login, "sign_in_failed", row.login, new=f"wrong password {row.failed_logins}")
    return UserError("sign_in_failed", user=login)


def _password_matches(row: Staff | None, password: str) -> bool:
    """One argon2 verification whether or not the login exists (passwords.matches verifies
    the dummy hash for an unknown one), so that no refusal answers faster than another."""
    return passwords.matches(row.password_hash if row else None, password)


def _new_account(
    session: Session, office: str, login: str, name: str, role: Role, password: str
) -> Staff:
    row = Staff(
        login=login,
        display_name=name,
        office_code=office,
        role=str(role),
        password_hash=passwords.hash_password(password),
        active=True,
        failed_logins=0,
        locked_until=None,
    )
    session.add(row)
    session.flush()
    package_key.account_password_set(session, login, role, password)
    return row


def _role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        allowed = ", ".join(f"{role} ({ROLE_LABELS[role].ja})" for role in Role)
        raise UserError("role_unknown", at="role", value=value, allowed=allowed) from None


def _find(session: Session, login: str) -> Staff | None:
    return session.scalar(select(Staff).where(Staff.login == login.strip().lower()))


def _existing(session: Session, login: str) -> Staff:
    row = _find(session, login)
    if row is None:
        raise UserError("staff_unknown", value=login)
    return row


def _active_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Staff)
            .where(Staff.role == str(Role.ADMIN), Staff.active.is_(True))
        )
        or 0
    )


def _record(row: Staff) -> StaffRecord:
    return StaffRecord(
        login=row.login,
        name=row.display_name,
        role=Role(row.role),
        office=row.office_code,
        active=row.active,
        failed_logins=row.failed_logins,
        locked_until=row.locked_until,
    )


def _log(
    session: Session, staff: str, action: str, login: str, *, old: Any = None, new: Any = None
) -> None:
    audit.log(
        session, staff=staff, action=action, entity="staff", entity_id=login, old=old, new=new
    )


def sign_in_unrecorded(
    db: Database, login: str, password: str, *, now: dt.datetime | None = None
) -> Actor:
    """The Actor of `login` if `password` is theirs, checked without writing anything.

    For a read while another program holds the write lock past the busy timeout: the sign-in
    entry (and a failure's reason) cannot be written then, and a read must not fail for it.
    The same slowdown and the same one refusal as `sign_in` apply.
    """
    moment = now or utc_now()
    key = login.strip().lower()
    with db.read() as session:
        require_office(session)
        waited = delay(_recent_failures(session, _logged_login(key), moment))
    if waited:
        time.sleep(waited)
    with db.read() as session:
        row = _find(session, key)
        if row is None or not _password_matches(row, password) or not row.active:
            raise UserError("sign_in_failed", user=key)
        return Actor(
            login=row.login, name=row.display_name, role=Role(row.role), office=row.office_code
        )
