"""Putting a backup back: the file is checked first, and the file it replaces is kept.

A backup is refused (UserError, nothing changed) unless it passes `PRAGMA integrity_check`, its
schema revision is one this program knows (an older one is upgraded when next opened; a newer
one would be unreadable), and it belongs to this installation's office: restoring another
office's file would make this PC speak for that office in every package. `other_office=True`
overrides the last rule for an admin moving an office to a new PC by hand.

The replaced file is kept beside the database as `<name>.replaced-<time>.sqlite3`. A sound
current file is copied there through the backup API and then overwritten in place (safe while
another window has it open); a damaged one, which the backup API may not read, is moved there
with its -wal and -shm files, and the backup is copied into a fresh file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db import migrate
from db.backup import OFFICE_KEY, copy_file, file_facts, file_problems, read_setting
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_datetime
from desktop_app.services.backups import BackupFile, folder_for_file, list_backups

_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreReport:
    path: Path
    source: Path
    kept: Path | None  # the replaced file, or None when there was none
    office: str
    bytes: int


def installed_office(db_path: Path) -> str | None:
    """The office of the database at `db_path`, None when there is none or it cannot be read."""
    return read_setting(db_path, OFFICE_KEY) if db_path.is_file() else None


def check_backup(source: Path, *, office: str | None, other_office: bool = False) -> str:
    """Refuse `source` unless it is a sound backup of `office` (any office when None or
    `other_office`); returns the backup's office."""
    if not source.is_file():
        raise UserError("file_not_found", path=source)
    try:
        facts = file_facts(source)
    except sqlite3.DatabaseError as exc:
        raise UserError("restore_not_database", path=source.name, detail=str(exc)) from exc
    problems = file_problems(source)
    if problems:
        raise UserError("restore_damaged", path=source.name, detail=problems[0])
    if facts.revision is None or facts.office is None:
        raise UserError("restore_not_database", path=source.name, detail="no office or schema")
    if facts.revision not in migrate.all_revisions():
        raise UserError("restore_unknown_revision", path=source.name, revision=facts.revision)
    if office is not None and facts.office != office and not other_office:
        raise UserError("restore_other_office", path=source.name, theirs=facts.office, ours=office)
    return facts.office


def restore(
    actor: Actor, db_path: Path, source: Path, *, other_office: bool = False
) -> RestoreReport:
    """Replace the database at `db_path` with the backup `source`, keeping the replaced file.

    Close every connection of this process first (the window does; the command line opens
    none); the next `connect` upgrades an older backup to the current schema.
    """
    actor.require(Permission.SETTINGS)
    office = check_backup(source, office=installed_office(db_path), other_office=other_office)
    db_path.parent.mkdir(parents=True, exist_ok=True)  # a new PC: restore is how it starts
    kept = _keep(db_path) if db_path.exists() else None
    copy_file(source, db_path)
    return RestoreReport(db_path, source, kept, office, db_path.stat().st_size)


def newest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup of this database's office that passes the integrity check.

    For a damaged database: its backup folder and office are read from what still reads,
    falling back to the default folder and to any office's backup.
    """
    office = installed_office(db_path)
    for backup in list_backups(folder_for_file(db_path)):
        if backup.readable and (office is None or backup.office == office):
            if not file_problems(backup.path):
                return backup
    return None


def _keep(db_path: Path) -> Path:
    stamp = local_datetime(dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{db_path.suffix}")
    if not file_problems(db_path, quick=True):
        try:
            copy_file(db_path, kept)
            return kept
        except sqlite3.DatabaseError:
            kept.unlink(missing_ok=True)
    os.replace(db_path, kept)
    for companion in _COMPANIONS:
        side = db_path.with_name(db_path.name + companion)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + companion))
    return kept
