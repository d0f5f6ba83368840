"""Copies of a live database file through SQLite's online backup API, and facts about a file.

A plain file copy of a WAL database can miss committed pages still in the -wal file and can
catch a half-written page; the backup API copies a consistent snapshot even while the GUI has
the file open and is saving. Copies are switched to the rollback journal, so that a backup is
one self-contained file that can be read from read-only (removable) media.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations: the sign-in reads facts before SQLAlchemy is imported
    from sqlalchemy import Engine

OFFICE_KEY = "office_code"
DATABASE_ID_KEY = "database_id"
TRAINING_KEY = "training"


@dataclass(frozen=True)
class FileFacts:
    """What a database file says about itself, read without changing it."""

    revision: str | None
    office: str | None
    database_id: str | None = None  # None: a file older than its identity (migration 0007)
    training: bool = False


@dataclass(frozen=True)
class FileAccount:
    """One member of staff as a database file holds them (for signing in against a backup)."""

    login: str
    name: str
    role: str
    office: str
    active: bool
    password_hash: str | None


def read_account(path: Path, login: str) -> FileAccount | None:
    """The account `login` of the file at `path`, read without changing it; None when the file
    has no such account. Raises sqlite3.DatabaseError when the file is no readable database."""
    conn = _read_only(path)
    try:
        row = conn.execute(
            "SELECT login, display_name, role, office_code, active, password_hash"
            " FROM staff WHERE login = ?",
            (login,),
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        return None
    return FileAccount(
        str(row[0]), str(row[1]), str(row[2]), str(row[3]), bool(row[4]), row[5] and str(row[5])
    )


def backup_to(engine: Engine, target: Path) -> None:
    """Write a consistent copy of the engine's database to `target` (replaced if it exists)."""
    target.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        _copy(source, target)
    finally:
        raw.close()


def copy_file(source: Path, target: Path) -> None:
    """Copy one database file onto another through the backup API (used by restore).

    Safe while other connections have `target` open: they see the new content at their next
    transaction, as after any other write.
    """
    src = _read_only(source)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


def _copy(source: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()


def integrity_problems(engine: Engine) -> list[str]:
    """What `PRAGMA integrity_check` reports, or an empty list for a sound file."""
    with engine.connect() as conn:
        rows = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def file_problems(path: Path, *, quick: bool = False) -> list[str]:
    """`PRAGMA integrity_check` (or `quick_check`) of a file opened read-only: [] when sound.

    A file that is no database at all, or too damaged to be checked, is one problem.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = _read_only(path)
        try:
            rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def file_facts(path: Path) -> FileFacts:
    """The schema revision, office and identity of the database at `path`; None for what it
    lacks.

    Raises sqlite3.DatabaseError when the file is no readable database.
    """
    conn = _read_only(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        revision = None
        settings: dict[str, str] = {}
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if row is None else str(row[0])
        if "setting" in tables:
            keys = (OFFICE_KEY, DATABASE_ID_KEY, TRAINING_KEY)
            rows = conn.execute("SELECT key, value FROM setting WHERE key IN (?, ?, ?)", keys)
            settings = {str(key): str(value) for key, value in rows}
    finally:
        conn.close()
    return FileFacts(
        revision=revision,
        office=settings.get(OFFICE_KEY),
        database_id=settings.get(DATABASE_ID_KEY),
        training=settings.get(TRAINING_KEY) == "1",
    )


def has_accounts(path: Path) -> bool:
    """Whether the file at `path` holds any member of staff (disabled ones too).

    Raises sqlite3.DatabaseError when the file is no readable database."""
    conn = _read_only(path)
    try:
        return conn.execute("SELECT 1 FROM staff LIMIT 1").fetchone() is not None
    finally:
        conn.close()


def read_setting(path: Path, key: str) -> str | None:
    """One setting of the file at `path`, or None when it is unset or cannot be read.

    For a damaged database: the small setting table often still reads when other pages do not.
    """
    try:
        conn = _read_only(path)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return None if row is None else str(row[0])


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection (whatever characters the path holds: it goes as a file URI)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
