"""Every file the program writes for a person goes through here: reports, sync and master
packages, the audit export, a ledger's refused rows, PDFs of reports and case sheets.

One place for the rules (DESIGN.md, "Written files"), so that the next writer keeps them:

- never onto the database, its `-wal`/`-shm`/`-journal`, a backup (a file named like one, or
  any SQLite database file), nor anything inside the backup folder: refused, overwrite or not,
  because a clerk's typing slip must not destroy the office's records;
- an existing file is replaced only when the person said so (`overwrite=True`: the CLI's
  `--overwrite`, or a yes to the window's 上書きしますか？); otherwise `output_exists`;
- written under a hidden temporary name in the destination's folder
  (`.NAME.1a2b3c4d.part`, which no importer or file dialog takes for a workbook), flushed to
  disk and renamed over the destination only when complete; an error removes the temporary,
  and a killed process leaves at most that hidden `.part` file, never a half-written target
  (the next complete write of the same file removes such leftovers older than an hour);
- created readable by its owner only (0600): reports and packages may hold personal data.
"""

from __future__ import annotations

import glob
import os
import stat
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from db.engine import Database
from desktop_app.domain.backup_rotation import BackupName
from desktop_app.domain.errors import UserError
from desktop_app.services import backups

FILE_MODE = 0o600
DEFAULT_REFUSAL = "output_unwritable"
TEMPORARY_SUFFIX = ".part"
STALE_AFTER_S = 3600.0  # a temporary older than this was left by a write that never finished
# Files that are part of the database itself: SQLite's journal, WAL and shared memory.
_COMPANIONS = ("", "-wal", "-shm", "-journal")
_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Target:
    """A destination that passed the checks: where to write and what to say if that fails."""

    path: Path
    overwrite: bool
    refusal: str = DEFAULT_REFUSAL


def target(db: Database, out: Path, *, overwrite: bool, refusal: str = DEFAULT_REFUSAL) -> Target:
    """`out` checked against the database, its backups and an existing file, before any work.

    Raises UserError: `output_protected` (the database, a companion, a backup or the backup
    folder), `output_exists` (a file is there and `overwrite` is False), or `refusal` (a
    folder, a missing folder)."""
    shown = out.expanduser()
    path = Path(os.path.abspath(shown))
    if path.is_dir():
        raise UserError(refusal, path=str(shown), detail="folder")
    if not path.parent.is_dir():
        raise UserError(refusal, path=str(shown), detail="no such folder")
    if _protected(db, path):
        raise UserError("output_protected", path=str(shown))
    if path.exists() and not overwrite:
        raise UserError("output_exists", path=str(shown))
    return Target(path, overwrite, refusal)


@contextmanager
def output(
    db: Database, out: Path, *, overwrite: bool, refusal: str = DEFAULT_REFUSAL
) -> Iterator[Path]:
    """`target` and `writing` in one: a temporary path to write `out` to."""
    with writing(target(db, out, overwrite=overwrite, refusal=refusal)) as temporary:
        yield temporary


@contextmanager
def writing(chosen: Target) -> Iterator[Path]:
    """A temporary path (0600) beside the target, renamed over it if the block succeeds and
    removed if it does not. The writer may reopen the path by name (openpyxl, Qt's PDF writer
    do): the mode is set again before the rename, so the result is 0600 whatever it did."""
    path = chosen.path
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}{TEMPORARY_SUFFIX}")
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except OSError as exc:
        raise UserError(chosen.refusal, path=str(path), detail=_reason(exc)) from exc
    try:
        yield temporary
        os.chmod(temporary, FILE_MODE)
        _flush(temporary)
        if path.exists() and not chosen.overwrite:  # appeared while this was being written
            raise UserError("output_exists", path=str(path))
        os.replace(temporary, path)
        _flush_folder(path.parent)
        _remove_stale_temporaries(path)
    except OSError as exc:
        raise UserError(chosen.refusal, path=str(path), detail=_reason(exc)) from exc
    finally:
        temporary.unlink(missing_ok=True)


def _remove_stale_temporaries(path: Path) -> None:
    """Temporaries of the same destination that a killed write left more than STALE_AFTER_S
    ago: nobody is writing them any more, and the file they were for is now complete."""
    cutoff = time.time() - STALE_AFTER_S
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*{TEMPORARY_SUFFIX}"):
        try:
            if stale.stat().st_mtime < cutoff:
                stale.unlink()
        except OSError:
            continue  # another process's, or already gone: harmless


def _protected(db: Database, path: Path) -> bool:
    """The database's own files, a backup, or a place inside the backup folder."""
    database = Path(os.path.abspath(db.path))
    own = [database.with_name(database.name + companion) for companion in _COMPANIONS]
    folders = {backups.default_folder(database), backups.folder_of(db)}
    real = path.resolve()
    if any(real == file.resolve() or _same_file(path, file) for file in own):
        return True
    if any(real.is_relative_to(folder.resolve()) for folder in folders):
        return True
    return BackupName.parse(path.name) is not None or _is_database_file(path)


def _same_file(path: Path, other: Path) -> bool:
    """A hard link or another spelling of the same file."""
    try:
        return path.exists() and other.exists() and os.path.samefile(path, other)
    except OSError:
        return False


def _is_database_file(path: Path) -> bool:
    """An existing SQLite database (another office's, the training one, a copy): never a
    report's place, whatever its name."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as stream:
            return stream.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def _flush(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _flush_folder(folder: Path) -> None:
    """The rename itself made durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
