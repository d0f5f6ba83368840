"""Automatic backups: where they go, when they are made, and how many are kept.

A backup is made on the first start of each day and before every change a person cannot
easily undo: a schema upgrade, a sync import, a master import, a ledger import, a retention
run (`backup_before`). Each is a consistent copy through SQLite's online backup API
(db/backup.py), written under a temporary name and renamed when complete, so a crash never
leaves half a file that looks like a backup. The folder is a setting an admin may point at
removable media; by default it is `backups/` beside the database. After each backup the folder
is rotated (domain/backup_rotation.py: 7 daily, 4 weekly, 12 monthly); files the program did
not name, and backups made by hand, are never deleted.

A backup that leaves the database's own folder (the folder the database is in, or one inside
it) is always encrypted (services/backup_cipher.py) for the backup password's holder
(services/backup_key.py). Until an administrator sets one, backups stay beside the database:
pointing them elsewhere is refused, and automatic backups fall back to the default folder.
The plain snapshot is made beside the database and removed once the encrypted file is in
place, so no plain copy ever reaches the other folder.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db import migrate
from db.backup import backup_to, file_facts, file_problems, read_setting
from db.engine import Database
from db.models import Setting, utc_now
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.backup_rotation import (
    MANUAL,
    SUFFIX,
    BackupName,
    backup_prefix,
    reason_slug,
    to_keep,
)
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_datetime
from desktop_app.services import audit, backup_cipher, backup_key
from desktop_app.services.identity import Identity, identity_of
from desktop_app.services.owner_only import restrict

FOLDER_KEY = "backup_folder"
OFFICE_KEY = "office_code"
DEFAULT_FOLDER_NAME = "backups"
DAILY = "daily"
MANUAL_REASON = MANUAL  # `renkei-desk backup`: a person's own copy, never rotated away


@dataclass(frozen=True)
class BackupReport:
    path: Path
    bytes: int


@dataclass(frozen=True)
class BackupFile:
    """One backup in the folder, as the restore screen lists it (newest first).

    `office`, `revision` and the identity are read from the file itself (an encrypted one's
    header); None when it cannot be read (`readable` False).
    """

    path: Path
    taken_at: dt.datetime  # local wall-clock time
    reason: str
    bytes: int
    office: str | None
    revision: str | None
    readable: bool
    database_id: str | None = None
    training: bool = False
    encrypted: bool = False

    @property
    def identity(self) -> Identity:
        return Identity(self.database_id, self.office, self.training)


@dataclass(frozen=True)
class DailyBackup:
    """The start-of-day backup: `made` is None when today's already exists; `problems` are
    what the check of the fresh copy found (the copy is then deleted: the database is damaged).
    """

    made: BackupReport | None
    problems: tuple[str, ...] = ()


def default_folder(db_path: Path) -> Path:
    return db_path.parent / DEFAULT_FOLDER_NAME


def folder_of(db: Database) -> Path:
    """The folder the admin set, or `backups/` beside the database."""
    with db.read() as session:
        setting = session.get(Setting, FOLDER_KEY)
    return Path(setting.value) if setting is not None else default_folder(db.path)


def folder_for_file(db_path: Path) -> Path:
    """`folder_of` for a file that may be too damaged to open: its setting when it still
    reads, else the default folder."""
    chosen = read_setting(db_path, FOLDER_KEY)
    return Path(chosen) if chosen else default_folder(db_path)


def set_folder(db: Database, folder: Path | None, *, actor: Actor) -> Path:
    """Point the backups at `folder` (None: back to the default); refused unless it can be
    written to, so that no later backup fails on it unnoticed. Returns the folder in force."""
    actor.require(Permission.SETTINGS)
    chosen = default_folder(db.path) if folder is None else folder.expanduser().resolve()
    if leaves_home(db.path, chosen) and not backup_key.is_set(db):
        raise UserError("backup_needs_password", path=chosen)
    _writable(chosen)
    with db.write() as session:
        if folder is None:
            existing = session.get(Setting, FOLDER_KEY)
            if existing is not None:
                session.delete(existing)
        else:
            session.merge(Setting(key=FOLDER_KEY, value=str(chosen)))
        audit.log(
            session, staff=actor.login, action="setting", entity="setting",
            entity_id=FOLDER_KEY, new=str(chosen),
        )  # fmt: skip
    return chosen


def backup_before(db: Database, reason: str) -> BackupReport:
    """Back up `db` into its backup folder before a change that cannot easily be undone.

    Importers and other bulk changes call this once, after their input has been read and
    checked and before their write transaction opens, so that a refused file makes no backup:
    `backup_before(db, "ledger-import")`, `backup_before(db, "retention")`. `reason` becomes
    part of the file name (lower-case letters, digits, hyphens). Raises UserError
    `backup_folder_unavailable` when the folder cannot be written (a removable drive not
    plugged in); the caller then changes nothing, since a change without its backup is what
    this guards against. Rotates the folder afterwards.
    """
    return backup_now(db, reason)


def backup_now(db: Database, reason: str, *, folder: Path | None = None) -> BackupReport:
    """A backup into `folder` (default: the backup folder), named for `reason`, then the
    folder's rotation. `reason` "manual" is never rotated away. A `folder` outside the
    database's own is refused (`backup_needs_password`) until a backup password is set; the
    backup folder setting then falls back to the default folder instead."""
    report, _problems = _make(db, reason, folder)
    assert report is not None
    return report


def manual_backup(db: Database, *, actor: Actor, folder: Path | None = None) -> BackupReport:
    """`renkei-desk backup` and 今すぐバックアップ: administrators only, and audited."""
    actor.require(Permission.SETTINGS)
    report = backup_now(db, MANUAL_REASON, folder=folder)
    with db.write() as session:
        audit.log(
            session,
            staff=actor.login,
            action="backup",
            entity="database",
            entity_id=report.path.name,
            new=str(report.path),
        )
    return report


def leaves_home(db_path: Path, folder: Path) -> bool:
    """Whether `folder` is outside the folder the database is in (its backups are encrypted)."""
    home = db_path.resolve().parent
    return not folder.expanduser().resolve().is_relative_to(home)


def _make(
    db: Database, reason: str, folder: Path | None, *, check: bool = False
) -> tuple[BackupReport | None, list[str]]:
    """Write one backup; with `check` a copy that fails `quick_check` is removed and its
    problems returned instead."""
    key = backup_key.current_key(db)
    target_dir = folder if folder is not None else automatic_folder(db)
    encrypted = leaves_home(db.path, target_dir)
    if encrypted and key is None:
        raise UserError("backup_needs_password", path=target_dir)
    _writable(target_dir)
    name = _free_name(target_dir, _prefix(db), reason_slug(reason))
    target = target_dir / name.file_name
    partial = target_dir / f".{name.file_name}.partial"
    plain = db.path.parent / f".{name.file_name}.snapshot" if encrypted else partial
    try:
        backup_to(db.engine, plain)
        restrict(plain)  # the residents' data: the owner's alone, as the database (owner_only)
        problems = file_problems(plain, quick=True) if check else []
        if problems:
            return None, problems
        if key is not None and encrypted:
            identity = identity_of(db)
            backup_cipher.encrypt_file(
                plain,
                partial,
                key,
                database_id=identity.database_id,
                office=identity.office,
                training=identity.training,
                revision=migrate.current_revision(db.engine),
            )
        restrict(partial)  # the encrypted copy too, written under the umask
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        raise UserError("backup_folder_unavailable", path=target_dir, detail=str(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
        plain.unlink(missing_ok=True)
    rotate(target_dir, _prefix(db), today=name.taken_at.date())
    return BackupReport(path=target, bytes=target.stat().st_size), []


def automatic_folder(db: Database) -> Path:
    """Where automatic backups go: the backup folder, or the default one while the folder
    is outside the database's and no backup password is set (they would have to be plain)."""
    chosen = folder_of(db)
    if leaves_home(db.path, chosen) and not backup_key.is_set(db):
        return default_folder(db.path)
    return chosen


def daily(db: Database) -> DailyBackup:
    """The first start of the day's backup, checked (`PRAGMA quick_check` of the copy).

    Nothing happens when today's exists or the database was never initialised. A copy that
    fails its check is deleted, so a damaged database never rotates good backups away.
    """
    if _office(db) is None:
        return DailyBackup(None)
    folder = automatic_folder(db)
    today = _local_now().date()
    prefix = _prefix(db)
    if any(
        item.reason.startswith(DAILY) and item.taken_at.date() == today
        for item in _names(folder, prefix)
    ):
        return DailyBackup(None)
    made, problems = _make(db, DAILY, folder, check=True)
    return DailyBackup(made, tuple(problems))


def rotate(folder: Path, prefix: str, *, today: dt.date) -> list[Path]:
    """Delete the automatic backups of `prefix` that the rotation no longer keeps."""
    names = _names(folder, prefix)
    kept = to_keep(names, today=today)
    gone = []
    for name in names:
        if name not in kept:
            path = folder / name.file_name
            path.unlink(missing_ok=True)
            gone.append(path)
    return gone


def list_backups(folder: Path) -> list[BackupFile]:
    """Every backup the program named in `folder` (any office), newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        name = BackupName.parse(path.name)
        if name is None:
            continue
        found.append(_described(path, name))
    return sorted(found, key=lambda item: (item.taken_at, item.path.name), reverse=True)


def _described(path: Path, name: BackupName) -> BackupFile:
    """What the list shows of one file: read from the database inside, or from an encrypted
    file's header (no password needed)."""
    size = path.stat().st_size
    if backup_cipher.is_encrypted(path):
        try:
            head = backup_cipher.read_header(path)
        except (UserError, OSError):
            return BackupFile(path, name.taken_at, name.reason, size, None, None, False,
                              encrypted=True)  # fmt: skip
        return BackupFile(path, name.taken_at, name.reason, size, head.office, head.revision,
                          True, head.database_id, head.training, encrypted=True)  # fmt: skip
    try:
        facts = file_facts(path)
    except sqlite3.DatabaseError:
        return BackupFile(path, name.taken_at, name.reason, size, None, None, False)
    return BackupFile(path, name.taken_at, name.reason, size, facts.office, facts.revision,
                      True, facts.database_id, facts.training)  # fmt: skip


@dataclass(frozen=True)
class BackupListing:
    """What the restore screen shows: the folder in force, this database's backups (newest
    first) and, apart, the other databases' backups found in the same folder (another
    office's, the training database's), which are never offered for a restore here."""

    folder: Path
    files: tuple[BackupFile, ...]
    others: tuple[BackupFile, ...] = ()


def listing(db: Database) -> BackupListing:
    folder = folder_of(db)
    own = identity_of(db)
    found = list_backups(folder)
    if folder != automatic_folder(db):  # automatic backups fall back beside the database
        found += list_backups(automatic_folder(db))
    found.sort(key=lambda item: (item.taken_at, item.path.name), reverse=True)
    mine = tuple(item for item in found if item.readable and own.same_database(item.identity))
    return BackupListing(folder, mine, tuple(item for item in found if item not in mine))


def _names(folder: Path, prefix: str) -> list[BackupName]:
    if not folder.is_dir():
        return []
    parsed = (BackupName.parse(path.name) for path in folder.glob(f"{prefix}-*{SUFFIX}"))
    return [name for name in parsed if name is not None and name.prefix == prefix]


def _free_name(folder: Path, prefix: str, reason: str) -> BackupName:
    """Today's name for `reason`; a second backup in the same second gets `-2`, `-3`..."""
    taken = _local_now().replace(microsecond=0)
    name = BackupName(taken, prefix, reason)
    number = 1
    while (folder / name.file_name).exists():
        number += 1
        name = BackupName(taken, prefix, f"{reason}-{number}")
    return name


def _writable(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UserError("backup_target_invalid", path=folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".renkei-desk-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise UserError("backup_folder_unavailable", path=folder, detail=detail) from exc


def _office(db: Database) -> str | None:
    with db.read() as session:
        setting = session.get(Setting, OFFICE_KEY)
    return None if setting is None else setting.value


def _prefix(db: Database) -> str:
    return backup_prefix(db.path.stem, _office(db) or "new")


def _local_now() -> dt.datetime:
    return local_datetime(utc_now())
