"""Setting a ward PC's desk up on its first start: the office, the first administrator and,
if the central office sent one, its master package.

The administrator's entries are checked as the set-up wizard's fields are typed
(`check_first_admin`, by the staff service's own rules); the password is held only until the
staff service has stored its argon2id hash, never written anywhere itself.

All of it is done on a file beside the destination (`<name>.setting-up`) that is renamed into
place only when every step succeeded, so a refused master package or a crash leaves no
half-made database behind for the next start to mistake for a ready one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.errors import ErrorCollector, UserError
from desktop_app.services import backup_key, masters_sync, setup, staff
from desktop_app.services.database import connect
from desktop_app.services.masters_sync import MastersReport

PARTIAL_SUFFIX = ".setting-up"


@dataclass(frozen=True)
class FirstAdmin:
    login: str
    name: str
    password: str = field(repr=False)  # never in a log line or a traceback's locals
    # Offered by the wizard, optional: until one is set, backups stay beside the database.
    backup_password: str | None = field(default=None, repr=False)


def check_first_admin(login: str, name: str, password: str, confirmation: str) -> FirstAdmin:
    """The account when every entry is acceptable; otherwise every problem at once, each at its
    field (`login`, `name`, `password`, `confirmation`). No database is touched."""
    errors = ErrorCollector()
    checked = errors.check(None, lambda: staff.check_account(login, name, password))
    if password != confirmation and not any(e.at == "password" for e in errors.errors):
        errors.add(UserError("admin_password_mismatch", at="confirmation"))
    errors.raise_any()
    assert checked is not None
    return FirstAdmin(login=checked, name=" ".join(name.split()), password=password)


@dataclass(frozen=True)
class SetUpReport:
    path: Path
    office: str
    admin: str
    masters: MastersReport | None


def set_up_desk(
    path: Path, office: str, admin: FirstAdmin, *, masters_package: Path | None = None
) -> SetUpReport:
    """Create the database at `path` for `office`, its master lists (the shipped ones, then
    the package's newer rows) and its first administrator. Refuses a path that already holds
    a file, and leaves nothing there when any step is refused."""
    if path.exists():
        raise UserError("database_exists", path=path)
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    _remove(partial)  # what an interrupted earlier attempt left
    db = connect(partial)
    try:
        report = setup.initialise(db, office)
        staff.create_first_admin(db, admin.password, name=admin.name, login=admin.login)
        first_admin = Actor(login=admin.login, name=admin.name, role=Role.ADMIN, office=office)
        if admin.backup_password:
            backup_key.set_password(db, admin.backup_password, actor=first_admin)
        masters = None
        if masters_package is not None:
            masters = masters_sync.import_masters(db, masters_package, actor=first_admin)
    except BaseException:
        db.dispose()
        _remove(partial)
        raise
    db.dispose()  # the last connection: SQLite folds the WAL into the file and removes it
    partial.replace(path)
    return SetUpReport(path=path, office=report.office, admin=admin.login, masters=masters)


def _remove(database: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
