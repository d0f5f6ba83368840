"""Copies of a live database file through SQLite's online backup API.

A plain file copy of a WAL database can miss committed pages still in the -wal file and can
catch a half-written page; the backup API copies a consistent snapshot even while the GUI has
the file open and is saving.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine


def backup_to(engine: Engine, target: Path) -> None:
    """Write a consistent copy of the engine's database to `target` (replaced if it exists)."""
    target.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        with sqlite3.connect(target) as dest:
            source.backup(dest)
        dest.close()
    finally:
        raw.close()


def copy_file(source: Path, target: Path) -> None:
    """Copy one database file to another through the backup API (used by restore)."""
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
        with sqlite3.connect(target) as dest:
            src.backup(dest)
        dest.close()
    src.close()


def integrity_problems(engine: Engine) -> list[str]:
    """What `PRAGMA integrity_check` reports, or an empty list for a sound file."""
    with engine.connect() as conn:
        rows = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows
