"""Putting a backup back: the file is checked first, and the file it replaces is kept.

A backup is refused (UserError, nothing changed) unless it passes `PRAGMA integrity_check`, its
schema revision is one this program knows (an older one is upgraded when next opened; a newer
one would be unreadable), and it is a backup of this database: the same identity
(services/identity.py: the database id made at `init`, the office, the training mark).
Restoring another database's file would make this PC speak for it in every package, or put
3,000 demo cases in place of real ones. `other_office=True` overrides the id and office rules
for an administrator moving an office to a new PC by hand (and is audited in the restored
database); a training backup into a real database, or a real one into a training database,
is refused always.

An encrypted backup (one made outside the database's folder, services/backup_cipher.py) is
opened with the backup password into a private file beside the database, checked there, and
removed afterwards; the password is asked by the caller (the variable, a prompt, a dialog).

Who restores is an administrator (Permission.SETTINGS): signed in against the current
database when it opens; over a database that no longer opens, nobody can sign in against it,
so `restore_as_backup_admin` signs an administrator in against the accounts of the backup being
restored (`admin_of_backup`, the file opened read-only), never "the person at the PC". The
backup is what the database becomes, so its administrators are the ones who may put it back.

The replaced file is kept beside the database as `<name>.replaced-<time>.sqlite3`. A sound
current file is copied there through the backup API and then overwritten in place (safe while
another window has it open); a damaged one, which the backup API may not read, is moved there
with its -wal and -shm files, and the backup is copied into a fresh file. Every restore is
written into the restored database's audit trail.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db import migrate
from db.backup import (
    DATABASE_ID_KEY,
    OFFICE_KEY,
    copy_file,
    file_facts,
    file_problems,
    read_account,
    read_setting,
)
from db.models import Setting
from desktop_app.domain.actor import Actor, Permission, Role
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_datetime
from desktop_app.services import audit, backup_cipher, passwords
from desktop_app.services.backups import BackupFile, folder_for_file, list_backups
from desktop_app.services.database import Upgrade, connect
from desktop_app.services.identity import Identity, identity_of_file

if TYPE_CHECKING:
    from db.engine import Database

_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreReport:
    path: Path
    source: Path
    kept: Path | None  # the replaced file, or None when there was none
    office: str
    bytes: int
    other_database: bool = False  # `other_office`: another database's backup was taken


def installed_office(db_path: Path) -> str | None:
    """The office of the database at `db_path`, None when there is none or it cannot be read."""
    return read_setting(db_path, OFFICE_KEY) if db_path.is_file() else None


def check_backup(source: Path, *, current: Identity | None, other_office: bool = False) -> Identity:
    """Refuse `source` (a plain database file) unless it is a sound backup of the database
    whose identity is `current` (None: there is none, any sound backup does); returns the
    backup's identity."""
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
    theirs = Identity.of_facts(facts)
    if current is not None:
        _refuse_other(source.name, theirs, current, other_office=other_office)
    return theirs


def _refuse_other(name: str, theirs: Identity, ours: Identity, *, other_office: bool) -> None:
    if theirs.training != ours.training:
        code = "restore_training_into_real" if theirs.training else "restore_real_into_training"
        raise UserError(code, path=name)
    if other_office:
        return
    if ours.office is not None and theirs.office != ours.office:
        raise UserError("restore_other_office", path=name, theirs=theirs.office, ours=ours.office)
    if theirs.database_id and ours.database_id and theirs.database_id != ours.database_id:
        raise UserError("restore_other_database", path=name, office=theirs.office or "")


@contextmanager
def opened_backup(source: Path, password: str | None, beside: Path) -> Iterator[Path]:
    """`source` as a plain database file: itself, or an encrypted backup opened with
    `password` into a private file in `beside`'s folder, removed afterwards."""
    if not source.is_file():
        raise UserError("file_not_found", path=source)
    if not backup_cipher.is_encrypted(source):
        yield source
        return
    if not password:
        raise UserError("backup_password_needed", path=source.name)
    beside.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".restoring-", suffix=".sqlite3", dir=beside.parent)
    os.close(handle)
    plain = Path(name)
    try:
        backup_cipher.decrypt_file(source, plain, password)
        yield plain
    finally:
        plain.unlink(missing_ok=True)


def is_encrypted(source: Path) -> bool:
    return backup_cipher.is_encrypted(source)


def restore(
    db_path: Path,
    source: Path,
    *,
    actor: Actor,
    other_office: bool = False,
    backup_password: str | None = None,
    on_upgrade: Callable[[Upgrade], None] | None = None,
) -> RestoreReport:
    """Replace the database at `db_path` with the backup `source`, keeping the replaced file,
    and audit it in the restored database.

    Close every connection of this process first (the window does; the command line opens
    none); the restored file is opened once to be upgraded and audited (`on_upgrade` is told
    of an upgrade).
    """
    actor.require(Permission.SETTINGS)
    return _restore(
        lambda _plain: actor,
        db_path,
        source,
        other_office=other_office,
        backup_password=backup_password,
        on_upgrade=on_upgrade,
    )


def restore_as_backup_admin(
    db_path: Path,
    source: Path,
    login: str,
    password: str,
    *,
    backup_password: str | None = None,
    on_upgrade: Callable[[Upgrade], None] | None = None,
) -> RestoreReport:
    """`restore` over a database that no longer opens (the window's damaged-database dialog):
    `login` signs in with `password` against the accounts of the backup `source` itself
    (`admin_of_backup`), and the restore is audited under that login. The backup is opened
    (an encrypted one with `backup_password`) and checked first; a refusal changes nothing."""
    return _restore(
        lambda plain: admin_of_backup(plain, login, password),
        db_path,
        source,
        other_office=False,
        backup_password=backup_password,
        on_upgrade=on_upgrade,
    )


def restore_with_sign_in(
    db_path: Path,
    source: Path,
    sign_in: Callable[[Database], Actor],
    credentials: Callable[[], tuple[str, str]],
    *,
    backup_password: Callable[[], str],
    other_office: bool = False,
    on_upgrade: Callable[[Upgrade], None] | None = None,
) -> RestoreReport:
    """`restore` for a caller with no one signed in yet (the command line): the backup password
    is asked (`backup_password`) for an encrypted backup only; the backup is opened and checked
    before anyone signs in, since a sign-in writes its audit entry and a refused file must
    leave the database byte for byte as it was. Who restores is then `sign_in` against the
    current database when it opens; a missing or damaged one cannot tell who may, so an
    administrator (`credentials`: login and password) signs in against the accounts of the
    backup itself, as the window's damaged-database dialog does (`restore_as_backup_admin`)."""
    secret = backup_password() if is_encrypted(source) else None

    def who(plain: Path) -> Actor:
        if db_path.is_file():
            try:
                db = connect(db_path)
            except UserError:
                pass
            else:
                try:
                    return sign_in(db)
                finally:
                    db.dispose()
        return admin_of_backup(plain, *credentials())

    return _restore(
        who,
        db_path,
        source,
        other_office=other_office,
        backup_password=secret,
        on_upgrade=on_upgrade,
    )


def admin_of_backup(plain: Path, login: str, password: str) -> Actor:
    """The administrator `login` of the backup `plain` (a plain database file, opened
    read-only) if `password` is theirs; refused with one message (nothing written anywhere)
    for an unknown login, a wrong password, an account no longer in use or one that is not an
    administrator's, so the answer tells a guesser nothing. Every path verifies one argon2
    hash, so it takes as long whichever the reason."""
    key = login.strip().lower()
    try:
        account = read_account(plain, key) if key else None
    except sqlite3.DatabaseError as exc:
        raise UserError("restore_not_database", path=plain.name, detail=str(exc)) from exc
    if account is None:
        passwords.matches(None, password)  # the dummy hash: as long as a wrong password
        raise UserError("restore_admin_refused", user=key)
    right = passwords.matches(account.password_hash, password)
    if not right or not account.active or account.role != Role.ADMIN.value:
        raise UserError("restore_admin_refused", user=key)
    return Actor(login=account.login, name=account.name, role=Role.ADMIN, office=account.office)


def _restore(
    who: Callable[[Path], Actor],
    db_path: Path,
    source: Path,
    *,
    other_office: bool,
    backup_password: str | None,
    on_upgrade: Callable[[Upgrade], None] | None,
) -> RestoreReport:
    """Open and check the backup, ask `who` (given the plain backup file) is restoring, then
    replace the database and audit it under that actor's login."""
    current = identity_of_file(db_path)
    with opened_backup(source, backup_password, db_path) as plain:
        theirs = check_backup(plain, current=current, other_office=other_office)
        actor = who(plain)
        actor.require(Permission.SETTINGS)
        db_path.parent.mkdir(parents=True, exist_ok=True)  # a new PC: restore is how it starts
        kept = _keep(db_path) if db_path.exists() else None
        copy_file(plain, db_path)
    other = current is not None and not current.same_database(theirs)
    _after_restore(db_path, actor, source, current, theirs, other=other, on_upgrade=on_upgrade)
    return RestoreReport(
        db_path, source, kept, theirs.office or "", db_path.stat().st_size, other_database=other
    )


def _after_restore(
    db_path: Path,
    actor: Actor,
    source: Path,
    replaced: Identity | None,
    theirs: Identity,
    *,
    other: bool,
    on_upgrade: Callable[[Upgrade], None] | None,
) -> None:
    """The restore, in the restored database's own trail (it is the one that stays): who, from
    which file, and, for a move from another office, which database it replaced. A backup
    older than identities gets the id of the database it replaces (the same one, by office),
    not a new one from its upgrade."""
    from desktop_app.services.database import connect

    db = connect(db_path, on_upgrade=on_upgrade)
    try:
        with db.write() as session:
            if theirs.database_id is None and replaced is not None and replaced.database_id:
                session.merge(Setting(key=DATABASE_ID_KEY, value=replaced.database_id))
            audit.log(
                session,
                staff=actor.login,
                action="restore",
                entity="database",
                entity_id=source.name,
                field="other_office" if other else None,
                old=replaced.database_id if replaced is not None else None,
                new=str(source),
            )
    finally:
        db.dispose()


def newest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup of this very database that passes the integrity check (an encrypted
    one: whose header reads, since only its password opens the rest).

    For a damaged database: its backup folder and identity are read from what still reads;
    when nothing does, only backups named after this database file are considered.
    """
    current = identity_of_file(db_path)
    for backup in list_backups(folder_for_file(db_path)):
        if not backup.readable:
            continue
        if current is not None and current.office is not None:
            if not current.same_database(backup.identity):
                continue
        elif not backup.path.name.startswith(f"{db_path.stem}-"):
            continue
        if backup.encrypted or not file_problems(backup.path):
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
