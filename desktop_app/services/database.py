"""Opening a desk database: the folding functions the index needs, and upgrades on open.

Every entry point (CLI, GUI, tests) opens a file through `connect`, so an older file is always
backed up and upgraded before anything reads it, and the search triggers always find their
SQL functions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DatabaseError, OperationalError

from db import connection, migrate
from db.engine import Database, SqlFunction, ensure_statistics, open_database
from db.search_index import FOLD_FUNCTION, GRAMS_FUNCTION, NAME_KEY_FUNCTION
from desktop_app.domain import text
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render
from desktop_app.services.owner_only import create_owner_only, restrict

SQL_FUNCTIONS: dict[str, SqlFunction] = {
    FOLD_FUNCTION: text.fold,
    GRAMS_FUNCTION: text.grams,
    NAME_KEY_FUNCTION: text.name_key,
}


@dataclass(frozen=True)
class Upgrade:
    """An older file brought to the program's schema on open, and the copy taken first."""

    path: Path
    from_revision: str
    to_revision: str
    backup: Path

    def message(self, lang: str) -> str:
        return render(
            "database_upgraded",
            lang,
            path=self.path,
            old=self.from_revision,
            new=self.to_revision,
            backup=self.backup,
        )


def connect(path: Path, on_upgrade: Callable[[Upgrade], None] | None = None) -> Database:
    """Open `path` (created when missing) at the newest schema.

    An older file is backed up into its backup folder first (services/backups.py), then
    upgraded; `on_upgrade` is told so that the person is (the CLI prints it, the window shows
    it). Raises UserError when the file is not a database, is damaged, or is newer than the
    program, or when the backup before an upgrade cannot be written (nothing is upgraded then).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _refuse_foreign(path)
    # Readable by its owner only (services/owner_only.py): SQLite gives the WAL its mode.
    create_owner_only(path)
    for own in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        restrict(own)
    database = open_database(path, SQL_FUNCTIONS)
    try:
        current = migrate.current_revision(database.engine)
        head = migrate.head_revision()
        if current != head:
            if current is not None and not _known_revision(current):
                raise UserError("database_newer", revision=current)
            backup = None
            if current is not None:
                from desktop_app.services import backups  # only an upgrade needs it

                backup = backups.backup_before(database, f"before-upgrade-{current}").path
            migrate.upgrade(database.engine)
            if backup is not None and current is not None and on_upgrade is not None:
                on_upgrade(Upgrade(path, current, head, backup))
        # An upgrade adds indexes that the planner has no statistics for; left so, SQLite took
        # ix_inquiry_closed for `deleted = 0` and sorted 1,000,000 rows for one page of a search.
        ensure_statistics(database.engine, force=current is not None and current != head)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        database.dispose()
        raise UserError(_refusal(exc), path=path, detail=_first_line(exc)) from exc
    except UserError:
        database.dispose()
        raise
    return database


def _refuse_foreign(path: Path) -> None:
    """Refuse another program's SQLite database (`--db` naming the wrong file) before it is
    touched: opening sets WAL in its header and the upgrade would add the desk's tables. Read
    as immutable: no lock taken and no -wal or -shm opened, made or removed (a desk file whose
    tables are still only in its -wal reads as empty, so is not taken for foreign); a file
    that cannot be read so is left to the opening's own refusals."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    except sqlite3.Error:
        return
    try:
        foreign = connection.is_foreign(probe)
    except sqlite3.Error:
        return
    finally:
        probe.close()
    if foreign:
        raise UserError("database_foreign", path=path)


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8


def _refusal(exc: BaseException) -> str:
    """Busy is not damaged: a file another program holds, or one that cannot be written, is
    said to be so (and the window offers no restore for it); anything else does not open."""
    original = getattr(exc, "orig", None) or exc
    code = (getattr(original, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return "database_busy"
    if code == _SQLITE_READONLY:
        return "database_read_only"
    return "database_unreadable"


def _known_revision(revision: str) -> bool:
    return revision in migrate.all_revisions()


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).splitlines()[0] if str(original) else type(original).__name__
