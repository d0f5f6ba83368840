"""Setting a ward PC's desk up on its first start: the office, the first administrator and,
if the central office sent one, its master package.

All of it is done on a file beside the destination (`<name>.setting-up`) that is renamed into
place only when every step succeeded, so a refused master package or a crash leaves no
half-made database behind for the next start to mistake for a ready one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.errors import UserError
from desktop_app.domain.first_admin import FirstAdmin
from desktop_app.services import masters_sync, setup
from desktop_app.services.database import connect
from desktop_app.services.masters_sync import MastersReport

PARTIAL_SUFFIX = ".setting-up"


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
        masters = None
        if masters_package is not None:
            masters = masters_sync.import_masters(db, masters_package, staff=admin.login)
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
